using OfficerTraining.Exams;
using OfficerTraining.Infrastructure;

namespace OfficerTraining.Web.Features.Exams.Managing;

/// <summary>The schedule form's working copy. The window is kept at China's offset, as the pickers show it.</summary>
public sealed class SessionDraft
{
    public Guid SessionId { get; } = Guid.NewGuid();
    public string Title { get; set; } = "";
    public Guid? BlueprintId { get; set; }
    public ExamPurpose Purpose { get; set; } = ExamPurpose.AnnualReview;
    public int Year { get; set; }
    public DateTimeOffset Opens { get; set; }
    public DateTimeOffset Closes { get; set; }
    public RosterDraft Roster { get; } = new();

    /// <summary>Opens now (to the minute), closes two weeks later; an annual review for this year.</summary>
    public static SessionDraft StartingNow(TimeProvider clock)
    {
        var now = ChinaTime.Now(clock);
        var opens = new DateTimeOffset(now.Year, now.Month, now.Day, now.Hour, now.Minute, 0, ChinaTime.Offset);
        return new SessionDraft { Year = now.Year, Opens = opens, Closes = opens.AddDays(14) };
    }

    public ScheduleExamSession ToCommand(Blueprint blueprint) => new(SessionId, Title, blueprint, Purpose,
        Purpose == ExamPurpose.AnnualReview ? Year : null, Opens, Closes, Roster.ToRoster());
}
