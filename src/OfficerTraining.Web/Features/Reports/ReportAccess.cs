using OfficerTraining.Infrastructure;

namespace OfficerTraining.Web.Features.Reports;

/// <summary>Who reads the reports: supervisors, administrators and certificate officers (compliance); trainers and
/// reviewers also read item analysis of their questions.</summary>
public static class ReportAccess
{
    public const string ReadRoles = Roles.Supervisor + "," + Roles.Administrator + "," + Roles.CertificateOfficer + "," + Roles.Trainer
                                    + "," + Roles.Reviewer;
    public const string ComplianceRoles = Roles.Supervisor + "," + Roles.Administrator + "," + Roles.CertificateOfficer;
}
