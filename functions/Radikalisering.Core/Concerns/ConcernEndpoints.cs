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
/// writing anything, and audits its success before answering. If that audit cannot be written the
/// request fails: a read discloses nothing unaudited, and a create whose audit failed is audited when
/// the client retries with its <c>Idempotency-Key</c> (the retry replays the stored concern).
/// </summary>
public sealed class ConcernEndpoints(AccessGuard guard, ConcernStore store, ConcernValidator validator)
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
    public async Task<IResult> CreateAsync(HttpContext context, CancellationToken cancellationToken)
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

        var creation = await store.CreateAsync(facts.Facts, idempotencyKey, cancellationToken).ConfigureAwait(false);
        switch (creation.Status)
        {
            case ConcernCreationStatus.Created or ConcernCreationStatus.Replayed when creation.Concern is { } concern:
                await guard.RecordSuccessAsync(access.Principal, AuditActions.CreateConcern, SubjectOf(concern), cancellationToken)
                    .ConfigureAwait(false);
                return new JsonResourceResult<ConcernView>(
                    StatusCodes.Status201Created,
                    concern.ToView(),
                    EntityTags.ToHeader(concern.ETag),
                    LocationOf(concern));
            case ConcernCreationStatus.KeyReusedForDifferentRequest:
                return Problems.Unprocessable(
                    "Idempotency-Key er allerede brugt til en anden henvendelse. Brug en ny nøgle til en ny henvendelse.",
                    new Dictionary<string, string[]> { [HttpHeaderNames.IdempotencyKey] = ["Nøglen er brugt til en anden henvendelse."] });
            default:
                return Problems.Conflict(
                    "Henvendelsen med denne Idempotency-Key er registreret og siden slettet. Brug en ny nøgle, hvis den skal registreres igen.");
        }
    }

    /// <summary><c>GET /api/concerns?year=2026&amp;pageSize=50&amp;continuationToken=…</c>.</summary>
    public async Task<IResult> ListAsync(HttpContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        var access = await guard.AuthorizeAsync(context, AppRoles.ConcernsReadWrite, AuditActions.ListConcerns, null, cancellationToken)
            .ConfigureAwait(false);
        if (!access.IsGranted)
        {
            return access.Refusal;
        }

        var query = context.Request.Query;
        if (!int.TryParse(query[YearParameter], NumberStyles.None, CultureInfo.InvariantCulture, out var year) || !ConcernFields.IsPlausibleYear(year))
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

        var (items, next) = await store.ListAsync(year, pageSize, tableToken, cancellationToken).ConfigureAwait(false);
        await guard.RecordSuccessAsync(access.Principal, AuditActions.ListConcerns, ConcernStore.PartitionKeyOf(year), cancellationToken)
            .ConfigureAwait(false);
        var page = new ConcernPage(items.Select(item => item.ToView()).ToList(), next is null ? null : ListTokens.Encode(year, next));
        return new JsonResourceResult<ConcernPage>(StatusCodes.Status200OK, page);
    }

    /// <summary><c>GET /api/concerns/{year}/{id}</c>.</summary>
    public async Task<IResult> GetAsync(HttpContext context, int year, Guid id, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        var access = await guard.AuthorizeAsync(context, AppRoles.ConcernsReadWrite, AuditActions.ReadConcern, SubjectOf(id), cancellationToken)
            .ConfigureAwait(false);
        if (!access.IsGranted)
        {
            return access.Refusal;
        }

        var concern = await FindAsync(year, id, cancellationToken).ConfigureAwait(false);
        if (concern is null)
        {
            return NotFound();
        }

        await guard.RecordSuccessAsync(access.Principal, AuditActions.ReadConcern, SubjectOf(id), cancellationToken).ConfigureAwait(false);
        return new JsonResourceResult<ConcernView>(StatusCodes.Status200OK, concern.ToView(), EntityTags.ToHeader(concern.ETag));
    }

    /// <summary><c>PATCH /api/concerns/{year}/{id}</c>: a JSON merge patch of the facts, guarded by <c>If-Match</c>.</summary>
    public async Task<IResult> UpdateAsync(HttpContext context, int year, Guid id, CancellationToken cancellationToken)
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

        var current = await FindAsync(year, id, cancellationToken).ConfigureAwait(false);
        if (current is null)
        {
            return NotFound();
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

        var write = await store.UpdateAsync(current, facts.Facts, ifMatch, cancellationToken).ConfigureAwait(false);
        if (write is not { Status: ConcernWriteStatus.Done, Concern: { } updated })
        {
            return write.Status == ConcernWriteStatus.NotFound ? NotFound() : Problems.PreconditionFailed();
        }

        await guard.RecordSuccessAsync(access.Principal, AuditActions.UpdateConcern, SubjectOf(id), cancellationToken).ConfigureAwait(false);
        return new JsonResourceResult<ConcernView>(StatusCodes.Status200OK, updated.ToView(), EntityTags.ToHeader(updated.ETag));
    }

    /// <summary><c>DELETE /api/concerns/{year}/{id}</c>, guarded by <c>If-Match</c>: for a concern registered in error.</summary>
    public async Task<IResult> DeleteAsync(HttpContext context, int year, Guid id, CancellationToken cancellationToken)
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

        var write = await store.DeleteAsync(year, id, ifMatch, cancellationToken).ConfigureAwait(false);
        switch (write.Status)
        {
            case ConcernWriteStatus.Done:
                await guard.RecordSuccessAsync(access.Principal, AuditActions.DeleteConcern, SubjectOf(id), cancellationToken)
                    .ConfigureAwait(false);
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

    /// <summary>The stored concern, or null when there is none or the year cannot hold one.</summary>
    private async Task<StoredConcern?> FindAsync(int year, Guid id, CancellationToken cancellationToken) =>
        ConcernFields.IsPlausibleYear(year) ? await store.GetAsync(year, id, cancellationToken).ConfigureAwait(false) : null;


    private static string SubjectOf(StoredConcern concern) => SubjectOf(concern.Id);

    private static string SubjectOf(Guid id) => id.ToString("D");

    private static string LocationOf(StoredConcern concern) =>
        string.Create(CultureInfo.InvariantCulture, $"/{Routes.Prefix}/{Routes.Concerns}/{concern.Year}/{concern.Id:D}");

    private static ProblemHttpResult NotFound() =>
        Problems.NotFound("Henvendelsen findes ikke. Den kan være slettet, eller året eller id'et er forkert.");
}
