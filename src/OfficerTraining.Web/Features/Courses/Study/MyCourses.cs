using OfficerTraining.Courses;

namespace OfficerTraining.Web.Features.Courses.Study;

/// <summary>One of the officer's enrolments with the version of the course it studies (null if the course is gone).</summary>
public sealed record EnrolledCourse(Enrolment Enrolment, CourseContent? Content);

/// <summary>What the courses page shows an officer: their enrolments, latest first, and the published catalogue.</summary>
public sealed record MyCourses(IReadOnlyList<EnrolledCourse> Enrolments, IReadOnlyList<Course> Catalogue)
{
    /// <summary>The enrolment in the course's current version, which "continue" leads to.</summary>
    public Enrolment? CurrentEnrolment(Course course) => Enrolments.Select(e => e.Enrolment)
        .FirstOrDefault(e => e.CourseId == course.Id && e.CourseVersion == course.Current?.Version);

    public static async Task<MyCourses> Load(CourseCatalogue catalogue, Guid officerId, CancellationToken ct = default)
    {
        var published = await catalogue.Published(ct);
        var enrolments = await catalogue.EnrolmentsOf(officerId, ct);
        var courses = published.ToDictionary(c => c.Id);
        // Retired courses are not in the catalogue, but their officers may still finish them.
        foreach (var id in enrolments.Select(e => e.CourseId).Distinct().Where(id => !courses.ContainsKey(id)).ToList())
            if (await catalogue.Get(id, ct) is { } course) courses[id] = course;
        return new(
            [.. enrolments.Select(e => new EnrolledCourse(e, courses.GetValueOrDefault(e.CourseId)?.VersionNumbered(e.CourseVersion)?.Content))],
            published);
    }
}
