using OfficerTraining.Certificates;

namespace OfficerTraining.Web.Features.Certificates.Register;

/// <summary>The changes a certificate officer can make on the details page.</summary>
public enum CertificateChange { Suspend, Reinstate, Revoke, Cancel, Replace, Renew }

public static class CertificateChanges
{
    /// <summary>The changes the status on <paramref name="today"/> allows (the decider checks again, and also refuses a
    /// renewal before its window).</summary>
    public static IReadOnlyList<CertificateChange> Allowed(Certificate c, DateOnly today) => c.StatusOn(today) switch
    {
        CertificateStatus.Valid => [CertificateChange.Suspend, CertificateChange.Revoke, CertificateChange.Cancel,
            CertificateChange.Replace, CertificateChange.Renew],
        CertificateStatus.Suspended => [CertificateChange.Reinstate, CertificateChange.Revoke, CertificateChange.Cancel],
        CertificateStatus.Expired => [CertificateChange.Cancel, CertificateChange.Renew],
        _ => [],
    };

    /// <summary>Common legal bases offered as suggestions; the officer may type any other.</summary>
    public static IReadOnlyList<string> LegalBases(CertificateChange change) => change switch
    {
        CertificateChange.Suspend or CertificateChange.Reinstate or CertificateChange.Revoke =>
            ["《河南省行政执法条例》第四十二条第（六）项", "《河南省行政执法条例》第四十二条", "《河南省行政执法条例》第二十一条"],
        _ => ["《河南省行政执法条例》第二十一条", "《河南省行政执法条例》第二十条"],
    };

    /// <summary>Whether the change creates a new certificate (a new number the page links to).</summary>
    public static bool IssuesSuccessor(CertificateChange change) => change is CertificateChange.Replace or CertificateChange.Renew;
}
