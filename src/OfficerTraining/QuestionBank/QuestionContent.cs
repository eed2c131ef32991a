using OfficerTraining.Agencies;

namespace OfficerTraining.QuestionBank;

/// <summary>单选, 多选, 判断, 案例分析 (a scenario with 2–5 objective sub-questions).</summary>
public enum QuestionType { Single, Multiple, TrueFalse, Case }

/// <summary>公共法律知识, or 专业法律知识 of one enforcement domain.</summary>
public enum QuestionCategory { Public, Professional }

/// <summary>A source of the answer: an article of one of the laws in question-bank/laws (e.g. 行政处罚法 第五十一条).</summary>
public sealed record Citation(string Law, int Article)
{
    public override string ToString() => $"{Law} 第{ChineseNumerals.Format(Article)}条";
}

/// <summary>An objective question as an officer answers it. For true/false the options are always
/// <see cref="TrueFalseOptions"/> ("true", "false"), shown in the officer's language.</summary>
public sealed record QuestionItem(
    QuestionType Type, string Stem, IReadOnlyList<string> Options, IReadOnlyList<int> Correct, string Explanation,
    IReadOnlyList<Citation> Citations)
{
    public static readonly IReadOnlyList<string> TrueFalseOptions = ["true", "false"];
}

/// <summary>
/// One version of a question: what an officer sees and what a reviewer approves. A case question (案例分析) has the
/// scenario as its stem, no options of its own, and its sub-questions in <see cref="SubQuestions"/>.
/// </summary>
public sealed record QuestionContent(
    QuestionType Type, string Stem, IReadOnlyList<string> Options, IReadOnlyList<int> Correct, string Explanation,
    IReadOnlyList<Citation> Citations, IReadOnlyList<string> Tags, QuestionCategory Category, EnforcementDomain? Domain,
    int Difficulty, IReadOnlyList<QuestionItem> SubQuestions)
{
    /// <summary>The laws cited anywhere in the question, sub-questions included.</summary>
    public IReadOnlyList<string> Laws =>
        Citations.Concat(SubQuestions.SelectMany(s => s.Citations)).Select(c => c.Law).Distinct().ToList();

    /// <summary>Records compare lists by reference; versions compare by what they say.</summary>
    public bool SameAs(QuestionContent other) =>
        Type == other.Type && Stem == other.Stem && Options.SequenceEqual(other.Options) && Correct.SequenceEqual(other.Correct)
        && Explanation == other.Explanation && Citations.SequenceEqual(other.Citations) && Tags.SequenceEqual(other.Tags)
        && Category == other.Category && Domain == other.Domain && Difficulty == other.Difficulty
        && SubQuestions.Count == other.SubQuestions.Count
        && SubQuestions.Zip(other.SubQuestions).All(p => p.First.Type == p.Second.Type && p.First.Stem == p.Second.Stem
            && p.First.Options.SequenceEqual(p.Second.Options) && p.First.Correct.SequenceEqual(p.Second.Correct)
            && p.First.Explanation == p.Second.Explanation && p.First.Citations.SequenceEqual(p.Second.Citations));
}
