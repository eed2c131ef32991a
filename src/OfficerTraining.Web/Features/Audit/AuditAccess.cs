using OfficerTraining.Infrastructure;

namespace OfficerTraining.Web.Features.Audit;

/// <summary>Every staff role reads the audit trail; nobody changes it (there is nothing to change: it is the event store).</summary>
public static class AuditAccess
{
    public const string ReadRoles = Roles.Administrator + "," + Roles.Supervisor + "," + Roles.CertificateOfficer + ","
                                    + Roles.Trainer + "," + Roles.Reviewer;
}
