using OfficerTraining.Infrastructure;

namespace OfficerTraining.Web.Components.Shared;

/// <summary>Who may open the agency and officer pages. Only administrators change anything (the handlers check again).</summary>
public static class AdminAccess
{
    public const string ReadRoles = Roles.Administrator + "," + Roles.Supervisor + "," + Roles.CertificateOfficer;
}
