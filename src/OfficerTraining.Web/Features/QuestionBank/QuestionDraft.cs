using OfficerTraining.Agencies;
using OfficerTraining.QuestionBank;

namespace OfficerTraining.Web.Features.QuestionBank;

/// <summary>A citation as the editor holds it: a row may be half filled while the author chooses.</summary>
public sealed class CitationDraft
{
    public string? Law { get; set; }
    public int? Article { get; set; }

    public Citation? ToCitation() => Law is { Length: > 0 } law && Article is > 0 and < 1000 ? new(law, Article.Value) : null;
}

/// <summary>One objective item (or a case's scenario) as the editor holds it.</summary>
public sealed class ItemDraft
{
    public QuestionType Type { get; private set; } = QuestionType.Single;
    public string Stem { get; set; } = "";
    public List<string> Options { get; private set; } = ["", "", "", ""];
    public List<int> Correct { get; private set; } = [];
    public string Explanation { get; set; } = "";
    public List<CitationDraft> Citations { get; } = [];

    /// <summary>Changes the type, keeping what still fits: options survive single ↔ multiple, a single keeps one key.</summary>
    public void SetType(QuestionType type)
    {
        if (type == Type) return;
        if (type is QuestionType.TrueFalse or QuestionType.Case) (Options, Correct) = ([], []);
        else if (Type is QuestionType.TrueFalse or QuestionType.Case) (Options, Correct) = (["", "", "", ""], []);
        else if (type == QuestionType.Single && Correct.Count > 1) Correct = [Correct.Min()];
        Type = type;
    }

    public void RemoveOption(int index)
    {
        Options.RemoveAt(index);
        Correct = Correct.Where(i => i != index).Select(i => i > index ? i - 1 : i).ToList();
    }

    public void SetKey(int index, bool correct)
    {
        if (Type != QuestionType.Multiple) Correct = correct ? [index] : [];
        else if (correct && !Correct.Contains(index)) Correct = [.. Correct, index];
        else if (!correct) Correct.Remove(index);
    }

    public QuestionItem ToItem() => new(
        Type, Stem.Trim(), Type == QuestionType.TrueFalse ? QuestionItem.TrueFalseOptions : Options.Select(o => o.Trim()).ToList(),
        Correct.Order().ToList(), Explanation.Trim(), Citations.Select(c => c.ToCitation()).OfType<Citation>().Distinct().ToList());

    public static ItemDraft From(QuestionType type, string stem, IEnumerable<string> options, IEnumerable<int> correct,
        string explanation, IEnumerable<Citation> citations)
    {
        var draft = new ItemDraft
        {
            Type = type, Stem = stem, Options = type == QuestionType.TrueFalse ? [] : options.ToList(),
            Correct = correct.ToList(), Explanation = explanation,
        };
        draft.Citations.AddRange(citations.Select(c => new CitationDraft { Law = c.Law, Article = c.Article }));
        return draft;
    }

    public static ItemDraft From(QuestionItem i) => From(i.Type, i.Stem, i.Options, i.Correct, i.Explanation, i.Citations);
}

/// <summary>A whole question as the editor holds it. For a case, <see cref="Main"/> is the scenario (no options, optional
/// shared explanation and citations) and <see cref="Subs"/> the 2–5 sub-questions.</summary>
public sealed class QuestionDraft
{
    public string Code { get; set; } = "";
    public ItemDraft Main { get; private init; } = new();
    public List<ItemDraft> Subs { get; } = [];
    public string Tags { get; set; } = "";
    public QuestionCategory Category { get; set; } = QuestionCategory.Public;
    public EnforcementDomain? Domain { get; set; }
    public int Difficulty { get; set; } = 2;

    public QuestionType Type => Main.Type;

    public void SetType(QuestionType type)
    {
        Main.SetType(type);
        if (type != QuestionType.Case) Subs.Clear();
        else if (Subs.Count == 0) Subs.AddRange([new ItemDraft(), new ItemDraft()]);
    }

    public QuestionContent ToContent()
    {
        var main = Main.ToItem();
        return new QuestionContent(
            main.Type, main.Stem, main.Options, main.Correct, main.Explanation, main.Citations,
            Tags.Split([',', '，', '、', ';', '；'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
                .Distinct().ToList(),
            Category, Category == QuestionCategory.Professional ? Domain : null, Difficulty,
            Type == QuestionType.Case ? Subs.Select(s => s.ToItem()).ToList() : []);
    }

    public static QuestionDraft From(string code, QuestionContent c)
    {
        var draft = new QuestionDraft
        {
            Code = code, Main = ItemDraft.From(c.Type, c.Stem, c.Options, c.Correct, c.Explanation, c.Citations),
            Tags = string.Join(", ", c.Tags), Category = c.Category, Domain = c.Domain, Difficulty = c.Difficulty,
        };
        draft.Subs.AddRange(c.SubQuestions.Select(ItemDraft.From));
        return draft;
    }
}
