using OfficerTraining.Courses;
using OfficerTraining.Training;

namespace OfficerTraining.Web.Features.Courses.Authoring;

/// <summary>A lesson as the editor holds it while the trainer types. Its key never changes once given.</summary>
public sealed class LessonDraft
{
    public string Key { get; init; } = "";
    public string Title { get; set; } = "";
    public int Minutes { get; set; } = 20;
    public string? VideoUrl { get; set; }
    public string? AttachmentUrl { get; set; }
    public string Markdown { get; set; } = "";

    public Lesson ToLesson() => new(Key, Title, Markdown, Minutes, VideoUrl, AttachmentUrl);

    public static LessonDraft From(Lesson l) => new()
    {
        Key = l.Key, Title = l.Title, Minutes = l.Minutes, VideoUrl = l.VideoUrl, AttachmentUrl = l.AttachmentUrl,
        Markdown = l.Markdown,
    };
}

/// <summary>The course editor's form: mutable while the trainer types, turned into <see cref="CourseContent"/> to be
/// checked (<see cref="CourseRules.Problems"/>) and saved.</summary>
public sealed class CourseDraft
{
    public string Code { get; set; } = "";
    public string Title { get; set; } = "";
    public string Summary { get; set; } = "";
    public TrainingCategory Category { get; set; } = TrainingCategory.ProfessionalLaw;
    public decimal ClassHours { get; set; } = 1m;
    public IReadOnlyList<string> Laws { get; set; } = [];
    public int Single { get; set; } = 5;
    public int TrueFalse { get; set; } = 5;
    public int Multiple { get; set; }
    public int QuizMinutes { get; set; } = 15;
    public int PassPercent { get; set; } = 60;
    public int Attempts { get; set; } = 3;
    public List<LessonDraft> Lessons { get; } = [];

    public CourseContent ToContent() => new(Title, Summary, Category, ClassHours, [.. Laws],
        [.. Lessons.Select(l => l.ToLesson())], new CourseQuiz(Single, TrueFalse, Multiple, QuizMinutes, PassPercent, Attempts));

    public static CourseDraft From(string code, CourseContent c)
    {
        var draft = new CourseDraft
        {
            Code = code, Title = c.Title, Summary = c.Summary, Category = c.Category, ClassHours = c.ClassHours,
            Laws = [.. c.Laws], Single = c.Quiz.Single, TrueFalse = c.Quiz.TrueFalse, Multiple = c.Quiz.Multiple,
            QuizMinutes = c.Quiz.Minutes, PassPercent = c.Quiz.PassPercent, Attempts = c.Quiz.AttemptsAllowed,
        };
        draft.Lessons.AddRange(c.Lessons.Select(LessonDraft.From));
        return draft;
    }

    /// <summary>Adds a lesson keyed "L" + (the highest numeric suffix so far + 1): study records name lessons by key,
    /// so a key is never reused or renumbered.</summary>
    public LessonDraft AddLesson()
    {
        var next = Lessons.Select(l => NumberOf(l.Key)).DefaultIfEmpty(0).Max() + 1;
        var lesson = new LessonDraft { Key = "L" + next };
        Lessons.Add(lesson);
        return lesson;
    }

    public void Move(int index, int by)
    {
        var to = index + by;
        if (index < 0 || index >= Lessons.Count || to < 0 || to >= Lessons.Count) return;
        (Lessons[index], Lessons[to]) = (Lessons[to], Lessons[index]);
    }

    static int NumberOf(string key) =>
        key.Length > 1 && int.TryParse(key.AsSpan(1), System.Globalization.NumberStyles.None, null, out var n) ? n : 0;
}
