using OfficerTraining.Infrastructure;

namespace OfficerTraining.Web.Features.Exams.Managing;

/// <summary>Who may open the exam management pages. Trainers and administrators build blueprints and schedule sessions;
/// supervisors read everything; certificate officers read sessions and attempts (they run the annual review) and,
/// with supervisors, void attempts. The command handlers check again.</summary>
public static class ExamAccess
{
    public const string BlueprintReadRoles = Roles.Trainer + "," + Roles.Administrator + "," + Roles.Supervisor;
    public const string SessionReadRoles = BlueprintReadRoles + "," + Roles.CertificateOfficer;
    public const string WriteRoles = Roles.Trainer + "," + Roles.Administrator;
    public const string VoidRoles = Roles.CertificateOfficer + "," + Roles.Supervisor;
}
