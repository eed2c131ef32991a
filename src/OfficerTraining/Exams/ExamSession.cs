using OfficerTraining.Agencies;

namespace OfficerTraining.Exams;

/// <summary>资格考试 (public or professional part), 年审考试, 补考, 课后测验 (no certificate consequence).</summary>
public enum ExamPurpose { QualificationPublic, QualificationProfessional, AnnualReview, MakeUp, CourseQuiz }

/// <summary>Who may sit a session: everyone, or officers of the listed agencies, of the listed domains, or listed by name.</summary>
public sealed record Roster(bool Everyone, IReadOnlyList<Guid> AgencyIds, IReadOnlyList<EnforcementDomain> Domains, IReadOnlyList<Guid> OfficerIds)
{
    public static readonly Roster All = new(true, [], [], []);

    public bool Includes(Guid officerId, Guid agencyId, IEnumerable<EnforcementDomain> domains) =>
        Everyone || OfficerIds.Contains(officerId) || AgencyIds.Contains(agencyId) || domains.Any(Domains.Contains);
}

/// <param name="Year">The year an annual review (年审) is for; null for other purposes.</param>
public sealed record ExamSessionScheduled(
    Guid SessionId, string Title, Blueprint Blueprint, ExamPurpose Purpose, int? Year, DateTimeOffset Opens, DateTimeOffset Closes,
    Roster Roster);

public sealed record ExtraTimeGranted(Guid SessionId, Guid OfficerId, TimeSpan Extra, string Reason);

public sealed record ExamSessionCancelled(Guid SessionId, string Reason);

/// <summary>An exam session (考试场次): a blueprint, a purpose, a window and a roster. An inline snapshot.</summary>
public sealed record ExamSession(
    Guid Id, string Title, Blueprint Blueprint, ExamPurpose Purpose, int? Year, DateTimeOffset Opens, DateTimeOffset Closes,
    Roster Roster, IReadOnlyDictionary<Guid, TimeSpan> ExtraTime, bool Cancelled)
{
    public long Version { get; init; }

    public TimeSpan ExtraTimeFor(Guid officerId) => ExtraTime.TryGetValue(officerId, out var extra) ? extra : TimeSpan.Zero;

    public static ExamSession Create(ExamSessionScheduled e) => new(
        e.SessionId, e.Title, e.Blueprint, e.Purpose, e.Year, e.Opens, e.Closes, e.Roster, new Dictionary<Guid, TimeSpan>(), false);

    public static ExamSession Apply(ExtraTimeGranted e, ExamSession s) =>
        s with { ExtraTime = new Dictionary<Guid, TimeSpan>(s.ExtraTime) { [e.OfficerId] = e.Extra } };

    public static ExamSession Apply(ExamSessionCancelled e, ExamSession s) => s with { Cancelled = true };
}
