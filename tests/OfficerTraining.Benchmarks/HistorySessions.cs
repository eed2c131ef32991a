using OfficerTraining.Exams;
using OfficerTraining.Infrastructure;
using OfficerTraining.IntegrationTests.Exams;

namespace OfficerTraining.Benchmarks;

/// <summary>The exam sessions of the seeded history (see <see cref="History"/>).</summary>
public static class HistorySessions
{
    /// <summary>The sessions the officers sat: the two qualification exams in the first year, then each year's annual
    /// review and its make-up; scheduled by the app's decider and stored as their streams.</summary>
    public static async Task<List<ExamSession>> Schedule(ExamDay day)
    {
        var pool = day.Get<ApprovedPool>();
        var blueprint = SmallBank.Blueprint with { Duration = TimeSpan.FromMinutes(60) };
        var planned = new List<(string Title, ExamPurpose Purpose, int? Year, DateTimeOffset Opens)>
        {
            ("公共法律知识考试", ExamPurpose.QualificationPublic, null, Opens(History.FirstYear, 3)),
            ("专业法律知识考试", ExamPurpose.QualificationProfessional, null, Opens(History.FirstYear, 4)),
        };
        for (var year = History.FirstYear + 1; year < History.FirstYear + History.Years; year++)
        {
            planned.Add(($"{year}年度年审考试", ExamPurpose.AnnualReview, year, Opens(year, 10)));
            planned.Add(($"{year}年度年审补考", ExamPurpose.MakeUp, year, Opens(year, 11)));
        }
        var sessions = new List<ExamSession>();
        await using var write = day.Store.LightweightSession();
        foreach (var (title, purpose, year, opens) in planned)
        {
            var id = Guid.CreateVersion7();
            var scheduled = ExamSessionDecider.Decide(new ScheduleExamSession(id, title, blueprint, purpose, year, opens, opens.AddDays(7), Roster.All),
                BlueprintRules.Problems(blueprint), await pool.Shortfalls(blueprint), opens.AddDays(-14));
            write.Events.StartStream<ExamSession>(id, scheduled);
            sessions.Add(ExamSession.Create((ExamSessionScheduled)scheduled.Single()));
        }
        await write.SaveChangesAsync();
        return sessions;
    }

    static DateTimeOffset Opens(int year, int month) => new(year, month, 12, 9, 0, 0, ChinaTime.Offset);
}
