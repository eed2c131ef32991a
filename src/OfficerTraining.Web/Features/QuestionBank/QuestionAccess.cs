using OfficerTraining.Infrastructure;

namespace OfficerTraining.Web.Features.QuestionBank;

/// <summary>Who may open the question bank pages. Trainers and administrators write, reviewers approve or reject,
/// supervisors read; the command handlers check again.</summary>
public static class QuestionAccess
{
    public const string ReadRoles = Roles.Trainer + "," + Roles.Reviewer + "," + Roles.Administrator + "," + Roles.Supervisor;
    public const string WriteRoles = Roles.Trainer + "," + Roles.Administrator;
    public const string ReviewRoles = Roles.Reviewer;
}
