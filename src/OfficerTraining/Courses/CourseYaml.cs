using OfficerTraining.Infrastructure;
using OfficerTraining.QuestionBank;
using OfficerTraining.Training;
using YamlDotNet.Core;
using YamlDotNet.Serialization;
using YamlDotNet.Serialization.NamingConventions;

namespace OfficerTraining.Courses;

public sealed record ParsedCourse(string Code, CourseContent Content, string File);

/// <summary>Reads course files (question-bank/courses/README.md): one course per file. Every problem names the file,
/// and the line where the YAML itself is wrong; a file with any problem yields no course.</summary>
public static class CourseYaml
{
    static readonly IDeserializer Deserializer = new DeserializerBuilder()
        .WithNamingConvention(CamelCaseNamingConvention.Instance)
        .Build();

    static readonly Dictionary<string, TrainingCategory> Categories = new()
    {
        ["公共法律知识"] = TrainingCategory.PublicLaw, ["专业法律知识"] = TrainingCategory.ProfessionalLaw,
        ["政治理论"] = TrainingCategory.PoliticalTheory, ["技能"] = TrainingCategory.Skills,
    };

    public static (IReadOnlyList<ParsedCourse> Courses, IReadOnlyList<ImportError> Errors) Read(
        IEnumerable<(string File, string Text)> files, LawLibrary laws)
    {
        var courses = new List<ParsedCourse>();
        var errors = new List<ImportError>();
        foreach (var (file, text) in files)
        {
            CourseFile dto;
            try
            {
                dto = Deserializer.Deserialize<CourseFile>(text) ?? new CourseFile();
            }
            catch (YamlException e)
            {
                errors.Add(new ImportError(file, (int)e.Start.Line, "yaml", (e.InnerException ?? e).Message));
                continue;
            }
            var problems = new List<(string Field, string Message)>();
            if (string.IsNullOrWhiteSpace(dto.Code)) problems.Add(("code", Messages.Format("Field.Required", "code")));
            if (!Categories.TryGetValue(dto.Category ?? "", out var category))
                problems.Add(("category", Messages.Format("Course.UnknownCategory", dto.Category ?? "", string.Join(" | ", Categories.Keys))));
            var q = dto.Quiz ?? new QuizPart();
            var content = new CourseContent(dto.Title ?? "", dto.Summary ?? "", category, dto.Hours, dto.Laws ?? [],
                [.. (dto.Lessons ?? []).Select((l, i) => new Lesson($"L{i + 1}", l.Title ?? "", l.Body ?? "", l.Minutes, l.Video, l.Attachment))],
                new CourseQuiz(q.Single, q.Truefalse, q.Multiple, q.Minutes, q.PassPercent, q.Attempts));
            problems.AddRange(CourseRules.Problems(content, laws).Select(p => ("course", p)));
            if (courses.FirstOrDefault(c => string.Equals(c.Code, dto.Code?.Trim(), StringComparison.OrdinalIgnoreCase)) is { } twin)
                problems.Add(("code", Messages.Format("Course.CodeTaken", twin.Code)));
            errors.AddRange(problems.Select(p => new ImportError(file, 1, p.Field, p.Message)));
            if (problems.Count == 0) courses.Add(new ParsedCourse(dto.Code!.Trim().ToUpperInvariant(), content, file));
        }
        return (courses, errors);
    }

    sealed class CourseFile
    {
        public string? Code { get; set; }
        public string? Title { get; set; }
        public string? Category { get; set; }
        public decimal Hours { get; set; }
        public string? Summary { get; set; }
        public List<string>? Laws { get; set; }
        public QuizPart? Quiz { get; set; }
        public List<LessonPart>? Lessons { get; set; }
    }

    sealed class QuizPart
    {
        public int Single { get; set; }
        public int Truefalse { get; set; }
        public int Multiple { get; set; }
        public int Minutes { get; set; } = 15;
        public int PassPercent { get; set; } = 60;
        public int Attempts { get; set; } = 3;
    }

    sealed class LessonPart
    {
        public string? Title { get; set; }
        public int Minutes { get; set; }
        public string? Video { get; set; }
        public string? Attachment { get; set; }
        public string? Body { get; set; }
    }
}

/// <summary>The starter catalogue shipped in question-bank/courses/, embedded for the demo data.</summary>
public static class ShippedCourses
{
    public static IReadOnlyList<ParsedCourse> Read()
    {
        var (courses, errors) = CourseYaml.Read(EmbeddedFiles.In("courses/"), LawLibrary.Shipped);
        if (errors.Count > 0) throw new InvalidOperationException("The shipped courses are invalid:\n" + string.Join("\n", errors));
        return courses;
    }
}
