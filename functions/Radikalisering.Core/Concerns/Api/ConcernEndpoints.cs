using System.Globalization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Radikalisering.Core.Access;
using Radikalisering.Core.Audit;
using Radikalisering.Core.Http;

namespace Radikalisering.Core.Concerns;

/// <summary>
/// The concern API of docs/design.md (HTTP API), host-agnostic: the Functions triggers and the test host call
/// these methods. Each one checks access first (refusals audited), validates everything before
/// writing anything, and audits before answering. A change commits together with its audit intent
/// (<see cref="AuditIntent"/>), so it is audited even when the audit row cannot be written at once, and a
/// committed change is answered as done; a read that cannot be audited is not answered. Access, audit of success and failures are the
/// <see cref="ApiPipeline"/>'s.
/// </summary>
public sealed class ConcernEndpoints(
    ApiPipeline pipeline,
    AccessGuard guard,
    ConcernCreator creator,
    ConcernReader reader,
    ConcernChanger changer,
    ConcernValidator validator,
    TimeProvider time)
{
    public const int DefaultPageSize = 50;
    public const int MaximumPageSize = 200;
    public const int MaximumIdempotencyKeyLength = 255;

    public const string IdempotencyKeyHeader = "Idempotency-Key";
    public const string YearParameter = "year";
    public const string PageSizeParameter = "pageSize";
    public const string ContinuationTokenParameter = "continuationToken";

    private static readonly string[] CreateMediaTypes = [RequestBody.JsonMediaType];
    private static readonly string[] PatchMediaTypes = [RequestBody.MergePatchMediaType, RequestBody.JsonMediaType];

    /// <summary><c>POST /api/concerns</c>.</summary>
    public Task<IResult> CreateAsync(HttpContext context, CancellationToken cancellationToken) =>
        pipeline.RunAsync(context, new(AppRoles.ConcernsReadWrite, AuditActions.CreateConcern), CreateAsync, cancellationToken);

    /// <summary><c>GET /api/concerns?year=2026&amp;pageSize=50&amp;continuationToken=…</c>.</summary>
    public Task<IResult> ListAsync(HttpContext context, CancellationToken cancellationToken) =>
        pipeline.RunAsync(context, new(AppRoles.ConcernsReadWrite, AuditActions.ListConcerns), ListAsync, cancellationToken);

    /// <summary><c>GET /api/concerns/{year}/{id}</c>.</summary>
    public Task<IResult> GetAsync(HttpContext context, int year, Guid id, CancellationToken cancellationToken) =>
        pipeline.RunAsync(context, new(AppRoles.ConcernsReadWrite, AuditActions.ReadConcern, SubjectOf(id)), call => GetAsync(call, year, id), cancellationToken);

    /// <summary><c>PATCH /api/concerns/{year}/{id}</c>: a JSON merge patch of the facts, guarded by <c>If-Match</c>.</summary>
    public Task<IResult> UpdateAsync(HttpContext context, int year, Guid id, CancellationToken cancellationToken) =>
        pipeline.RunAsync(context, new(AppRoles.ConcernsReadWrite, AuditActions.UpdateConcern, SubjectOf(id)), call => UpdateAsync(call, year, id), cancellationToken);

    /// <summary><c>DELETE /api/concerns/{year}/{id}</c>, guarded by <c>If-Match</c>: for a concern registered in error.</summary>
    public Task<IResult> DeleteAsync(HttpContext context, int year, Guid id, CancellationToken cancellationToken) =>
        pipeline.RunAsync(context, new(AppRoles.ConcernsReadWrite, AuditActions.DeleteConcern, SubjectOf(id)), call => DeleteAsync(call, year, id), cancellationToken);

    private async Task<IResult> CreateAsync(ApiCall call)
    {
        var idempotencyKey = ReadIdempotencyKey(call.Request);
        if (idempotencyKey.IsProblem)
        {
            return idempotencyKey.Problem;
        }

        var request = await ReadFactsAsync(call, asMergePatch: false);
        if (request.IsProblem)
        {
            return request.Problem;
        }

        var facts = validator.ForCreate(request.Value);
        if (facts.IsProblem)
        {
            return facts.Problem;
        }

        var creation = await creator.CreateAsync(facts.Value, idempotencyKey.Value, call.Caller.ObjectId, call.CancellationToken);
        switch (creation)
        {
            case { Status: ConcernCreateStatus.Created or ConcernCreateStatus.Replayed, Concern: { } concern }:
                if (creation.Intent is { } intent)
                {
                    call.AuditChange(intent, cancellation => changer.RemoveIntentAsync(concern.Year, intent, idempotencyKey.Value, cancellation));
                }
                else
                {
                    // A replay shows the caller a concern whose creation its own intent audits (here or by the
                    // sweep): auditing it as a create again would count one concern twice.
                    var action = creation.Status == ConcernCreateStatus.Replayed ? AuditActions.ReadConcern : AuditActions.CreateConcern;
                    call.AuditSuccessAs(action, SubjectOf(concern.Id));
                }

                return ApiPipeline.WithETag(TypedResults.Created(LocationOf(concern), concern.ToView()), EntityTags.ToHeader(concern.ETag));
            case { Status: ConcernCreateStatus.KeyReusedForDifferentRequest }:
                return Problems.Unprocessable(
                    "Idempotency-Key er allerede brugt til en anden henvendelse. Brug en ny nøgle til en ny henvendelse.",
                    new Dictionary<string, string[]> { [IdempotencyKeyHeader] = ["Nøglen er brugt til en anden henvendelse."] });
            default:
                return Problems.Conflict(
                    "Henvendelsen med denne Idempotency-Key er registreret og siden slettet. Brug en ny nøgle, hvis den skal registreres igen.");
        }
    }

    private async Task<IResult> ListAsync(ApiCall call)
    {
        var query = call.Request.Query;
        if (!ConcernFields.TryParseYear(query[YearParameter], out var year))
        {
            return Problems.InvalidField(YearParameter, "Angiv året som et firecifret tal, fx ?year=2026.");
        }

        var pageSize = DefaultPageSize;
        if (query.ContainsKey(PageSizeParameter)
            && (!int.TryParse(query[PageSizeParameter], NumberStyles.None, CultureInfo.InvariantCulture, out pageSize)
                || pageSize is < 1 or > MaximumPageSize))
        {
            return Problems.InvalidField(PageSizeParameter, $"Sidestørrelsen skal være et helt tal fra 1 til {MaximumPageSize}.");
        }

        string? tableToken = null;
        if (query[ContinuationTokenParameter].ToString() is { Length: > 0 } token && !ListTokens.TryDecode(token, year, out tableToken))
        {
            return Problems.InvalidField(
                ContinuationTokenParameter,
                "Fortsættelsesnøglen er ugyldig. Brug den uændret fra forrige side og med samme år.");
        }

        var stored = await reader.ListAsync(year, pageSize, tableToken, call.CancellationToken);
        foreach (var damaged in stored.Unreadable)
        {
            await guard.RecordIntegrityAlertAsync(call.Caller, damaged.Id, call.CancellationToken);
        }

        call.AuditSuccessAs(AuditActions.ListConcerns, ConcernRows.PartitionKeyOf(year));
        return TypedResults.Ok(new ConcernPage(
            stored.Items.Select(item => item.ToView()).ToList(),
            stored.Unreadable,
            stored.ContinuationToken is null ? null : ListTokens.Encode(year, stored.ContinuationToken)));
    }

    private async Task<IResult> GetAsync(ApiCall call, int year, Guid id)
    {
        var found = await FindAsync(call, year, id);
        return found.IsProblem
            ? found.Problem
            : ApiPipeline.WithETag(TypedResults.Ok(found.Value.ToView()), EntityTags.ToHeader(found.Value.ETag));
    }

    private async Task<IResult> UpdateAsync(ApiCall call, int year, Guid id)
    {
        var ifMatch = EntityTags.ReadIfMatch(call.Request);
        if (ifMatch.IsProblem)
        {
            return ifMatch.Problem;
        }

        var patch = await ReadFactsAsync(call, asMergePatch: true);
        if (patch.IsProblem)
        {
            return patch.Problem;
        }

        var found = await FindAsync(call, year, id);
        if (found.IsProblem)
        {
            return found.Problem;
        }

        var current = found.Value;
        if (current.ETag != ifMatch.Value)
        {
            return Problems.PreconditionFailed();
        }

        var facts = validator.ForUpdate(current.Facts, patch.Value);
        if (facts.IsProblem)
        {
            return facts.Problem;
        }

        var intent = IntentOf(call, AuditActions.UpdateConcern, id);
        var write = await changer.UpdateAsync(current, facts.Value, ifMatch.Value, intent, call.CancellationToken);
        if (write is not { Status: ConcernWriteStatus.Done, Concern: { } updated })
        {
            return write.Status == ConcernWriteStatus.NotFound ? NotFound() : Problems.PreconditionFailed();
        }

        call.AuditChange(intent, cancellation => changer.RemoveIntentAsync(current.Year, intent, null, cancellation));
        return ApiPipeline.WithETag(TypedResults.Ok(updated.ToView()), EntityTags.ToHeader(updated.ETag));
    }

    private async Task<IResult> DeleteAsync(ApiCall call, int year, Guid id)
    {
        var ifMatch = EntityTags.ReadIfMatch(call.Request);
        if (ifMatch.IsProblem)
        {
            return ifMatch.Problem;
        }

        if (!ConcernFields.IsPlausibleYear(year))
        {
            return NotFound();
        }

        var intent = IntentOf(call, AuditActions.DeleteConcern, id);
        var write = await changer.DeleteAsync(year, id, ifMatch.Value, intent, call.CancellationToken);
        switch (write.Status)
        {
            case ConcernWriteStatus.Done:
                call.AuditChange(intent, cancellation => changer.RemoveIntentAsync(year, intent, null, cancellation));
                return TypedResults.NoContent();
            case ConcernWriteStatus.NotFound:
                return NotFound();
            default:
                return Problems.PreconditionFailed();
        }
    }

    /// <summary>The body's facts: a JSON object for a create, a JSON merge patch (no member removed) for an update.</summary>
    private static async Task<ProblemOr<ConcernFactsRequest>> ReadFactsAsync(ApiCall call, bool asMergePatch)
    {
        var body = await RequestBody.ReadAsync(call.Request, asMergePatch ? PatchMediaTypes : CreateMediaTypes, call.CancellationToken);
        if (body.IsProblem)
        {
            return ProblemOr<ConcernFactsRequest>.From(body.Problem);
        }

        return asMergePatch
            ? JsonBody.DeserializeMergePatch<ConcernFactsRequest>(body.Value, ConcernFields.Rules)
            : JsonBody.Deserialize<ConcernFactsRequest>(body.Value, ConcernFields.Rules);
    }

    private static ProblemOr<string?> ReadIdempotencyKey(HttpRequest request)
    {
        var header = request.Headers[IdempotencyKeyHeader];
        if (header.Count == 0)
        {
            return (string?)null;
        }

        var key = header.Count == 1 ? header[0]?.Trim() : null;
        return key is { Length: > 0 and <= MaximumIdempotencyKeyLength } && key.All(character => character is >= '!' and <= '~')
            ? key
            : Problems.InvalidField(
                IdempotencyKeyHeader,
                $"Idempotency-Key skal være én værdi på 1 til {MaximumIdempotencyKeyLength} synlige ASCII-tegn, fx et GUID.");
    }

    /// <summary>The stored concern, or the problem to answer: 404 when there is none, 409 (audited as an integrity alert) when it cannot be read.</summary>
    private async Task<ProblemOr<StoredConcern>> FindAsync(ApiCall call, int year, Guid id)
    {
        if (!ConcernFields.IsPlausibleYear(year))
        {
            return NotFound();
        }

        try
        {
            return await reader.GetAsync(year, id, call.CancellationToken) is { } concern ? concern : NotFound();
        }
        catch (UnreadableConcernException exception) when (exception.Concern is { } damaged)
        {
            await guard.RecordIntegrityAlertAsync(call.Caller, damaged.Id, call.CancellationToken);
            return Problems.Unreadable(damaged.Id, damaged.Reference, EntityTags.ToHeader(exception.ETag));
        }
    }

    private AuditIntent IntentOf(ApiCall call, string action, Guid id) =>
        new(Guid.NewGuid(), call.Caller.ObjectId, action, SubjectOf(id), time.GetUtcNow());

    private static string SubjectOf(Guid id) => id.ToString("D");

    private static string LocationOf(StoredConcern concern) =>
        string.Create(CultureInfo.InvariantCulture, $"/{Routes.Prefix}/{Routes.Concerns}/{concern.Year}/{concern.Id:D}");

    private static ProblemHttpResult NotFound() =>
        Problems.NotFound("Henvendelsen findes ikke. Den kan være slettet, eller året eller id'et er forkert.");
}
