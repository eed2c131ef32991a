using OfficerTraining.Infrastructure;

namespace OfficerTraining.QuestionBank;

/// <summary>One thing wrong with a question: the field (as the text format names it, e.g. "options", "questions[2].answer")
/// and a sentence in the current UI culture.</summary>
public sealed record QuestionProblem(string Field, string Message);

/// <summary>
/// What makes a question well-formed. <see cref="Structure"/> must hold for any draft (a question an officer could
/// answer); <see cref="Completeness"/> must also hold before review: every answer cites an article that exists and is
/// explained.
/// </summary>
public static class QuestionRules
{
    public const int MaxOptions = 8;

    /// <summary>Ten times the longest texts of the shipped bank (stem 183, option 78, explanation 205 characters): room for a
    /// case's scenario, while a 2-million-character stem from a damaged or hostile file is refused rather than stored in
    /// every event, paper and export that copies it.</summary>
    public const int MaxStemLength = 4000, MaxOptionLength = 1000, MaxExplanationLength = 4000, MaxTagLength = 50, MaxTags = 20;

    /// <summary>PostgreSQL's jsonb cannot store U+0000, so a question holding one could be read and written as YAML but
    /// never saved. Other control characters are kept: they render as inert text and the YAML writer escapes them.</summary>
    static bool HasNul(string? text) => text?.Contains('\0') == true;

    public static IReadOnlyList<QuestionProblem> Structure(QuestionContent q)
    {
        var problems = new List<QuestionProblem>();
        void Add(string field, string key, params object[] args) => problems.Add(new(field, Messages.Format(key, args)));

        if (q.Difficulty is < 1 or > 5) Add("difficulty", "Question.Difficulty", q.Difficulty);
        if (q.Category == QuestionCategory.Professional && q.Domain is null) Add("domain", "Question.DomainRequired");
        if (q.Category == QuestionCategory.Public && q.Domain is not null) Add("domain", "Question.DomainNotForPublic");
        if (q.Tags.Count > MaxTags) Add("tags", "Question.TooManyTags", MaxTags);
        if (q.Tags.Any(HasNul)) Add("tags", "Question.ControlCharacter");
        if (q.Type == QuestionType.Case && HasNul(q.Stem + q.Explanation)) Add("stem", "Question.ControlCharacter");
        if (q.Tags.FirstOrDefault(t => t.Length > MaxTagLength) is { } tag) Add("tags", "Question.TooLong", MaxTagLength, tag.Length);
        if (q.Type == QuestionType.Case && q.Stem.Length > MaxStemLength) Add("stem", "Question.TooLong", MaxStemLength, q.Stem.Length);
        if (q.Type == QuestionType.Case && q.Explanation.Length > MaxExplanationLength)
            Add("explanation", "Question.TooLong", MaxExplanationLength, q.Explanation.Length);
        if (q.Type == QuestionType.Case)
        {
            if (string.IsNullOrWhiteSpace(q.Stem)) Add("stem", "Question.StemRequired");
            if (q.Options.Count > 0 || q.Correct.Count > 0) Add("options", "Question.CaseHasNoOptions");
            if (q.SubQuestions.Count is < 2 or > 5) Add("questions", "Question.CaseSubQuestionCount", q.SubQuestions.Count);
            for (var i = 0; i < q.SubQuestions.Count; i++)
            {
                var sub = q.SubQuestions[i];
                if (sub.Type == QuestionType.Case) Add($"questions[{i + 1}].type", "Question.CaseInCase");
                else CheckItem(sub, $"questions[{i + 1}].", Add);
            }
        }
        else
        {
            if (q.SubQuestions.Count > 0) Add("questions", "Question.SubQuestionsOnlyInCase");
            CheckItem(new QuestionItem(q.Type, q.Stem, q.Options, q.Correct, q.Explanation, q.Citations), "", Add);
        }
        return problems;
    }

    public static IReadOnlyList<QuestionProblem> Completeness(QuestionContent q, LawLibrary laws)
    {
        var problems = new List<QuestionProblem>();
        void Add(string field, string key, params object[] args) => problems.Add(new(field, Messages.Format(key, args)));
        void CheckSources(string prefix, string explanation, IReadOnlyList<Citation> citations)
        {
            if (string.IsNullOrWhiteSpace(explanation)) Add(prefix + "explanation", "Question.ExplanationRequired");
            if (citations.Count == 0) Add(prefix + "citations", "Question.CitationRequired");
            foreach (var c in citations)
                if (!laws.Has(c.Law)) Add(prefix + "citations", "Question.UnknownLaw", c.Law, string.Join("、", laws.Names));
                else if (!laws.Has(c.Law, c.Article)) Add(prefix + "citations", "Question.UnknownArticle", c);
        }

        if (q.Type == QuestionType.Case)
            for (var i = 0; i < q.SubQuestions.Count; i++)
                CheckSources($"questions[{i + 1}].", q.SubQuestions[i].Explanation,
                    [.. q.Citations, .. q.SubQuestions[i].Citations]);
        else CheckSources("", q.Explanation, q.Citations);
        return problems;
    }

    static void CheckItem(QuestionItem item, string prefix, Action<string, string, object[]> add)
    {
        if (string.IsNullOrWhiteSpace(item.Stem)) add(prefix + "stem", "Question.StemRequired", []);
        if (HasNul(item.Stem)) add(prefix + "stem", "Question.ControlCharacter", []);
        if (item.Options.Any(HasNul)) add(prefix + "options", "Question.ControlCharacter", []);
        if (HasNul(item.Explanation)) add(prefix + "explanation", "Question.ControlCharacter", []);
        if (item.Stem.Length > MaxStemLength) add(prefix + "stem", "Question.TooLong", [MaxStemLength, item.Stem.Length]);
        if (item.Explanation.Length > MaxExplanationLength)
            add(prefix + "explanation", "Question.TooLong", [MaxExplanationLength, item.Explanation.Length]);
        if (item.Options.FirstOrDefault(o => o.Length > MaxOptionLength) is { } option)
            add(prefix + "options", "Question.TooLong", [MaxOptionLength, option.Length]);
        if (item.Type == QuestionType.TrueFalse)
        {
            if (!item.Options.SequenceEqual(QuestionItem.TrueFalseOptions)) add(prefix + "options", "Question.TrueFalseOptions", []);
            if (item.Correct.Count != 1) add(prefix + "answer", "Question.TrueFalseAnswer", []);
            return;
        }
        if (item.Options.Count < 2) add(prefix + "options", "Question.TooFewOptions", [item.Options.Count]);
        if (item.Options.Count > MaxOptions) add(prefix + "options", "Question.TooManyOptions", [MaxOptions]);
        if (item.Options.Any(string.IsNullOrWhiteSpace)) add(prefix + "options", "Question.EmptyOption", []);
        if (item.Options.GroupBy(o => o.Trim()).FirstOrDefault(g => g.Count() > 1) is { } twice)
            add(prefix + "options", "Question.DuplicateOption", [twice.Key]);
        if (item.Correct.Any(i => i < 0 || i >= item.Options.Count)) add(prefix + "answer", "Question.AnswerNotAnOption", []);
        if (item.Correct.Distinct().Count() != item.Correct.Count) add(prefix + "answer", "Question.AnswerRepeated", []);
        if (item.Type == QuestionType.Single && item.Correct.Count != 1)
            add(prefix + "answer", "Question.SingleNeedsOneKey", [item.Correct.Count]);
        if (item.Type == QuestionType.Multiple && item.Correct.Count < 2)
            add(prefix + "answer", "Question.MultipleNeedsTwoKeys", [item.Correct.Count]);
    }
}
