using OfficerTraining.Agencies;
using OfficerTraining.QuestionBank;

namespace OfficerTraining.Exams;

/// <summary>How a multiple-choice item scores: all or nothing (少选、错选不得分, the default), or partial credit.</summary>
public enum MultipleChoiceScoring { AllOrNothing, Partial }

/// <summary>What an officer sees of a graded paper.</summary>
public enum ReviewDetail { ScoreOnly, Correctness, Explanations }

/// <summary>When the review becomes visible: at once, or only after the session's window closes (instant right/wrong
/// feedback is how answer-harvesting scripts work).</summary>
public enum ReviewTiming { AtOnce, AfterWindowCloses }

/// <summary>Which approved questions a section draws from; empty lists and nulls mean "any".</summary>
public sealed record QuestionFilter(
    IReadOnlyList<string> Laws, IReadOnlyList<string> Tags, QuestionCategory? Category, EnforcementDomain? Domain,
    int? MinDifficulty, int? MaxDifficulty)
{
    public static readonly QuestionFilter Any = new([], [], null, null, null, null);
}

/// <summary>A section of a paper: <see cref="Count"/> questions of one type drawn from the filter, each worth
/// <see cref="Points"/> (for a case question: each of its sub-questions).</summary>
public sealed record BlueprintSection(string Title, QuestionType Type, QuestionFilter Filter, int Count, decimal Points);

/// <summary>A paper's recipe (试卷策略).</summary>
public sealed record Blueprint(
    string Name, IReadOnlyList<BlueprintSection> Sections, TimeSpan Duration, decimal PassMark,
    MultipleChoiceScoring MultipleChoice, bool ShuffleQuestions, bool ShuffleOptions, int AttemptsAllowed,
    ReviewDetail Review, ReviewTiming ReviewTiming)
{
    /// <summary>domain.md's default paper: 50 questions, 100 points, 90 minutes, pass 60: 20 single × 2,
    /// 10 multiple × 3, 20 true/false × 1.5; all-or-nothing multiple choice; 1 attempt + 1 make-up session.</summary>
    public static Blueprint Default(string name = "年度法律知识考试（默认）") => new(name,
        [
            new("单选题", QuestionType.Single, QuestionFilter.Any, 20, 2m),
            new("多选题", QuestionType.Multiple, QuestionFilter.Any, 10, 3m),
            new("判断题", QuestionType.TrueFalse, QuestionFilter.Any, 20, 1.5m),
        ],
        TimeSpan.FromMinutes(90), 60m, MultipleChoiceScoring.AllOrNothing, ShuffleQuestions: true, ShuffleOptions: true,
        AttemptsAllowed: 1, ReviewDetail.Correctness, ReviewTiming.AfterWindowCloses);
}
