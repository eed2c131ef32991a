using OfficerTraining.Infrastructure;

namespace OfficerTraining.Web.Features.Certificates;

/// <summary>Who may open the certificate pages: certificate officers and administrators change certificates,
/// supervisors read them. The command handlers check again; the public verification page needs no sign-in.</summary>
public static class CertificateAccess
{
    public const string ChangeRoles = Roles.CertificateOfficer + "," + Roles.Administrator;
    public const string ReadRoles = ChangeRoles + "," + Roles.Supervisor;
}
