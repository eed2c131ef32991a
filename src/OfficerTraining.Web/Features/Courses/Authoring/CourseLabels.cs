using Microsoft.Extensions.Localization;
using MudBlazor;
using OfficerTraining.Courses;

namespace OfficerTraining.Web.Features.Courses.Authoring;

/// <summary>How course values read on the authoring pages (keys "CourseAuthor.Status.X").</summary>
public static class CourseLabels
{
    public static string Of(this IStringLocalizer l, CourseStatus s) => l[$"CourseAuthor.Status.{s}"];

    public static Color ColorOf(CourseStatus s) => s switch
    {
        CourseStatus.Published => Color.Success,
        CourseStatus.Retired => Color.Dark,
        _ => Color.Default,
    };

    /// <summary>Whether the form says something other than <paramref name="saved"/>. Records compare their lists by
    /// reference, so contents compare by what they say.</summary>
    public static bool Differs(CourseContent form, CourseContent? saved) =>
        saved is null || System.Text.Json.JsonSerializer.Serialize(form) != System.Text.Json.JsonSerializer.Serialize(saved);
}
