using System.Collections.Concurrent;
using System.Diagnostics;
using System.Text;
using Azure.Core;
using Azure.Core.Pipeline;
using Azure.Data.Tables;
using BenchmarkDotNet.Attributes;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Radikalisering.Core.Access;
using Radikalisering.Core.Concerns;

namespace Radikalisering.Benchmarks;

/// <summary>
/// The record path (issue 13): <c>POST /api/concerns</c> with an <c>Idempotency-Key</c> through the real
/// handler and store on an Azurite this benchmark starts, against a raw insert of a row of the same size and
/// against the minimum a create needs (a two-row transaction and an audit insert). The parallel benchmark
/// records 160 concerns of one year with 16 workers. Each prints round trips per create and, for the
/// parallel one, the p50 and p95 of single creates, in its cleanup; the ratios are the figures to trust.
/// BenchmarkDotNet measures the rows one after another, minutes apart; on a shared machine the load changes in
/// between, so the alternating benchmark also times creates and minimums in turn and prints the ratio of their medians.
/// </summary>
[Config(typeof(SuiteConfig))]
public class RecordPathBenchmarks
{
    private const int ParallelCreates = 160;
    private const int Pairs = 32;
    private const int Workers = 16;
    private const string Principal = "00000000-0000-0000-0000-0000000000be";
    private static readonly byte[] Body = Encoding.UTF8.GetBytes(
        """{ "receivedOn": "2026-03-14", "subjectUnder18": true, "reporter": "municipalEmployee", "outcome": "pending" }""");

    private readonly ConcurrentBag<double> _latencies = [];
    private readonly List<double> _alternateCreates = [];
    private readonly List<double> _alternateMinimums = [];
    private readonly RequestCounter _requests = new();
    private LocalAzurite _azurite = null!;
    private ServiceProvider _services = null!;
    private ConcernEndpoints _endpoints = null!;
    private TableClient _raw = null!;
    private TableClient _audit = null!;
    private string _principalHeader = "";
    private int _creates;

    [GlobalSetup]
    public void Setup()
    {
        _azurite = LocalAzurite.Start();
        try
        {
            Prepare();
        }
        catch
        {
            _azurite.Dispose();
            throw;
        }
    }

    private void Prepare()
    {
        var suffix = BenchmarkServices.UniqueSuffix();
        var tableOptions = new TableClientOptions();
        tableOptions.AddPolicy(_requests, HttpPipelinePosition.PerRetry);
        _services = BenchmarkServices.Build(_azurite.ConnectionString, suffix, tableOptions);
        _endpoints = _services.GetRequiredService<ConcernEndpoints>();
        _principalHeader = ClientPrincipal.CreateHeaderValue(Principal, [AppRoles.ConcernsReadWrite]);

        var tables = new TableServiceClient(_azurite.ConnectionString);
        _raw = tables.GetTableClient("Raw" + suffix);
        _raw.CreateIfNotExists();
        _audit = tables.GetTableClient("RawAudit" + suffix);
        _audit.CreateIfNotExists();
        CreateAsync().GetAwaiter().GetResult(); // creates the tables and warms the year's counter
        _requests.Reset();
        _creates = 0;
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        if (_creates > 0)
        {
            var perCreate = (double)_requests.Count / _creates;
            Console.WriteLine($"// record path: {perCreate:0.00} table requests per create over {_creates} creates");
            SuiteFigures.Record(_latencies.IsEmpty ? "requests per create" : "requests per create, 16 parallel", perCreate);
        }

        if (!_latencies.IsEmpty)
        {
            var sorted = _latencies.Order().ToArray();
            var (p50, p95) = (sorted[sorted.Length / 2], sorted[(int)(sorted.Length * 0.95)]);
            Console.WriteLine($"// single creates at {Workers} parallel: p50 {p50:0.0} ms, p95 {p95:0.0} ms over {sorted.Length}");
            SuiteFigures.Record("create p50 at 16 parallel (ms)", p50);
            SuiteFigures.Record("create p95 at 16 parallel (ms)", p95);
        }

        if (_alternateCreates.Count > 0)
        {
            var (create, minimum) = (Median(_alternateCreates), Median(_alternateMinimums));
            Console.WriteLine(
                $"// alternately: create {create:0.00} ms, minimum {minimum:0.00} ms (medians of {_alternateCreates.Count}): create = {create / minimum:0.00} × the minimum");
            SuiteFigures.Record("create / minimum, alternately", create / minimum);
        }

        _services.Dispose();
        _azurite.Dispose();
    }

    [Benchmark(Description = "POST /api/concerns with key")]
    public Task<int> Create() => CreateAsync();

    [Benchmark(Description = "raw AddEntity, same size")]
    public async Task RawInsert() =>
        await _raw.AddEntityAsync(RawRow("2026", Guid.NewGuid().ToString("D")));

    [Benchmark(Description = "minimum: 2-row transaction + audit insert")]
    public async Task TransactionAndAudit()
    {
        var id = Guid.NewGuid().ToString("D");
        await _raw.SubmitTransactionAsync(
        [
            new TableTransactionAction(TableTransactionActionType.Add, RawRow("2026", id)),
            new TableTransactionAction(TableTransactionActionType.Add, RawRow("2026", "~" + id)),
        ]);
        await _audit.AddEntityAsync(new TableEntity("202611", id) { ["Who"] = Principal, ["Action"] = "concern.create", ["SubjectId"] = id });
    }

    [Benchmark(Description = "create and minimum in turn", OperationsPerInvoke = 2 * Pairs)]
    public async Task CreateAndMinimumAlternately()
    {
        for (var pair = 0; pair < Pairs; pair++)
        {
            // Each goes first in every other pair, so neither always follows the other's writes.
            if (pair % 2 == 0)
            {
                _alternateCreates.Add(await TimeAsync(CreateAsync));
                _alternateMinimums.Add(await TimeAsync(TransactionAndAudit));
            }
            else
            {
                _alternateMinimums.Add(await TimeAsync(TransactionAndAudit));
                _alternateCreates.Add(await TimeAsync(CreateAsync));
            }
        }
    }

    [Benchmark(Description = "160 raw inserts, 16 parallel", OperationsPerInvoke = ParallelCreates)]
    public Task Parallel16RawInserts() =>
        Parallel.ForEachAsync(Enumerable.Range(0, ParallelCreates), new ParallelOptions { MaxDegreeOfParallelism = Workers }, async (_, token) =>
            await _raw.AddEntityAsync(RawRow("2026", Guid.NewGuid().ToString("D")), token));

    [Benchmark(Description = "160 creates in one year, 16 parallel", OperationsPerInvoke = ParallelCreates)]
    public Task Parallel16() =>
        Parallel.ForEachAsync(Enumerable.Range(0, ParallelCreates), new ParallelOptions { MaxDegreeOfParallelism = Workers }, async (_, _) =>
        {
            var clock = Stopwatch.StartNew();
            await CreateAsync();
            _latencies.Add(clock.Elapsed.TotalMilliseconds);
        });

    private async Task<int> CreateAsync()
    {
        var context = new DefaultHttpContext();
        context.Request.Method = "POST";
        context.Request.ContentType = "application/json";
        context.Request.Headers[ClientPrincipal.HeaderName] = _principalHeader;
        context.Request.Headers["Idempotency-Key"] = Guid.NewGuid().ToString();
        context.Request.Body = new MemoryStream(Body);
        var result = await _endpoints.CreateAsync(context, CancellationToken.None);
        var status = (result as IStatusCodeHttpResult)?.StatusCode ?? 0;
        if (status != StatusCodes.Status201Created)
        {
            throw new InvalidOperationException($"A create answered {status}.");
        }

        Interlocked.Increment(ref _creates);
        return status;
    }

    private static async Task<double> TimeAsync(Func<Task> operation)
    {
        var start = Stopwatch.GetTimestamp();
        await operation();
        return Stopwatch.GetElapsedTime(start).TotalMilliseconds;
    }

    private static double Median(List<double> values) => values.Order().ElementAt(values.Count / 2);

    private static TableEntity RawRow(string partition, string row) => new(partition, row)
    {
        ["Reference"] = "2026-0001",
        ["Payload"] = new byte[12 + 256 + 16],
        ["KeyVersion"] = "development",
        ["SchemaVersion"] = 2,
    };

    /// <summary>Counts every request the table client sends, retries included.</summary>
    private sealed class RequestCounter : HttpPipelineSynchronousPolicy
    {
        private int _count;

        public int Count => _count;

        public void Reset() => Interlocked.Exchange(ref _count, 0);

        public override void OnSendingRequest(HttpMessage message) => Interlocked.Increment(ref _count);
    }
}
