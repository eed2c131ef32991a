using OfficerTraining.Agencies;
using OfficerTraining.Exams;
using OfficerTraining.QuestionBank;

namespace OfficerTraining.Web.Features.Exams.Managing;

/// <summary>A section as the builder edits it. <see cref="Key"/> keeps each section's inputs with it when sections move.</summary>
public sealed class SectionDraft
{
    public Guid Key { get; } = Guid.NewGuid();
    public string Title { get; set; } = "";
    public QuestionType Type { get; set; } = QuestionType.Single;
    public IReadOnlyCollection<string> Laws { get; set; } = [];
    public string Tags { get; set; } = "";
    public QuestionCategory? Category { get; set; }
    public EnforcementDomain? Domain { get; set; }
    public int? MinDifficulty { get; set; }
    public int? MaxDifficulty { get; set; }
    public int Count { get; set; } = 10;
    public decimal Points { get; set; } = 1m;

    public BlueprintSection ToSection() => new(Title.Trim(), Type, new QuestionFilter(
            [.. Laws], [.. Tags.Split([',', '，', '、', ';', '；'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Distinct()],
            Category, Category == QuestionCategory.Public ? null : Domain, MinDifficulty, MaxDifficulty),
        Count, Points);

    public static SectionDraft From(BlueprintSection s) => new()
    {
        Title = s.Title, Type = s.Type, Laws = [.. s.Filter.Laws], Tags = string.Join(", ", s.Filter.Tags),
        Category = s.Filter.Category, Domain = s.Filter.Domain, MinDifficulty = s.Filter.MinDifficulty,
        MaxDifficulty = s.Filter.MaxDifficulty, Count = s.Count, Points = s.Points,
    };
}

/// <summary>The builder's working copy of a blueprint: mutable fields the inputs bind to, turned into a
/// <see cref="Blueprint"/> after every change (for the totals, the rules and the feasibility check).</summary>
public sealed class BlueprintDraft
{
    public string Name { get; set; } = "";
    public List<SectionDraft> Sections { get; } = [];
    public int DurationMinutes { get; set; } = 90;
    public decimal PassMark { get; set; } = 60m;
    public MultipleChoiceScoring MultipleChoice { get; set; }
    public bool ShuffleQuestions { get; set; } = true;
    public bool ShuffleOptions { get; set; } = true;
    public int AttemptsAllowed { get; set; } = 1;
    public ReviewDetail Review { get; set; } = ReviewDetail.Correctness;
    public ReviewTiming ReviewTiming { get; set; } = ReviewTiming.AfterWindowCloses;

    public Blueprint ToBlueprint() => new(Name.Trim(), [.. Sections.Select(s => s.ToSection())],
        TimeSpan.FromMinutes(DurationMinutes), PassMark, MultipleChoice, ShuffleQuestions, ShuffleOptions, AttemptsAllowed,
        Review, ReviewTiming);

    public static BlueprintDraft From(Blueprint b)
    {
        var draft = new BlueprintDraft
        {
            Name = b.Name, DurationMinutes = (int)Math.Round(b.Duration.TotalMinutes), PassMark = b.PassMark,
            MultipleChoice = b.MultipleChoice, ShuffleQuestions = b.ShuffleQuestions, ShuffleOptions = b.ShuffleOptions,
            AttemptsAllowed = b.AttemptsAllowed, Review = b.Review, ReviewTiming = b.ReviewTiming,
        };
        draft.Sections.AddRange(b.Sections.Select(SectionDraft.From));
        return draft;
    }

    /// <summary>Moves a section up (-1) or down (+1); nothing happens at either end.</summary>
    public void Move(SectionDraft section, int by)
    {
        var from = Sections.IndexOf(section);
        var to = from + by;
        if (from < 0 || to < 0 || to >= Sections.Count) return;
        Sections.RemoveAt(from);
        Sections.Insert(to, section);
    }
}
