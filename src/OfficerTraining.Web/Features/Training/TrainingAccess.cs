using OfficerTraining.Infrastructure;

namespace OfficerTraining.Web.Features.Training;

/// <summary>Who may open the class-hours pages. Trainers and administrators record sessions; trainers propose
/// adjustments and certificate officers or administrators decide them; supervisors also read the ledgers. The command
/// handlers check again.</summary>
public static class TrainingAccess
{
    public const string RecordRoles = Roles.Trainer + "," + Roles.Administrator;
    public const string AdjustmentRoles = Roles.Trainer + "," + Roles.CertificateOfficer + "," + Roles.Administrator;
    public const string DecideRoles = Roles.CertificateOfficer + "," + Roles.Administrator;
    public const string LedgerRoles = AdjustmentRoles + "," + Roles.Supervisor;
}
