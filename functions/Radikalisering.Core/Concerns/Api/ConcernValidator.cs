using Radikalisering.Core.Http;
using Radikalisering.Core.Localization;
using Radikalisering.Core.Time;

namespace Radikalisering.Core.Concerns;

/// <summary>
/// Turns requests into <see cref="ConcernFacts"/>: required facts present, <c>receivedOn</c> between
/// <see cref="ConcernFields.EarliestReceivedOn"/> and today (Copenhagen), and <c>outcomeOn</c> set to
/// today whenever the outcome becomes confirmed or dismissed (cleared when it returns to pending).
/// </summary>
public sealed class ConcernValidator(CopenhagenCalendar calendar)
{
    public ProblemOr<ConcernFacts> ForCreate(ConcernFactsRequest request)
    {
        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        Require(errors, ConcernFields.ReceivedOn, request.ReceivedOn);
        Require(errors, ConcernFields.SubjectUnder18, request.SubjectUnder18);
        Require(errors, ConcernFields.Reporter, request.Reporter);
        if (request.ReceivedOn is { } receivedOn)
        {
            CheckReceivedOn(errors, receivedOn);
        }

        if (errors.Count > 0)
        {
            return Problems.Validation(errors);
        }

        var outcome = request.Outcome ?? Outcome.Pending;
        return new ConcernFacts(
            request.ReceivedOn!.Value,
            request.SubjectUnder18!.Value,
            request.Reporter!.Value,
            outcome,
            OutcomeDate(outcome));
    }

    /// <summary>Applies a merge patch to the stored facts. The year received is the row's partition, so it cannot change.</summary>
    public ProblemOr<ConcernFacts> ForUpdate(ConcernFacts current, ConcernFactsRequest patch)
    {
        var receivedOn = patch.ReceivedOn ?? current.ReceivedOn;
        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        CheckReceivedOn(errors, receivedOn);
        if (errors.Count > 0)
        {
            return Problems.Validation(errors);
        }

        if (receivedOn.Year != current.ReceivedOn.Year)
        {
            var message =
                $"Datoen kan ikke flyttes fra {current.ReceivedOn.Year} til {receivedOn.Year}, fordi henvendelser opgøres pr. år. " +
                "Slet henvendelsen og registrér den igen med den rigtige dato.";
            return Problems.Unprocessable(
                message,
                new Dictionary<string, string[]> { [ConcernFields.ReceivedOn] = [message] });
        }

        var outcome = patch.Outcome ?? current.Outcome;
        var outcomeOn = outcome == current.Outcome ? current.OutcomeOn : OutcomeDate(outcome);
        return new ConcernFacts(
            receivedOn,
            patch.SubjectUnder18 ?? current.SubjectUnder18,
            patch.Reporter ?? current.Reporter,
            outcome,
            outcomeOn);
    }

    private DateOnly? OutcomeDate(Outcome outcome) => outcome == Outcome.Pending ? null : calendar.Today;

    private void CheckReceivedOn(Dictionary<string, string[]> errors, DateOnly receivedOn)
    {
        if (receivedOn > calendar.Today)
        {
            errors[ConcernFields.ReceivedOn] = [DanishTexts.Problem("receivedOnInFuture")];
        }
        else if (receivedOn < ConcernFields.EarliestReceivedOn)
        {
            errors[ConcernFields.ReceivedOn] =
                [$"Datoen for modtagelse må ikke ligge før {ConcernFields.EarliestReceivedOn:yyyy-MM-dd}."];
        }
    }

    private static void Require<T>(Dictionary<string, string[]> errors, string field, T? value)
        where T : struct
    {
        if (value is null)
        {
            errors[field] = [$"Feltet '{field}' skal udfyldes og {ConcernFields.Rules[field]}"];
        }
    }
}
