using JasperFx.Events.Projections;
using Marten;
using Microsoft.Extensions.DependencyInjection;
using OfficerTraining.Training;

namespace OfficerTraining.Courses;

public static class CoursesConfiguration
{
    public static StoreOptions ConfigureCourses(this StoreOptions opts)
    {
        opts.Projections.Snapshot<Course>(SnapshotLifecycle.Inline);
        opts.Projections.Snapshot<Enrolment>(SnapshotLifecycle.Inline);
        opts.Schema.For<Course>().Index(c => c.Code).Index(c => c.Status);
        opts.Schema.For<Enrolment>().Index(e => e.OfficerId).Index(e => e.CourseId);
        return opts;
    }

    /// <param name="rules">How heartbeats become study time; <see cref="StudyClockRules.Default"/> when not given.</param>
    public static IServiceCollection AddCourses(this IServiceCollection services, StudyClockRules? rules = null) => services
        .AddSingleton<CourseCommands>().AddSingleton<CourseStudy>().AddSingleton<CourseCatalogue>()
        .AddSingleton(rules ?? StudyClockRules.Default).AddSingleton<StudyTracker>();
}
