using System.Collections.Concurrent;
using System.Diagnostics;
using System.Text;
using Azure.Data.Tables;
using Azure.Storage.Blobs;
using Azure.Storage.Blobs.Models;
using Azure.Storage.Blobs.Specialized;
using BenchmarkDotNet.Attributes;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Radikalisering.Core.Access;
using Radikalisering.Core.Concerns;

namespace Radikalisering.Benchmarks;

/// <summary>
/// The record path (issue 13): <c>POST /api/concerns</c> with an <c>Idempotency-Key</c> through the real
/// handler and store, composed as the app ships (audited to the table and to the trail), on an Azurite this
/// benchmark starts, against a raw insert of a row of the same size and against the minimum a create needs (a
/// two-row transaction and an audit insert). The parallel benchmark records 160 concerns of one year with 16
/// workers. Each prints table and blob requests per create and, for the parallel one, the p50 and p95 of single
/// creates, in its cleanup; the ratios are the figures to trust. BenchmarkDotNet measures the rows one after
/// another, minutes apart; on a shared machine the load changes in between, so the alternating benchmark also
/// times creates and minimums in turn and prints the ratio of their medians, also against the minimum as this app
/// audits: the transaction, then the audit insert and a trail append at once.
/// </summary>
[Config(typeof(SuiteConfig))]
public class RecordPathBenchmarks
{
    private const int ParallelCreates = 160;
    private const int Rounds = 30;
    private const int WarmUpRounds = 400;
    private const int Workers = 16;
    private const string Principal = "00000000-0000-0000-0000-0000000000be";
    private static readonly byte[] Body = Encoding.UTF8.GetBytes(
        """{ "receivedOn": "2026-03-14", "subjectUnder18": true, "reporter": "municipalEmployee", "outcome": "pending" }""");

    private readonly ConcurrentBag<double> _latencies = [];
    private readonly List<double> _alternateCreates = [];
    private readonly List<double> _alternateMinimums = [];
    private readonly List<double> _alternateTrailMinimums = [];
    private readonly StorageRequests _requests = new();
    private LocalAzurite _azurite = null!;
    private ServiceProvider _services = null!;
    private ConcernEndpoints _endpoints = null!;
    private TableClient _raw = null!;
    private TableClient _audit = null!;
    private AppendBlobClient _trail = null!;
    private long _trailLength;
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
        _services = BenchmarkServices.Build(_azurite.ConnectionString, suffix, _requests);
        _endpoints = _services.GetRequiredService<ConcernEndpoints>();
        _principalHeader = ClientPrincipal.CreateHeaderValue(Principal, [AppRoles.ConcernsReadWrite]);

        var tables = new TableServiceClient(_azurite.ConnectionString);
        _raw = tables.GetTableClient("Raw" + suffix);
        _raw.CreateIfNotExists();
        _audit = tables.GetTableClient("RawAudit" + suffix);
        _audit.CreateIfNotExists();
        var container = new BlobServiceClient(_azurite.ConnectionString).GetBlobContainerClient("raw-trail-" + suffix);
        container.CreateIfNotExists();
        _trail = container.GetAppendBlobClient("trail.log");
        _trail.Create();
        WarmUpAsync().GetAwaiter().GetResult();
        _requests.Reset();
        _creates = 0;
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        if (_creates > 0)
        {
            var (tablePerCreate, blobPerCreate) = ((double)_requests.Table.Count / _creates, (double)_requests.Blob.Count / _creates);
            Console.WriteLine($"// record path: {tablePerCreate:0.00} table and {blobPerCreate:0.00} blob requests per create over {_creates} creates");
            var parallel = _latencies.IsEmpty ? "" : ", 16 parallel";
            SuiteFigures.Record("requests per create" + parallel, tablePerCreate);
            SuiteFigures.Record("blob requests per create" + parallel, blobPerCreate);
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
            var (create, minimum, withTrail) = (Median(_alternateCreates), Median(_alternateMinimums), Median(_alternateTrailMinimums));
            Console.WriteLine(
                $"// alternately: create {create:0.00} ms, minimum {minimum:0.00} ms, minimum with the trail {withTrail:0.00} ms (medians of {_alternateCreates.Count}): create = {create / minimum:0.00} × the minimum, {create / withTrail:0.00} × the minimum with the trail");
            SuiteFigures.Record("create / minimum, alternately", create / minimum);
            SuiteFigures.Record("create / minimum with the trail, alternately", create / withTrail);
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
        var id = await TwoRowTransactionAsync();
        await _audit.AddEntityAsync(AuditRow(id));
    }

    [Benchmark(Description = "create and minimums in turn", OperationsPerInvoke = 3 * Rounds)]
    public async Task CreateAndMinimumsAlternately()
    {
        (List<double> Times, Func<Task> Operation)[] turns =
        [
            (_alternateCreates, CreateAsync),
            (_alternateMinimums, TransactionAndAudit),
            (_alternateTrailMinimums, TransactionAuditAndTrail),
        ];
        for (var round = 0; round < Rounds; round++)
        {
            // Each goes first in every third round, so none always follows another's writes.
            for (var turn = 0; turn < turns.Length; turn++)
            {
                var (times, operation) = turns[(round + turn) % turns.Length];
                times.Add(await TimeAsync(operation));
            }
        }
    }

    /// <summary>The minimum as this app audits: the transaction, then the audit insert and a trail append at once.</summary>
    private async Task TransactionAuditAndTrail()
    {
        var id = await TwoRowTransactionAsync();
        var line = Encoding.UTF8.GetBytes($"{new string('0', 64)} {{\"seq\":1,\"who\":\"{Principal}\",\"action\":\"concern.create\",\"subject\":\"{id}\"}}\n");
        var position = _trailLength;
        _trailLength += line.Length;
        await Task.WhenAll(
            _audit.AddEntityAsync(AuditRow(id)),
            _trail.AppendBlockAsync(new MemoryStream(line), new AppendBlobAppendBlockOptions { Conditions = new AppendBlobRequestConditions { IfAppendPositionEqual = position } }));
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

    /// <summary>
    /// Creates the tables and the year's counter, then runs creates and minimums until both are warm: a create took
    /// about twice as long over the first few hundred as after them (the JIT's tiers, Azurite's own warm-up), more
    /// than BenchmarkDotNet's warm-up iterations cover, so the first row measured, the create, came out slow.
    /// </summary>
    private async Task WarmUpAsync()
    {
        for (var i = 0; i < WarmUpRounds; i++)
        {
            await CreateAsync();
            await TransactionAuditAndTrail();
            await TransactionAndAudit();
        }
    }

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

    private async Task<string> TwoRowTransactionAsync()
    {
        var id = Guid.NewGuid().ToString("D");
        await _raw.SubmitTransactionAsync(
        [
            new TableTransactionAction(TableTransactionActionType.Add, RawRow("2026", id)),
            new TableTransactionAction(TableTransactionActionType.Add, RawRow("2026", "~" + id)),
        ]);
        return id;
    }

    private static TableEntity AuditRow(string id) => new("202611", id) { ["Who"] = Principal, ["Action"] = "concern.create", ["SubjectId"] = id };

    private static TableEntity RawRow(string partition, string row) => new(partition, row)
    {
        ["Reference"] = "2026-0001",
        ["Payload"] = new byte[12 + 256 + 16],
        ["KeyVersion"] = "development",
        ["SchemaVersion"] = 2,
    };
}
