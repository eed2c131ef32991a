using System.Globalization;
using Microsoft.Extensions.Localization;
using OfficerTraining.Certificates;

namespace OfficerTraining.Web.Features.Certificates.Register;

/// <summary>What a certificate event did, in the user's language, for the timeline.</summary>
public static class CertificateEvents
{
    public static string Describe(IStringLocalizer l, object data) => data switch
    {
        CertificateIssued e when e.Predecessor is not null => l["CertReg.Event.IssuedAsSuccessor", e.Number, D(e.ValidFrom), D(e.ValidUntil)],
        CertificateIssued e => l["CertReg.Event.Issued", e.Number, D(e.ValidFrom), D(e.ValidUntil)],
        CertificateSuspended { Until: { } until } => l["CertReg.Event.SuspendedUntil", D(until)],
        CertificateSuspended => l["CertReg.Event.Suspended"],
        CertificateReinstated => l["CertReg.Event.Reinstated"],
        CertificateRevoked e => l["CertReg.Event.Revoked", D(e.BannedUntil)],
        CertificateCancelled e => l["CertReg.Event.Cancelled", l.Of(e.Cause)],
        CertificateReplaced e => l["CertReg.Event.Replaced", l.Of(e.Cause), e.SuccessorNumber],
        CertificateRenewed e => l["CertReg.Event.Renewed", e.SuccessorNumber],
        AnnualReviewPassed e => l[e.AfterMakeUp ? "CertReg.Event.ReviewPassedAfterMakeUp" : "CertReg.Event.ReviewPassed", e.Year, H(e.Hours)],
        AnnualReviewFailed e => l["CertReg.Event.ReviewFailed", e.Year, H(e.Hours), H(e.Required),
            e.ExamPassed ? l["CertReg.ExamPassed"] : l["CertReg.ExamNotPassed"]],
        _ => data.GetType().Name,
    };

    static string D(DateOnly d) => CertificateLabels.Date(d);

    static string H(decimal h) => h.ToString("0.#", CultureInfo.InvariantCulture);
}
