using JasperFx.Events;
using OfficerTraining.Infrastructure;

namespace OfficerTraining.Courses;

public enum CourseStatus { Draft, Published, Retired }

/// <summary>A course is started as a draft; who drafted it is in the event's metadata.</summary>
public sealed record CourseDrafted(Guid CourseId, string Code, CourseContent Content);

/// <summary>The draft replaced by the trainer's edit; after publishing, the first revision starts the next version's draft.</summary>
public sealed record CourseDraftRevised(Guid CourseId, CourseContent Content);

/// <summary>The draft became version <paramref name="Version"/>: from now on it never changes, credits name it, and
/// its quiz is the exam session <paramref name="QuizSessionId"/>.</summary>
public sealed record CoursePublished(Guid CourseId, int Version, CourseContent Content, Guid QuizSessionId, DateTimeOffset At);

/// <summary>No new enrolments; officers already studying it may finish.</summary>
public sealed record CourseRetired(Guid CourseId, string Reason);

public sealed record PublishedVersion(int Version, CourseContent Content, Guid QuizSessionId, DateTimeOffset PublishedAt);

/// <summary>A course (an inline snapshot of its stream, whose id is derived from its code): the draft being written,
/// and every published version.</summary>
/// <param name="Draft">The unpublished edit, or null when the latest version is what the trainer last saved.</param>
public sealed record Course(
    Guid Id, string Code, CourseStatus Status, CourseContent? Draft, IReadOnlyList<PublishedVersion> Versions,
    IReadOnlyList<Guid> QuizSessionIds)
{
    public long Version { get; init; }

    public PublishedVersion? Current => Versions.Count == 0 ? null : Versions[^1];

    /// <summary>What the catalogue lists: the published title, else the draft's.</summary>
    public string Title => Current?.Content.Title ?? Draft?.Title ?? Code;

    public PublishedVersion? VersionNumbered(int version) => Versions.FirstOrDefault(v => v.Version == version);

    public static Guid StreamIdFor(string code) => NameBasedId.For("officer-training/course/" + code.Trim().ToUpperInvariant());

    /// <summary>The exam session that runs a version's quiz.</summary>
    public static Guid QuizSessionIdFor(Guid courseId, int version) => NameBasedId.For($"officer-training/course-quiz/{courseId:N}/{version}");

    public static Course Create(IEvent<CourseDrafted> e) =>
        new(e.StreamId, e.Data.Code, CourseStatus.Draft, e.Data.Content, [], []);

    public static Course Apply(CourseDraftRevised e, Course c) => c with { Draft = e.Content };

    public static Course Apply(CoursePublished e, Course c) => c with
    {
        Status = CourseStatus.Published,
        Draft = null,
        Versions = [.. c.Versions, new PublishedVersion(e.Version, e.Content, e.QuizSessionId, e.At)],
        QuizSessionIds = [.. c.QuizSessionIds, e.QuizSessionId],
    };

    public static Course Apply(CourseRetired e, Course c) => c with { Status = CourseStatus.Retired };
}
