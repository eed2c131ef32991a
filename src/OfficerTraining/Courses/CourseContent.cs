using OfficerTraining.Exams;
using OfficerTraining.QuestionBank;
using OfficerTraining.Training;

namespace OfficerTraining.Courses;

/// <param name="Key">Stable within the course ("L1", "L2", …): study time and completion are recorded against it.</param>
/// <param name="Minutes">The active study a lesson needs before it can complete (with its end reached).</param>
/// <param name="VideoUrl">An optional video (https) shown above the text.</param>
/// <param name="AttachmentUrl">An optional handout (https) linked below the text.</param>
public sealed record Lesson(string Key, string Title, string Markdown, int Minutes, string? VideoUrl = null, string? AttachmentUrl = null);

/// <summary>A course's quiz (课后测验), run by the exam engine: questions drawn from the approved bank citing the
/// course's laws, one point each.</summary>
public sealed record CourseQuiz(int Single, int TrueFalse, int Multiple, int Minutes, int PassPercent, int AttemptsAllowed)
{
    public int Questions => Single + TrueFalse + Multiple;

    /// <summary>The quiz as a paper recipe. Officers see their score only: the quiz draws from the same bank as the
    /// certificate exams, so it must not become a way to harvest keys.</summary>
    public Blueprint ToBlueprint(string title, IReadOnlyList<string> laws)
    {
        var filter = QuestionFilter.Any with { Laws = laws };
        var sections = new List<BlueprintSection>();
        if (Single > 0) sections.Add(new("单选题", QuestionType.Single, filter, Single, 1m));
        if (Multiple > 0) sections.Add(new("多选题", QuestionType.Multiple, filter, Multiple, 1m));
        if (TrueFalse > 0) sections.Add(new("判断题", QuestionType.TrueFalse, filter, TrueFalse, 1m));
        return new Blueprint(title, sections, TimeSpan.FromMinutes(Minutes), Math.Ceiling(Questions * PassPercent / 100m),
            MultipleChoiceScoring.AllOrNothing, ShuffleQuestions: true, ShuffleOptions: true, AttemptsAllowed,
            ReviewDetail.ScoreOnly, ReviewTiming.AtOnce);
    }
}

/// <summary>What a trainer writes; a published version of it never changes.</summary>
/// <param name="Laws">The laws the course teaches: its quiz draws questions citing any of them.</param>
public sealed record CourseContent(
    string Title, string Summary, TrainingCategory Category, decimal ClassHours, IReadOnlyList<string> Laws,
    IReadOnlyList<Lesson> Lessons, CourseQuiz Quiz)
{
    public int TotalMinutes => Lessons.Sum(l => l.Minutes);

    public Lesson? LessonFor(string key) => Lessons.FirstOrDefault(l => l.Key == key);
}
