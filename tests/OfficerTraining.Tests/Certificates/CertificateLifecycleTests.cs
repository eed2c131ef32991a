using OfficerTraining.Certificates;
using OfficerTraining.Infrastructure;

namespace OfficerTraining.Tests.Certificates;

public class when_a_certificate_is_issued
{
    [Fact]
    public void it_is_valid_from_today_for_the_policy_s_years_and_carries_an_unguessable_token()
    {
        var issued = Cards.Issued();

        issued.Should().BeEquivalentTo(new { ValidFrom = Cards.Today, ValidUntil = Cards.Today.AddYears(5).AddDays(-1), Issuer = "平顶山市司法局" });
        Convert.FromBase64String(issued.Token.Replace('-', '+').Replace('_', '/') + "=").Length.Should().BeGreaterThanOrEqualTo(16);
        Cards.Fold(issued).InForceOn(Cards.Today).Should().BeTrue();
    }

    [Fact]
    public void an_ineligible_officer_is_refused_with_everything_missing_listed()
    {
        var check = new EligibilityCheck(CertificateKind.Enforcement,
        [
            new("Eligibility.Active", true, []),
            new("Eligibility.TrainingHours", false, ["2026", "12", "60"]),
            new("Eligibility.NotBanned", false, ["2027-05-01"]),
        ]);
        var act = () => CertificateDecider.Issue(new IssueCertificate(Guid.NewGuid(), Guid.NewGuid(), CertificateKind.Enforcement, "申领", "第二十一条"),
            check, Cards.Card(), Cards.Policy, Cards.Today);

        act.Should().Throw<DomainException>().Which.Message.Should()
            .Contain(Messages.Format("Eligibility.TrainingHours", "2026", "12", "60"))
            .And.Contain(Messages.Format("Eligibility.NotBanned", "2027-05-01"));
    }

    [Fact]
    public void a_reason_and_a_legal_basis_are_required()
    {
        var act = () => CertificateDecider.Issue(new IssueCertificate(Guid.NewGuid(), Guid.NewGuid(), CertificateKind.Enforcement, "申领", " "),
            Cards.Eligible, Cards.Card(), Cards.Policy, Cards.Today);
        act.Should().Throw<DomainException>().Which.Key.Should().Be("Field.Required");
    }
}

public class when_a_certificate_changes_state
{
    static readonly Certificate Valid = Cards.Valid();

    [Fact]
    public void suspension_can_end_by_itself_on_its_date_and_expiry_comes_by_itself()
    {
        var suspended = Cards.Fold(Cards.Issued(), CertificateDecider.Suspend(
            new SuspendCertificate(Valid.Id, "涉嫌违法执法，停职调查", "《河南省行政执法条例》第四十二条第（六）项", Cards.Today.AddDays(30)), Valid, Cards.Today));

        suspended.StatusOn(Cards.Today).Should().Be(CertificateStatus.Suspended);
        suspended.InForceOn(Cards.Today).Should().BeFalse();
        suspended.StatusOn(Cards.Today.AddDays(31)).Should().Be(CertificateStatus.Valid);
        Valid.StatusOn(Valid.ValidUntil).Should().Be(CertificateStatus.Valid);
        Valid.StatusOn(Valid.ValidUntil.AddDays(1)).Should().Be(CertificateStatus.Expired);
    }

    [Fact]
    public void reinstating_needs_a_suspension_and_revoking_is_final_with_the_ban()
    {
        var suspended = Cards.Fold(Cards.Issued(), new CertificateSuspended(Valid.Id, "调查", "第四十二条", null));
        var reinstated = Certificate.Apply(CertificateDecider.Reinstate(new ReinstateCertificate(Valid.Id, "调查结束", "第四十二条"), suspended, Cards.Today), suspended);
        reinstated.InForceOn(Cards.Today).Should().BeTrue();

        var revoked = CertificateDecider.Revoke(new RevokeCertificate(Valid.Id, "以证谋私", "第四十四条"), suspended, Cards.Policy, Cards.Today);
        revoked.BannedUntil.Should().Be(Cards.Today.AddYears(2));
        var after = Certificate.Apply(revoked, suspended);
        foreach (var act in new Action[]
                 {
                     () => CertificateDecider.Reinstate(new ReinstateCertificate(after.Id, "恢复", "依据"), after, Cards.Today),
                     () => CertificateDecider.Suspend(new SuspendCertificate(after.Id, "暂扣", "依据", null), after, Cards.Today),
                     () => CertificateDecider.Revoke(new RevokeCertificate(after.Id, "吊销", "依据"), after, Cards.Policy, Cards.Today),
                     () => CertificateDecider.Cancel(new CancelCertificate(after.Id, CancellationCause.Retired, "退休", "依据"), after, Cards.Today),
                 })
            act.Should().Throw<DomainException>().Which.Message.Should().Contain(Messages.Format("Certificate.Status.Revoked"));
    }

    [Fact]
    public void a_valid_certificate_cannot_be_reinstated_and_the_message_says_why()
    {
        var act = () => CertificateDecider.Reinstate(new ReinstateCertificate(Valid.Id, "恢复", "依据"), Valid, Cards.Today);
        act.Should().Throw<DomainException>().Which.Message.Should().Be(Messages.Format("Certificate.NotAllowed",
            Messages.Format("Certificate.Action.Reinstate"), Valid.Number, Messages.Format("Certificate.Status.Valid")));
    }

    [Fact]
    public void an_expired_certificate_can_be_cancelled_but_not_suspended_or_revoked()
    {
        var later = Valid.ValidUntil.AddDays(1);
        CertificateDecider.Cancel(new CancelCertificate(Valid.Id, CancellationCause.LeftPost, "调离执法岗位", "依据"), Valid, later)
            .Cause.Should().Be(CancellationCause.LeftPost);
        var suspend = () => CertificateDecider.Suspend(new SuspendCertificate(Valid.Id, "暂扣", "依据", null), Valid, later);
        suspend.Should().Throw<DomainException>().Which.Key.Should().Be("Certificate.NotAllowed");
        var revoke = () => CertificateDecider.Revoke(new RevokeCertificate(Valid.Id, "吊销", "依据"), Valid, Cards.Policy, later);
        revoke.Should().Throw<DomainException>().Which.Key.Should().Be("Certificate.NotAllowed");
    }

    [Fact]
    public void a_suspension_end_date_in_the_past_is_refused()
    {
        var act = () => CertificateDecider.Suspend(new SuspendCertificate(Valid.Id, "暂扣", "依据", Cards.Today.AddDays(-1)), Valid, Cards.Today);
        act.Should().Throw<DomainException>().Which.Key.Should().Be("Certificate.UntilInPast");
    }
}

public class when_a_card_is_lost_or_due_for_renewal
{
    [Fact]
    public void a_replacement_has_a_new_number_and_token_the_same_validity_and_the_old_one_is_void()
    {
        var old = Cards.Valid(Cards.Today.AddYears(-1));
        var card = Cards.Card("豫410400CG01202600002");

        var (replaced, successor) = CertificateDecider.Replace(
            new ReplaceCertificate(old.Id, Guid.NewGuid(), ReplacementCause.Lost, "执法证遗失", "证件管理规定"), old, card, Cards.Today);

        successor.Should().BeEquivalentTo(new { Number = card.Number, old.ValidFrom, old.ValidUntil, Predecessor = old.Id });
        successor.Token.Should().NotBe(old.Token);
        var voided = Certificate.Apply(replaced, old);
        voided.StatusOn(Cards.Today).Should().Be(CertificateStatus.Replaced);
        voided.SuccessorNumber.Should().Be(card.Number);
    }

    [Fact]
    public void renewal_opens_six_months_before_expiry_and_starts_a_new_validity()
    {
        var old = Cards.Valid(Cards.Today.AddYears(-5).AddMonths(1)); // expires in a month
        var (renewed, successor) = CertificateDecider.Renew(new RenewCertificate(old.Id, Guid.NewGuid(), "有效期届满换证", "依据"),
            old, Cards.Eligible, Cards.Card("豫410400CG01202600003"), Cards.Policy, Cards.Today);
        successor.ValidFrom.Should().Be(Cards.Today);
        successor.ValidUntil.Should().Be(Cards.Today.AddYears(5).AddDays(-1));
        Certificate.Apply(renewed, old).Status.Should().Be(CertificateStatus.Renewed);

        var fresh = Cards.Valid();
        var early = () => CertificateDecider.Renew(new RenewCertificate(fresh.Id, Guid.NewGuid(), "换证", "依据"), fresh, Cards.Eligible,
            Cards.Card(), Cards.Policy, Cards.Today);
        early.Should().Throw<DomainException>().Which.Key.Should().Be("Certificate.TooEarlyToRenew");
    }
}
