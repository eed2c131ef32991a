namespace OfficerTraining.Web.Features.Certificates.Issuing;

/// <summary>What a first issue usually says; the officer may change both.</summary>
public static class IssueDefaults
{
    public const string Reason = "首次申领";
    public const string LegalBasis = "《河南省行政执法条例》第二十一条";
}
