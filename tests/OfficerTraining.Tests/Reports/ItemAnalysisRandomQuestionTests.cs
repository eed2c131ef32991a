using OfficerTraining.Exams;
using OfficerTraining.QuestionBank;
using OfficerTraining.Reports.ItemAnalysis;

namespace OfficerTraining.Tests.Reports.ItemAnalysis;

/// <summary>
/// Marks 1, 0, 1, 1 (of 1) in attempts with totals 3, 1, 2, 4 (of 4), by hand: x̄ = 0.75, V(x) = 0.25; T̄ = 2.5,
/// V(T) = 5/3; C(x, T) = 1.5/3 = 0.5, so D = 100 · 0.5 / √(0.25 · 5/3) = 100 · √0.6. Sorted and paired by rank the lists
/// give the same covariance, so DE = 100 %.
/// </summary>
public class when_a_random_question_is_analysed_against_the_total
{
    readonly ItemStatistics _item = ItemAnalysisCalculator.RandomQuestion([1, 0, 1, 1], [3, 1, 2, 4], 1, 4, 0.25);

    [Fact]
    public void the_other_marks_are_the_totals_not_the_rest()
    {
        _item.Facility.Should().Be(0.75);
        _item.Sd.Should().BeApproximately(0.5, 1e-12);
        _item.OtherMarkVariance.Should().BeApproximately(5.0 / 3, 1e-12);
        _item.Covariance.Should().BeApproximately(0.5, 1e-12);
        _item.CovarianceWithTotal.Should().BeApproximately(0.5, 1e-12);
        _item.DiscriminationIndex.Should().BeApproximately(100 * Math.Sqrt(0.6), 1e-9);
        _item.DiscriminativeEfficiency.Should().BeApproximately(100, 1e-9);
        _item.NeedsChecking.Should().Be(NeedsChecking.Unlikely);
    }

    [Fact]
    public void it_has_no_effective_weight_and_its_intended_weight_is_its_share_of_the_total()
    {
        _item.EffectiveWeight.Should().BeNull();
        _item.IntendedWeight.Should().Be(25);
        _item.RandomGuessScore.Should().Be(0.25);
    }

    [Fact]
    public void the_same_marks_as_a_fixed_slot_use_the_rest_score_and_differ()
    {
        // As the first of two slots (the second holding T − x), the rest is 2, 1, 1, 3.
        var slot = ItemAnalysisCalculator.Calculate([[1, 2], [0, 1], [1, 1], [1, 3]], [1, 3]).Items[0];
        slot.OtherMarkVariance.Should().BeApproximately(2.75 / 3, 1e-12);
        slot.DiscriminationIndex.Should().NotBeApproximately(_item.DiscriminationIndex!.Value, 1);
    }
}

/// <summary>Right only for the two weakest of four (marks 1, 1, 0, 0; totals 1, 2, 3, 4): C = −2/3, V(x) = 1/3,
/// V(T) = 5/3, D = −200/√5 ≈ −89.4 %.</summary>
public class when_only_the_weakest_answer_a_random_question_right
{
    readonly ItemStatistics _item = ItemAnalysisCalculator.RandomQuestion([1, 1, 0, 0], [1, 2, 3, 4], 1, 4);

    [Fact]
    public void it_very_likely_needs_checking_and_is_dubious()
    {
        _item.DiscriminationIndex.Should().BeApproximately(-200 / Math.Sqrt(5), 1e-9);
        _item.NeedsChecking.Should().Be(NeedsChecking.VeryLikely);
        _item.Dubious.Should().BeTrue();
    }

    [Fact]
    public void marks_and_totals_must_pair_up()
    {
        var act = () => ItemAnalysisCalculator.RandomQuestion([1, 0], [1], 1, 4);
        act.Should().Throw<ArgumentException>();
        var empty = () => ItemAnalysisCalculator.RandomQuestion([], [], 1, 4);
        empty.Should().Throw<ArgumentException>();
    }
}

public class when_guessing_at_random
{
    static PaperQuestion Question(params PaperItem[] items) => new("Q", Guid.Empty, 1, 0, items);
    static PaperItem Item(QuestionType type, int options, decimal points = 1) => new("1", type, [.. Enumerable.Range(0, options)], [0], points);

    [Fact]
    public void a_single_choice_scores_one_over_its_options_true_false_half_and_multiple_choice_is_undefined()
    {
        SessionItemAnalysis.RandomGuessScore(Question(Item(QuestionType.Single, 4))).Should().Be(0.25);
        SessionItemAnalysis.RandomGuessScore(Question(Item(QuestionType.TrueFalse, 2))).Should().Be(0.5);
        SessionItemAnalysis.RandomGuessScore(Question(Item(QuestionType.Multiple, 4))).Should().BeNull();
    }

    [Fact]
    public void a_case_weighs_its_sub_questions_by_points_unless_one_is_undefined()
    {
        SessionItemAnalysis.RandomGuessScore(Question(Item(QuestionType.Single, 4, 3), Item(QuestionType.TrueFalse, 2, 1)))
            .Should().BeApproximately((0.25 * 3 + 0.5) / 4, 1e-12);
        SessionItemAnalysis.RandomGuessScore(Question(Item(QuestionType.Single, 4), Item(QuestionType.Multiple, 4))).Should().BeNull();
    }
}
