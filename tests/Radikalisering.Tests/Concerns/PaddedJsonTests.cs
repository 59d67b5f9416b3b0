using Radikalisering.Core.Concerns;

namespace Radikalisering.Tests.Concerns;

public sealed class PaddedJsonTests
{
    [Fact]
    public void Payload_length_does_not_reveal_the_facts()
    {
        var shortest = new ConcernFacts(new DateOnly(2026, 1, 1), true, ReporterKind.Other, Outcome.Pending, null);
        var longest = new ConcernFacts(new DateOnly(2026, 12, 31), false, ReporterKind.MunicipalEmployee, Outcome.Dismissed, new DateOnly(2026, 12, 31));

        Assert.Equal(PaddedJson.Serialize(shortest).Length, PaddedJson.Serialize(longest).Length);
    }

    [Fact]
    public void Padded_facts_read_back()
    {
        var facts = new ConcernFacts(new DateOnly(2026, 3, 14), true, ReporterKind.OtherAuthority, Outcome.Confirmed, new DateOnly(2026, 4, 2));

        Assert.Equal(facts, PaddedJson.Deserialize<ConcernFacts>(PaddedJson.Serialize(facts)));
    }
}
