using System.Globalization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Radikalisering.Core.Access;
using Radikalisering.Core.Audit;
using Radikalisering.Core.Http;

namespace Radikalisering.Core.Concerns;

/// <summary>
/// The concern API of DESIGN.md §7, host-agnostic: the Functions triggers and the test host call
/// these methods. Each one checks access first (refusals audited), validates everything before
/// writing anything, and audits before answering. A change commits together with its audit intent
/// (<see cref="AuditIntent"/>), so it is audited even when the audit row cannot be written at once; a
/// read that cannot be audited is not answered. Failures of storage or Key Vault answer 503
/// (<see cref="ApiFailures"/>).
/// </summary>
public sealed class ConcernEndpoints(
    AccessGuard guard,
    ConcernStore store,
    ConcernValidator validator,
    ApiFailures failures,
    TimeProvider time)
{
    public const int DefaultPageSize = 50;
    public const int MaximumPageSize = 200;
    public const int MaximumIdempotencyKeyLength = 255;

    public const string YearParameter = "year";
    public const string PageSizeParameter = "pageSize";
    public const string ContinuationTokenParameter = "continuationToken";

    private static readonly string[] CreateMediaTypes = [RequestBody.JsonMediaType];
    private static readonly string[] PatchMediaTypes = [RequestBody.MergePatchMediaType, RequestBody.JsonMediaType];

    /// <summary><c>POST /api/concerns</c>.</summary>
    public Task<IResult> CreateAsync(HttpContext context, CancellationToken cancellationToken) =>
        failures.HandleAsync(context, () => CreateCoreAsync(context, cancellationToken));

    /// <summary><c>GET /api/concerns?year=2026&amp;pageSize=50&amp;continuationToken=…</c>.</summary>
    public Task<IResult> ListAsync(HttpContext context, CancellationToken cancellationToken) =>
        failures.HandleAsync(context, () => ListCoreAsync(context, cancellationToken));

    /// <summary><c>GET /api/concerns/{year}/{id}</c>.</summary>
    public Task<IResult> GetAsync(HttpContext context, int year, Guid id, CancellationToken cancellationToken) =>
        failures.HandleAsync(context, () => GetCoreAsync(context, year, id, cancellationToken));

    /// <summary><c>PATCH /api/concerns/{year}/{id}</c>: a JSON merge patch of the facts, guarded by <c>If-Match</c>.</summary>
    public Task<IResult> UpdateAsync(HttpContext context, int year, Guid id, CancellationToken cancellationToken) =>
        failures.HandleAsync(context, () => UpdateCoreAsync(context, year, id, cancellationToken));

    /// <summary><c>DELETE /api/concerns/{year}/{id}</c>, guarded by <c>If-Match</c>: for a concern registered in error.</summary>
    public Task<IResult> DeleteAsync(HttpContext context, int year, Guid id, CancellationToken cancellationToken) =>
        failures.HandleAsync(context, () => DeleteCoreAsync(context, year, id, cancellationToken));

    private async Task<IResult> CreateCoreAsync(HttpContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        var access = await guard.AuthorizeAsync(context, AppRoles.ConcernsReadWrite, AuditActions.CreateConcern, null, cancellationToken)
            .ConfigureAwait(false);
        if (!access.IsGranted)
        {
            return access.Refusal;
        }

        if (!TryReadIdempotencyKey(context.Request, out var idempotencyKey, out var keyProblem))
        {
            return keyProblem;
        }

        var body = await RequestBody.ReadAsync(context.Request, CreateMediaTypes, cancellationToken).ConfigureAwait(false);
        if (!body.Succeeded)
        {
            return body.Problem;
        }

        var request = JsonBody.Deserialize<CreateConcernRequest>(body.Content, ConcernFields.Rules);
        if (!request.Succeeded)
        {
            return request.Problem;
        }

        var facts = validator.ForCreate(request.Value);
        if (!facts.IsValid)
        {
            return facts.Problem;
        }

        var creation = await store.CreateAsync(facts.Facts, idempotencyKey, access.Principal.ObjectId, cancellationToken).ConfigureAwait(false);
        switch (creation)
        {
            case { Status: ConcernCreationStatus.Created or ConcernCreationStatus.Replayed, Concern: { } concern }:
                if (creation.Intent is { } intent)
                {
                    await guard.RecordChangeAsync(intent, cancellationToken).ConfigureAwait(false);
                }
                else
                {
                    // A replay shows the caller a concern whose creation its own intent audits (here or by the
                    // sweep): auditing it as a create again would count one concern twice.
                    var action = creation.Status == ConcernCreationStatus.Replayed ? AuditActions.ReadConcern : AuditActions.CreateConcern;
                    await guard.RecordSuccessAsync(access.Principal, action, SubjectOf(concern), cancellationToken).ConfigureAwait(false);
                }

                return new JsonResourceResult<ConcernView>(
                    StatusCodes.Status201Created,
                    concern.ToView(),
                    EntityTags.ToHeader(concern.ETag),
                    LocationOf(concern));
            case { Status: ConcernCreationStatus.KeyReusedForDifferentRequest }:
                return Problems.Unprocessable(
                    "Idempotency-Key er allerede brugt til en anden henvendelse. Brug en ny nøgle til en ny henvendelse.",
                    new Dictionary<string, string[]> { [HttpHeaderNames.IdempotencyKey] = ["Nøglen er brugt til en anden henvendelse."] });
            default:
                return Problems.Conflict(
                    "Henvendelsen med denne Idempotency-Key er registreret og siden slettet. Brug en ny nøgle, hvis den skal registreres igen.");
        }
    }

    private async Task<IResult> ListCoreAsync(HttpContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        var access = await guard.AuthorizeAsync(context, AppRoles.ConcernsReadWrite, AuditActions.ListConcerns, null, cancellationToken)
            .ConfigureAwait(false);
        if (!access.IsGranted)
        {
            return access.Refusal;
        }

        var query = context.Request.Query;
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

        var stored = await store.ListAsync(year, pageSize, tableToken, cancellationToken).ConfigureAwait(false);
        foreach (var damaged in stored.Unreadable)
        {
            await guard.RecordIntegrityAlertAsync(access.Principal, damaged.Id, cancellationToken).ConfigureAwait(false);
        }

        await guard.RecordSuccessAsync(access.Principal, AuditActions.ListConcerns, ConcernStore.PartitionKeyOf(year), cancellationToken)
            .ConfigureAwait(false);
        var page = new ConcernPage(
            stored.Items.Select(item => item.ToView()).ToList(),
            stored.Unreadable,
            stored.ContinuationToken is null ? null : ListTokens.Encode(year, stored.ContinuationToken));
        return new JsonResourceResult<ConcernPage>(StatusCodes.Status200OK, page);
    }

    private async Task<IResult> GetCoreAsync(HttpContext context, int year, Guid id, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        var access = await guard.AuthorizeAsync(context, AppRoles.ConcernsReadWrite, AuditActions.ReadConcern, SubjectOf(id), cancellationToken)
            .ConfigureAwait(false);
        if (!access.IsGranted)
        {
            return access.Refusal;
        }

        var found = await FindAsync(access.Principal, year, id, cancellationToken).ConfigureAwait(false);
        if (found.Concern is not { } concern)
        {
            return found.Problem;
        }

        await guard.RecordSuccessAsync(access.Principal, AuditActions.ReadConcern, SubjectOf(id), cancellationToken).ConfigureAwait(false);
        return new JsonResourceResult<ConcernView>(StatusCodes.Status200OK, concern.ToView(), EntityTags.ToHeader(concern.ETag));
    }

    private async Task<IResult> UpdateCoreAsync(HttpContext context, int year, Guid id, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        var access = await guard.AuthorizeAsync(context, AppRoles.ConcernsReadWrite, AuditActions.UpdateConcern, SubjectOf(id), cancellationToken)
            .ConfigureAwait(false);
        if (!access.IsGranted)
        {
            return access.Refusal;
        }

        if (!EntityTags.TryReadIfMatch(context.Request, out var ifMatch, out var preconditionProblem))
        {
            return preconditionProblem;
        }

        var body = await RequestBody.ReadAsync(context.Request, PatchMediaTypes, cancellationToken).ConfigureAwait(false);
        if (!body.Succeeded)
        {
            return body.Problem;
        }

        if (MergePatch.RemovedMembers(body.Content) is { Count: > 0 } removed)
        {
            return Problems.Validation(removed.ToDictionary(
                field => field,
                field => new[] { $"Feltet '{field}' kan ikke fjernes (null). Udelad feltet for at beholde værdien." }));
        }

        var patch = JsonBody.Deserialize<UpdateConcernRequest>(body.Content, ConcernFields.Rules);
        if (!patch.Succeeded)
        {
            return patch.Problem;
        }

        var found = await FindAsync(access.Principal, year, id, cancellationToken).ConfigureAwait(false);
        if (found.Concern is not { } current)
        {
            return found.Problem;
        }

        if (current.ETag != ifMatch)
        {
            return Problems.PreconditionFailed();
        }

        var facts = validator.ForUpdate(current.Facts, patch.Value);
        if (!facts.IsValid)
        {
            return facts.Problem;
        }

        var intent = IntentOf(access.Principal, AuditActions.UpdateConcern, id);
        var write = await store.UpdateAsync(current, facts.Facts, ifMatch, intent, cancellationToken).ConfigureAwait(false);
        if (write is not { Status: ConcernWriteStatus.Done, Concern: { } updated })
        {
            return write.Status == ConcernWriteStatus.NotFound ? NotFound() : Problems.PreconditionFailed();
        }

        await guard.RecordChangeAsync(intent, cancellationToken).ConfigureAwait(false);
        return new JsonResourceResult<ConcernView>(StatusCodes.Status200OK, updated.ToView(), EntityTags.ToHeader(updated.ETag));
    }

    private async Task<IResult> DeleteCoreAsync(HttpContext context, int year, Guid id, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        var access = await guard.AuthorizeAsync(context, AppRoles.ConcernsReadWrite, AuditActions.DeleteConcern, SubjectOf(id), cancellationToken)
            .ConfigureAwait(false);
        if (!access.IsGranted)
        {
            return access.Refusal;
        }

        if (!EntityTags.TryReadIfMatch(context.Request, out var ifMatch, out var preconditionProblem))
        {
            return preconditionProblem;
        }

        if (!ConcernFields.IsPlausibleYear(year))
        {
            return NotFound();
        }

        var intent = IntentOf(access.Principal, AuditActions.DeleteConcern, id);
        var write = await store.DeleteAsync(year, id, ifMatch, intent, cancellationToken).ConfigureAwait(false);
        switch (write.Status)
        {
            case ConcernWriteStatus.Done:
                await guard.RecordChangeAsync(intent, cancellationToken).ConfigureAwait(false);
                return TypedResults.NoContent();
            case ConcernWriteStatus.NotFound:
                return NotFound();
            default:
                return Problems.PreconditionFailed();
        }
    }

    private static bool TryReadIdempotencyKey(HttpRequest request, out string? key, out IResult problem)
    {
        problem = Results.Empty;
        var header = request.Headers[HttpHeaderNames.IdempotencyKey];
        if (header.Count == 0)
        {
            key = null;
            return true;
        }

        key = header.Count == 1 ? header[0]?.Trim() : null;
        if (key is { Length: > 0 and <= MaximumIdempotencyKeyLength } && key.All(character => character is >= '!' and <= '~'))
        {
            return true;
        }

        problem = Problems.InvalidField(
            HttpHeaderNames.IdempotencyKey,
            $"Idempotency-Key skal være én værdi på 1 til {MaximumIdempotencyKeyLength} synlige ASCII-tegn, fx et GUID.");
        return false;
    }

    /// <summary>The stored concern, or the problem to answer: 404 when there is none, 409 (audited as an integrity alert) when it cannot be read.</summary>
    private async Task<(StoredConcern? Concern, IResult Problem)> FindAsync(ClientPrincipal principal, int year, Guid id, CancellationToken cancellationToken)
    {
        if (!ConcernFields.IsPlausibleYear(year))
        {
            return (null, NotFound());
        }

        try
        {
            return await store.GetAsync(year, id, cancellationToken).ConfigureAwait(false) is { } concern
                ? (concern, Results.Empty)
                : (null, NotFound());
        }
        catch (UnreadableConcernException exception) when (exception.Concern is { } damaged)
        {
            await guard.RecordIntegrityAlertAsync(principal, damaged.Id, cancellationToken).ConfigureAwait(false);
            return (null, Problems.Unreadable(damaged.Id, damaged.Reference, EntityTags.ToHeader(exception.ETag)));
        }
    }

    private AuditIntent IntentOf(ClientPrincipal principal, string action, Guid id) =>
        new(Guid.NewGuid(), principal.ObjectId, action, SubjectOf(id), time.GetUtcNow());

    private static string SubjectOf(StoredConcern concern) => SubjectOf(concern.Id);

    private static string SubjectOf(Guid id) => id.ToString("D");

    private static string LocationOf(StoredConcern concern) =>
        string.Create(CultureInfo.InvariantCulture, $"/{Routes.Prefix}/{Routes.Concerns}/{concern.Year}/{concern.Id:D}");

    private static ProblemHttpResult NotFound() =>
        Problems.NotFound("Henvendelsen findes ikke. Den kan være slettet, eller året eller id'et er forkert.");
}
