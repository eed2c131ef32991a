using OfficerTraining.Infrastructure;

namespace OfficerTraining.Web.Features.Courses;

/// <summary>Who may open the course pages: trainers and administrators write courses, officers study them. The command
/// handlers check again.</summary>
public static class CourseAccess
{
    public const string AuthorRoles = Roles.Trainer + "," + Roles.Administrator;
}
