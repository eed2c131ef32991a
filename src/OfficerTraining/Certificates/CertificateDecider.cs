using OfficerTraining.Infrastructure;
using OfficerTraining.Settings;

namespace OfficerTraining.Certificates;

public sealed record IssueCertificate(Guid CertificateId, Guid OfficerId, CertificateKind Kind, string Reason, string LegalBasis);

/// <param name="Until">Optional: the suspension ends by itself after this date.</param>
public sealed record SuspendCertificate(Guid CertificateId, string Reason, string LegalBasis, DateOnly? Until);

public sealed record ReinstateCertificate(Guid CertificateId, string Reason, string LegalBasis);

public sealed record RevokeCertificate(Guid CertificateId, string Reason, string LegalBasis);

public sealed record CancelCertificate(Guid CertificateId, CancellationCause Cause, string Reason, string LegalBasis);

public sealed record ReplaceCertificate(Guid CertificateId, Guid SuccessorId, ReplacementCause Cause, string Reason, string LegalBasis);

public sealed record RenewCertificate(Guid CertificateId, Guid SuccessorId, string Reason, string LegalBasis);

/// <summary>What the handler worked out for a new certificate: its number and token, the card's holder and issuer.</summary>
public sealed record NewCard(string Number, string Token, CertificateHolder Holder, string Issuer);

/// <summary>
/// Pure decisions about certificates. Every change names its reason and legal basis; a change the certificate's state
/// forbids is refused with a message naming the action and the state. Dates are China-time dates.
/// </summary>
public static class CertificateDecider
{
    /// <summary>How long before expiry a certificate may be renewed (换证).</summary>
    public const int RenewalMonths = 6;

    public static CertificateIssued Issue(IssueCertificate c, EligibilityCheck check, NewCard card, Policy policy, DateOnly today)
    {
        var (reason, basis) = Why(c.Reason, c.LegalBasis);
        if (!check.Eligible) throw NotEligible(check);
        return new CertificateIssued(c.CertificateId, card.Number, c.Kind, card.Holder, today,
            today.AddYears(policy.CertificateValidityYears).AddDays(-1), card.Issuer, card.Token, reason, basis);
    }

    public static CertificateSuspended Suspend(SuspendCertificate c, Certificate cert, DateOnly today)
    {
        var (reason, basis) = Why(c.Reason, c.LegalBasis);
        Require(cert, today, "Suspend", CertificateStatus.Valid);
        if (c.Until is { } until && until < today) throw new DomainException("Certificate.UntilInPast", Date(until));
        return new CertificateSuspended(cert.Id, reason, basis, c.Until);
    }

    public static CertificateReinstated Reinstate(ReinstateCertificate c, Certificate cert, DateOnly today)
    {
        var (reason, basis) = Why(c.Reason, c.LegalBasis);
        Require(cert, today, "Reinstate", CertificateStatus.Suspended);
        return new CertificateReinstated(cert.Id, reason, basis);
    }

    public static CertificateRevoked Revoke(RevokeCertificate c, Certificate cert, Policy policy, DateOnly today)
    {
        var (reason, basis) = Why(c.Reason, c.LegalBasis);
        Require(cert, today, "Revoke", CertificateStatus.Valid, CertificateStatus.Suspended);
        return new CertificateRevoked(cert.Id, reason, basis, today.AddYears(policy.RevocationBanYears));
    }

    public static CertificateCancelled Cancel(CancelCertificate c, Certificate cert, DateOnly today)
    {
        var (reason, basis) = Why(c.Reason, c.LegalBasis);
        Require(cert, today, "Cancel", CertificateStatus.Valid, CertificateStatus.Suspended, CertificateStatus.Expired);
        return new CertificateCancelled(cert.Id, c.Cause, reason, basis);
    }

    /// <summary>A lost or damaged card gets a new number and token with the same validity; the old number is void.</summary>
    public static (CertificateReplaced Old, CertificateIssued New) Replace(ReplaceCertificate c, Certificate cert, NewCard card, DateOnly today)
    {
        var (reason, basis) = Why(c.Reason, c.LegalBasis);
        Require(cert, today, "Replace", CertificateStatus.Valid);
        return (new CertificateReplaced(cert.Id, c.SuccessorId, card.Number, c.Cause, reason, basis),
            new CertificateIssued(c.SuccessorId, card.Number, cert.Kind, card.Holder, cert.ValidFrom, cert.ValidUntil, card.Issuer,
                card.Token, reason, basis, cert.Id));
    }

    /// <summary>Renewal (换证) in the last <see cref="RenewalMonths"/> months of validity or after expiry, for a holder who
    /// still meets the conditions of issue: a new certificate valid from today.</summary>
    public static (CertificateRenewed Old, CertificateIssued New) Renew(
        RenewCertificate c, Certificate cert, EligibilityCheck check, NewCard card, Policy policy, DateOnly today)
    {
        var (reason, basis) = Why(c.Reason, c.LegalBasis);
        Require(cert, today, "Renew", CertificateStatus.Valid, CertificateStatus.Expired);
        if (cert.StatusOn(today) == CertificateStatus.Valid && today < cert.ValidUntil.AddMonths(-RenewalMonths))
            throw new DomainException("Certificate.TooEarlyToRenew", Date(cert.ValidUntil.AddMonths(-RenewalMonths)));
        if (!check.Eligible) throw NotEligible(check);
        return (new CertificateRenewed(cert.Id, c.SuccessorId, card.Number, reason, basis),
            new CertificateIssued(c.SuccessorId, card.Number, cert.Kind, card.Holder, today,
                today.AddYears(policy.CertificateValidityYears).AddDays(-1), card.Issuer, card.Token, reason, basis, cert.Id));
    }

    static void Require(Certificate cert, DateOnly today, string action, params CertificateStatus[] allowed)
    {
        var status = cert.StatusOn(today);
        if (!allowed.Contains(status))
            throw new DomainException("Certificate.NotAllowed", Messages.Format("Certificate.Action." + action), cert.Number,
                Messages.Format("Certificate.Status." + status));
    }

    static (string Reason, string LegalBasis) Why(string reason, string legalBasis) =>
        (Text.Required(reason, "Reason"), Text.Required(legalBasis, "LegalBasis"));

    static DomainException NotEligible(EligibilityCheck check) =>
        new("Certificate.NotEligible", string.Join("；", check.Missing.Select(r => Messages.Format(r.Key, [.. r.Args]))));

    static string Date(DateOnly d) => d.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
}
