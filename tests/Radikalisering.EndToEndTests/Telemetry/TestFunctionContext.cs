using System.Collections.Immutable;
using Microsoft.Azure.Functions.Worker;

namespace Radikalisering.EndToEndTests.Telemetry;

/// <summary>A function invocation as the worker's middleware sees it: the function's name (no HttpContext: a background run).</summary>
internal sealed class TestFunctionContext : FunctionContext
{
    public TestFunctionContext(string functionName) => FunctionDefinition = new TestFunctionDefinition(functionName);

    public override string InvocationId { get; } = Guid.NewGuid().ToString();

    public override string FunctionId => FunctionDefinition.Id;

    public override TraceContext TraceContext => throw new NotSupportedException();

    public override BindingContext BindingContext => throw new NotSupportedException();

    public override RetryContext RetryContext => throw new NotSupportedException();

    public override IServiceProvider InstanceServices { get; set; } = EmptyServices.Instance;

    public override FunctionDefinition FunctionDefinition { get; }

    public override IDictionary<object, object> Items { get; set; } = new Dictionary<object, object>();

    public override IInvocationFeatures Features => throw new NotSupportedException();

    private sealed class TestFunctionDefinition(string name) : FunctionDefinition
    {
        public override string Name => name;

        public override string Id => name;

        public override string PathToAssembly => "";

        public override string EntryPoint => name;

        public override ImmutableArray<FunctionParameter> Parameters => [];

        public override IImmutableDictionary<string, BindingMetadata> InputBindings => ImmutableDictionary<string, BindingMetadata>.Empty;

        public override IImmutableDictionary<string, BindingMetadata> OutputBindings => ImmutableDictionary<string, BindingMetadata>.Empty;
    }

    private sealed class EmptyServices : IServiceProvider
    {
        public static readonly EmptyServices Instance = new();

        public object? GetService(Type serviceType) => null;
    }
}
