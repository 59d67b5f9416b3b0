using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Time.Testing;
using Radikalisering.Core.Concerns;
using Radikalisering.Tests.Http;
using Radikalisering.Core.Time;

namespace Radikalisering.Tests.Concerns;

public sealed class ConcernValidatorTests
{
    // 2026-06-15 23:30 UTC is already 2026-06-16 in Copenhagen (summer time, UTC+2).
    private static readonly FakeTimeProvider Time = new(new DateTimeOffset(2026, 6, 15, 23, 30, 0, TimeSpan.Zero));
    private static readonly DateOnly CopenhagenToday = new(2026, 6, 16);
    private readonly ConcernValidator _validator = new(new CopenhagenCalendar(Time));

    [Fact]
    public void A_complete_request_becomes_pending_facts_without_an_outcome_date()
    {
        var result = _validator.ForCreate(new ConcernFactsRequest
        {
            ReceivedOn = new DateOnly(2026, 3, 14), SubjectUnder18 = true, Reporter = ReporterKind.MunicipalEmployee,
        });

        Assert.False(result.IsProblem);
        Assert.Equal(new ConcernFacts(new DateOnly(2026, 3, 14), true, ReporterKind.MunicipalEmployee, Outcome.Pending, null), result.Value);
    }

    [Fact]
    public void A_request_with_a_settled_outcome_is_dated_today_in_Copenhagen()
    {
        var result = _validator.ForCreate(new ConcernFactsRequest
        {
            ReceivedOn = new DateOnly(2026, 3, 14), SubjectUnder18 = false, Reporter = ReporterKind.Other, Outcome = Outcome.Dismissed,
        });

        Assert.Equal(CopenhagenToday, result.Value!.OutcomeOn);
    }

    [Fact]
    public void Missing_facts_are_each_named()
    {
        var result = _validator.ForCreate(new ConcernFactsRequest());

        var errors = ProblemResults.Errors(result.Problem);
        Assert.Equal(StatusCodes.Status400BadRequest, ProblemResults.Status(result.Problem));
        Assert.Equal(["receivedOn", "reporter", "subjectUnder18"], errors.Keys.Order());
    }

    [Fact]
    public void Today_in_Copenhagen_is_accepted_even_when_it_is_tomorrow_in_UTC()
    {
        var result = _validator.ForCreate(Request(CopenhagenToday));

        Assert.False(result.IsProblem);
    }

    [Fact]
    public void A_future_date_is_refused_in_Danish()
    {
        var result = _validator.ForCreate(Request(CopenhagenToday.AddDays(1)));

        Assert.Contains("fremtiden", Assert.Single(ProblemResults.Errors(result.Problem)["receivedOn"]));
    }

    [Fact]
    public void A_date_before_the_floor_is_refused()
    {
        var result = _validator.ForCreate(Request(new DateOnly(1999, 12, 31)));

        Assert.Contains("2000-01-01", Assert.Single(ProblemResults.Errors(result.Problem)["receivedOn"]));
    }

    [Fact]
    public void Settling_the_outcome_in_a_patch_dates_it_today()
    {
        var current = new ConcernFacts(new DateOnly(2026, 2, 1), true, ReporterKind.OtherAuthority, Outcome.Pending, null);

        var result = _validator.ForUpdate(current, new ConcernFactsRequest { Outcome = Outcome.Confirmed });

        Assert.Equal(current with { Outcome = Outcome.Confirmed, OutcomeOn = CopenhagenToday }, result.Value);
    }

    [Fact]
    public void A_patch_that_keeps_the_outcome_keeps_its_date()
    {
        var current = new ConcernFacts(new DateOnly(2026, 2, 1), true, ReporterKind.OtherAuthority, Outcome.Confirmed, new DateOnly(2026, 3, 1));

        var result = _validator.ForUpdate(current, new ConcernFactsRequest { Outcome = Outcome.Confirmed, SubjectUnder18 = false });

        Assert.Equal(current with { SubjectUnder18 = false }, result.Value);
    }

    [Fact]
    public void Returning_to_pending_clears_the_outcome_date()
    {
        var current = new ConcernFacts(new DateOnly(2026, 2, 1), true, ReporterKind.Other, Outcome.Dismissed, new DateOnly(2026, 3, 1));

        var result = _validator.ForUpdate(current, new ConcernFactsRequest { Outcome = Outcome.Pending });

        Assert.Null(result.Value!.OutcomeOn);
    }

    [Fact]
    public void Moving_the_received_date_into_another_year_is_unprocessable_and_explained()
    {
        var current = new ConcernFacts(new DateOnly(2026, 1, 5), true, ReporterKind.Other, Outcome.Pending, null);

        var result = _validator.ForUpdate(current, new ConcernFactsRequest { ReceivedOn = new DateOnly(2025, 12, 30) });

        Assert.Equal(StatusCodes.Status422UnprocessableEntity, ProblemResults.Status(result.Problem));
        Assert.Contains("Slet henvendelsen", Assert.Single(ProblemResults.Errors(result.Problem)["receivedOn"]));
    }

    [Fact]
    public void A_patch_into_the_future_is_refused()
    {
        var current = new ConcernFacts(new DateOnly(2026, 1, 5), true, ReporterKind.Other, Outcome.Pending, null);

        var result = _validator.ForUpdate(current, new ConcernFactsRequest { ReceivedOn = new DateOnly(2026, 12, 1) });

        Assert.Equal(StatusCodes.Status400BadRequest, ProblemResults.Status(result.Problem));
    }

    private static ConcernFactsRequest Request(DateOnly receivedOn) =>
        new() { ReceivedOn = receivedOn, SubjectUnder18 = true, Reporter = ReporterKind.Other };

}
