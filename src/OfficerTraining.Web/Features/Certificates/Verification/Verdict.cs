using OfficerTraining.Certificates;

namespace OfficerTraining.Web.Features.Certificates.Verification;

/// <summary>How a verifier reads a certificate on a date: the headline in large words (a resource key), the line under
/// it (a key and its one value), and the tone that colours it. Not found has a tone of its own, so it can never pass for
/// a status.</summary>
public sealed record Verdict(string Headline, string? Detail, string? DetailValue, VerdictTone Tone)
{
    public static readonly Verdict NotFound = new("Verify.NotFound", "Verify.NotFoundAdvice", null, VerdictTone.NotFound);

    public static Verdict Of(Certificate c, DateOnly today) => c.StatusOn(today) switch
    {
        CertificateStatus.Valid when today < c.ValidFrom =>
            new("Verify.Status.NotYetValid", "Verify.Detail.ValidFrom", CertificateLabels.Date(c.ValidFrom), VerdictTone.Warning),
        CertificateStatus.Valid => new("Verify.Status.Valid", "Verify.Detail.ValidUntil", CertificateLabels.Date(c.ValidUntil), VerdictTone.Valid),
        CertificateStatus.Suspended => c.SuspendedUntil is { } until
            ? new("Verify.Status.Suspended", "Verify.Detail.SuspendedUntil", CertificateLabels.Date(until), VerdictTone.Warning)
            : new("Verify.Status.Suspended", "Verify.Detail.SuspendedOpen", null, VerdictTone.Warning),
        CertificateStatus.Revoked => new("Verify.Status.Revoked", "Verify.Detail.Revoked", null, VerdictTone.Danger),
        CertificateStatus.Cancelled => new("Verify.Status.Cancelled", "Verify.Detail.Void", null, VerdictTone.Void),
        CertificateStatus.Expired => new("Verify.Status.Expired", "Verify.Detail.ExpiredOn", CertificateLabels.Date(c.ValidUntil), VerdictTone.Void),
        CertificateStatus.Replaced => new("Verify.Status.Replaced", "Verify.Detail.NewNumber", c.SuccessorNumber, VerdictTone.Void),
        CertificateStatus.Renewed => new("Verify.Status.Renewed", "Verify.Detail.NewNumber", c.SuccessorNumber, VerdictTone.Void),
        var other => throw new ArgumentOutOfRangeException(nameof(c), other, "A status the verification page does not know"),
    };

    /// <summary>The CSS class of the verdict box.</summary>
    public string CssClass => "verdict verdict-" + Tone.ToString().ToLowerInvariant();
}

/// <summary>Valid is green, suspended (or not yet valid) amber, revoked red, ended grey; not found is an outline only.</summary>
public enum VerdictTone { Valid, Warning, Danger, Void, NotFound }
