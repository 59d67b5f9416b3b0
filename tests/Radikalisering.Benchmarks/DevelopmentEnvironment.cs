using Microsoft.Extensions.FileProviders;
using Microsoft.Extensions.Hosting;

namespace Radikalisering.Benchmarks;

/// <summary>The Development environment, where the development key and Development auth are allowed.</summary>
internal sealed class DevelopmentEnvironment : IHostEnvironment
{
    public string EnvironmentName { get; set; } = Environments.Development;

    public string ApplicationName { get; set; } = "Radikalisering.Benchmarks";

    public string ContentRootPath { get; set; } = AppContext.BaseDirectory;

    public IFileProvider ContentRootFileProvider { get; set; } = new NullFileProvider();
}
