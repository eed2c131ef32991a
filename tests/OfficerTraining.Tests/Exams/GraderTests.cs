using OfficerTraining.Exams;
using OfficerTraining.QuestionBank;
using static OfficerTraining.Tests.Exams.Attempts;

namespace OfficerTraining.Tests.Exams;

public class when_a_paper_is_marked
{
    static readonly PaperItem Multiple = new("2", QuestionType.Multiple, [0, 1, 2, 3], [0, 2, 3], 3m);

    static AttemptResult Grade(MultipleChoiceScoring scoring, decimal passMark, params (string Item, int[] Choice)[] answers) =>
        Grader.Grade(SmallPaper, answers.ToDictionary(a => a.Item, a => (IReadOnlyList<int>)a.Choice),
            new AttemptRules(scoring, passMark, ReviewDetail.Correctness, ReviewTiming.AtOnce, Closes));

    [Fact]
    public void each_item_scores_its_points_for_the_key_and_nothing_otherwise()
    {
        var result = Grade(MultipleChoiceScoring.AllOrNothing, 6m, ("1", [1]), ("2", [2, 0]), ("3", [1]), ("4.1", [1]), ("4.2", [0]));
        result.Marks.Select(m => (m.Item, m.Points)).Should().Equal(("1", 2m), ("2", 3m), ("3", 0m), ("4.1", 2m), ("4.2", 0m));
        (result.Score, result.MaxScore, result.Passed).Should().Be((7m, 10.5m, true));
    }

    [Fact]
    public void an_unanswered_paper_scores_zero_and_fails() =>
        Grade(MultipleChoiceScoring.AllOrNothing, 6m).Should().BeEquivalentTo(new { Score = 0m, MaxScore = 10.5m, Passed = false });

    [Fact]
    public void the_pass_mark_itself_passes() =>
        Grade(MultipleChoiceScoring.AllOrNothing, 5m, ("1", [1]), ("2", [0, 2])).Passed.Should().BeTrue();

    [Theory]
    [InlineData(new[] { 0, 2, 3 }, 3.0)]
    [InlineData(new[] { 0, 2 }, 0.0)]       // 少选不得分
    [InlineData(new[] { 0, 1, 2, 3 }, 0.0)] // 错选不得分
    [InlineData(new int[0], 0.0)]
    public void multiple_choice_is_all_or_nothing_by_default(int[] chosen, double points) =>
        Grader.Mark(Multiple, chosen, MultipleChoiceScoring.AllOrNothing).Should().Be((decimal)points);

    [Theory]
    [InlineData(new[] { 0, 2, 3 }, 3.0)]
    [InlineData(new[] { 0, 2 }, 2.0)]       // two of three keys
    [InlineData(new[] { 3 }, 1.0)]
    [InlineData(new[] { 0, 1 }, 0.0)]       // any wrong option: nothing
    [InlineData(new int[0], 0.0)]
    public void partial_credit_gives_the_share_of_keys_unless_a_wrong_option_is_chosen(int[] chosen, double points) =>
        Grader.Mark(Multiple, chosen, MultipleChoiceScoring.Partial).Should().Be((decimal)points);

    [Fact]
    public void partial_credit_does_not_apply_to_single_choice() =>
        Grader.Mark(SmallPaper.Questions[0].Items[0], [0], MultipleChoiceScoring.Partial).Should().Be(0m);
}
