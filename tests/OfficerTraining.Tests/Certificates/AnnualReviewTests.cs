using OfficerTraining.Certificates;

namespace OfficerTraining.Tests.Certificates;

public class when_the_annual_review_decides
{
    const int Year = 2025;
    static readonly DateOnly Today = new(2026, 3, 2);
    static readonly Certificate Valid = Cards.Valid(new DateOnly(2024, 5, 1));

    static ReviewDecision Decide(Certificate c, ReviewStage stage, decimal hours, bool exam) =>
        AnnualReview.Decide(c, Year, stage, Cards.Ledger(c.Holder.OfficerId, Year, hours), exam, Cards.Policy, Today);

    static Certificate After(Certificate c, ReviewDecision d) => d.Events.Aggregate(c, (x, e) => e switch
    {
        AnnualReviewPassed p => Certificate.Apply(p, x),
        AnnualReviewFailed f => Certificate.Apply(f, x),
        CertificateSuspended s => Certificate.Apply(s, x),
        CertificateReinstated r => Certificate.Apply(r, x),
        CertificateRevoked r => Certificate.Apply(r, x),
        _ => throw new InvalidOperationException(),
    });

    [Fact]
    public void hours_and_the_exam_pass_and_the_certificate_is_then_out_of_scope_for_the_year()
    {
        var d = Decide(Valid, ReviewStage.Initial, 60, exam: true);
        d.Action.Should().Be(ReviewAction.Pass);
        var after = After(Valid, d);
        after.Reviews[Year].Should().Be(ReviewOutcome.Passed);
        AnnualReview.InScope(after, Year, ReviewStage.Initial, Today).Should().BeFalse("running the review twice changes nothing");
        AnnualReview.InScope(after, Year, ReviewStage.AfterMakeUp, Today).Should().BeFalse();
    }

    [Fact]
    public void missing_hours_or_exam_suspend_with_the_reason_then_the_make_up_reinstates()
    {
        var d = Decide(Valid, ReviewStage.Initial, 48, exam: false);
        d.Action.Should().Be(ReviewAction.Suspend);
        var suspended = After(Valid, d);
        suspended.Should().BeEquivalentTo(new { Status = CertificateStatus.Suspended, SuspendedForReview = Year });
        suspended.StatusReason.Should().Contain("48").And.Contain("60");

        var makeUp = Decide(suspended, ReviewStage.AfterMakeUp, 60, exam: true);
        makeUp.Action.Should().Be(ReviewAction.Reinstate);
        var reinstated = After(suspended, makeUp);
        reinstated.InForceOn(Today).Should().BeTrue();
        reinstated.Reviews[Year].Should().Be(ReviewOutcome.PassedAfterMakeUp);
    }

    [Fact]
    public void failing_again_after_the_make_up_revokes_with_the_ban()
    {
        var suspended = After(Valid, Decide(Valid, ReviewStage.Initial, 60, exam: false));
        var d = Decide(suspended, ReviewStage.AfterMakeUp, 60, exam: false);
        d.Action.Should().Be(ReviewAction.Revoke);
        var revoked = After(suspended, d);
        revoked.Should().BeEquivalentTo(new { Status = CertificateStatus.Revoked, BannedUntil = Today.AddYears(2) });
        AnnualReview.InScope(revoked, Year, ReviewStage.AfterMakeUp, Today).Should().BeFalse();
    }

    [Fact]
    public void certificates_issued_after_the_year_or_not_in_force_are_out_of_scope()
    {
        AnnualReview.InScope(Cards.Valid(new DateOnly(2026, 1, 10)), Year, ReviewStage.Initial, Today).Should().BeFalse();
        var suspendedByHand = Certificate.Apply(new CertificateSuspended(Valid.Id, "调查", "依据", null), Valid);
        AnnualReview.InScope(suspendedByHand, Year, ReviewStage.Initial, Today).Should().BeFalse();
        AnnualReview.InScope(suspendedByHand, Year, ReviewStage.AfterMakeUp, Today).Should().BeFalse("only the review's own suspensions");
    }
}
