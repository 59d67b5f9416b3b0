using Azure;
using Radikalisering.Core.Http;

namespace Radikalisering.Core.Concerns;

/// <summary>A decrypted row of the <c>Concerns</c> table with its ETag.</summary>
public sealed record StoredConcern(
    Guid Id,
    int Year,
    string Reference,
    ConcernFacts Facts,
    DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt,
    ETag ETag)
{
    public ConcernView ToView() => new(
        Id,
        Year,
        Reference,
        Facts.ReceivedOn,
        Facts.SubjectUnder18,
        Facts.Reporter,
        Facts.Outcome,
        Facts.OutcomeOn,
        CreatedAt,
        UpdatedAt,
        EntityTags.ToHeader(ETag));
}
