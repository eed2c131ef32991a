using OfficerTraining.Infrastructure;
using OfficerTraining.QuestionBank;

namespace OfficerTraining.Courses;

/// <summary>What a course must be before it may be published; each problem names the field or lesson.</summary>
public static class CourseRules
{
    public const int MaxLessons = 30, MaxLessonMinutes = 240, MaxMarkdownLength = 50_000;
    public const decimal MinHours = 0.5m, MaxHours = 20m;

    /// <summary>Every problem of the content, in the user's language; empty when it may be published.</summary>
    public static IReadOnlyList<string> Problems(CourseContent c, LawLibrary laws)
    {
        var problems = new List<string>();
        void Add(string key, params object[] args) => problems.Add(Messages.Format(key, args));
        if (string.IsNullOrWhiteSpace(c.Title)) Add("Field.Required", Messages.Format("Field.Course.Title"));
        else if (c.Title.Trim().Length > 100) Add("Field.TooLong", Messages.Format("Field.Course.Title"), 100);
        if (c.ClassHours < MinHours || c.ClassHours > MaxHours || c.ClassHours * 2 != Math.Floor(c.ClassHours * 2))
            Add("Course.Hours", c.ClassHours, MinHours, MaxHours);
        if (c.Laws.Count == 0) Add("Course.NoLaws");
        foreach (var law in c.Laws.Where(l => !laws.Has(l))) Add("Course.UnknownLaw", law);

        if (c.Lessons.Count == 0) Add("Course.NoLessons");
        if (c.Lessons.Count > MaxLessons) Add("Course.TooManyLessons", MaxLessons);
        foreach (var key in c.Lessons.GroupBy(l => l.Key).Where(g => g.Count() > 1).Select(g => g.Key))
            Add("Course.DuplicateLessonKey", key);
        for (var i = 0; i < c.Lessons.Count; i++)
        {
            var l = c.Lessons[i];
            var name = string.IsNullOrWhiteSpace(l.Title) ? (i + 1).ToString() : $"{i + 1}（{l.Title.Trim()}）";
            if (string.IsNullOrWhiteSpace(l.Title)) Add("Course.LessonTitle", name);
            if (string.IsNullOrWhiteSpace(LessonMarkdown.ToSafeHtml(l.Markdown))) Add("Course.LessonEmpty", name);
            if (l.Markdown.Length > MaxMarkdownLength) Add("Course.LessonTooLong", name, MaxMarkdownLength);
            if (l.Minutes < 1 || l.Minutes > MaxLessonMinutes) Add("Course.LessonMinutes", name, l.Minutes, MaxLessonMinutes);
            if (l.VideoUrl is { } video && !IsHttps(video)) Add("Course.LinkNotHttps", name, video);
            if (l.AttachmentUrl is { } file && !IsHttps(file)) Add("Course.LinkNotHttps", name, file);
        }

        var q = c.Quiz;
        if (q.Single < 0 || q.TrueFalse < 0 || q.Multiple < 0 || q.Questions is < 1 or > 50) Add("Course.QuizQuestions", q.Questions);
        if (q.Minutes is < 1 or > 120) Add("Course.QuizMinutes", q.Minutes);
        if (q.PassPercent is < 1 or > 100) Add("Course.QuizPassPercent", q.PassPercent);
        if (q.AttemptsAllowed is < 1 or > 10) Add("Course.QuizAttempts", q.AttemptsAllowed);
        return problems;
    }

    static bool IsHttps(string url) =>
        Uri.TryCreate(url.Trim(), UriKind.Absolute, out var uri) && uri.Scheme == Uri.UriSchemeHttps;
}
