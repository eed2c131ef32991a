using OfficerTraining.Infrastructure;
using OfficerTraining.Settings;
using OfficerTraining.Training;

namespace OfficerTraining.Certificates;

/// <summary>The first run of a year's review, or the second, after the make-up exam (补考).</summary>
public enum ReviewStage { Initial, AfterMakeUp }

public enum ReviewAction { Pass, Suspend, Reinstate, Revoke }

/// <summary>What the review decided for one certificate, and the events that record it.</summary>
public sealed record ReviewDecision(
    Guid CertificateId, string Number, CertificateHolder Holder, ReviewAction Action, decimal Hours, decimal Required,
    bool ExamPassed, IReadOnlyList<object> Events);

/// <summary>
/// The annual review (年审) of year Y, pure. The first run looks at every certificate in force that was issued by the end
/// of Y and has no outcome for Y yet: it passes when the holder earned Y's required class hours and passed Y's annual
/// review exam (or its make-up); otherwise it is suspended (暂扣) with the reason. The second run looks at the
/// certificates the first one suspended: passed now (make-up exam and hours complete) reinstates, failed again revokes
/// (吊销) with the policy's re-application ban. A certificate with an outcome for the stage is out of scope, so running
/// a stage twice changes nothing.
/// </summary>
public static class AnnualReview
{
    public static bool InScope(Certificate c, int year, ReviewStage stage, DateOnly today) => stage switch
    {
        ReviewStage.Initial => !c.Reviews.ContainsKey(year) && c.ValidFrom <= new DateOnly(year, 12, 31)
                               && c.StatusOn(today) == CertificateStatus.Valid,
        _ => c.Status == CertificateStatus.Suspended && c.SuspendedForReview == year
             && c.Reviews.GetValueOrDefault(year) == ReviewOutcome.Suspended,
    };

    /// <param name="ledger">The holder's ledger for <paramref name="year"/>.</param>
    /// <param name="examPassed">The holder passed <paramref name="year"/>'s annual review exam or its make-up.</param>
    public static ReviewDecision Decide(Certificate c, int year, ReviewStage stage, AnnualLedger ledger, bool examPassed,
        Policy policy, DateOnly today)
    {
        if (!InScope(c, year, stage, today)) throw new DomainException("Review.OutOfScope", c.Number, year);
        var passed = ledger.Met && examPassed;
        var basis = Messages.Format("Review.LegalBasis");
        var why = passed ? "" : Messages.Format("Review.FailedBecause", year,
            string.Join("；", new[]
            {
                ledger.Met ? null : Messages.Format("Review.HoursShort", Hours(ledger.Total), Hours(ledger.Required)),
                examPassed ? null : Messages.Format("Review.ExamNotPassed"),
            }.OfType<string>()));
        var (action, events) = (stage, passed) switch
        {
            (ReviewStage.Initial, true) => (ReviewAction.Pass,
                (object[])[new AnnualReviewPassed(c.Id, year, ledger.Total, false)]),
            (ReviewStage.Initial, false) => (ReviewAction.Suspend,
                [new AnnualReviewFailed(c.Id, year, ledger.Total, ledger.Required, examPassed, false),
                 new CertificateSuspended(c.Id, why, basis, null, year)]),
            (_, true) => (ReviewAction.Reinstate,
                [new AnnualReviewPassed(c.Id, year, ledger.Total, true),
                 new CertificateReinstated(c.Id, Messages.Format("Review.PassedAfterMakeUp", year), basis)]),
            (_, false) => (ReviewAction.Revoke,
                [new AnnualReviewFailed(c.Id, year, ledger.Total, ledger.Required, examPassed, true),
                 new CertificateRevoked(c.Id, why, basis, today.AddYears(policy.RevocationBanYears), year)]),
        };
        return new ReviewDecision(c.Id, c.Number, c.Holder, action, ledger.Total, ledger.Required, examPassed, events);
    }

    static string Hours(decimal h) => h.ToString("0.#", System.Globalization.CultureInfo.InvariantCulture);
}
