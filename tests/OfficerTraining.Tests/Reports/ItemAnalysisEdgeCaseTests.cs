using OfficerTraining.Reports.ItemAnalysis;

namespace OfficerTraining.Tests.Reports.ItemAnalysis;

static class Analyse
{
    public static ItemAnalysisResult Marks(double[] maxMarks, params double[][] attempts) =>
        ItemAnalysisCalculator.Calculate(attempts, maxMarks);
}

public class when_there_is_a_single_attempt
{
    readonly ItemAnalysisResult _result = Analyse.Marks([1, 2], [1, 1]);

    [Fact]
    public void only_facility_mean_and_median_are_defined()
    {
        _result.Quiz.Should().Be(new QuizStatistics(1, 3, 2, 2, null, null, null, null, null, null));
        _result.Items[1].Facility.Should().Be(0.5);
        _result.Items.Should().AllSatisfy(i =>
        {
            new[] { i.Sd, i.MarkVariance, i.OtherMarkVariance, i.Covariance, i.CovarianceMax, i.CovarianceWithTotal,
                i.DiscriminationIndex, i.DiscriminativeEfficiency, i.EffectiveWeight }.Should().AllSatisfy(v => v.Should().BeNull());
            i.NeedsChecking.Should().BeNull();
            i.Dubious.Should().BeFalse();
        });
    }
}

public class when_there_are_two_or_three_attempts
{
    [Fact]
    public void two_give_a_standard_deviation_and_cic_but_no_skewness_or_kurtosis()
    {
        var quiz = Analyse.Marks([1, 1], [1, 1], [0, 1]).Quiz;
        quiz.Sd.Should().BeApproximately(Math.Sqrt(0.5), 1e-12);
        quiz.Median.Should().Be(1.5, "the mean of the two middle totals");
        quiz.Skewness.Should().BeNull();
        quiz.Kurtosis.Should().BeNull();
        // Σ V(x_i) = 0.5 + 0 and k2 = 0.5, so α = 2 · (1 − 1) = 0 and the error ratio is 100 %.
        quiz.Cic.Should().BeApproximately(0, 1e-12);
        quiz.ErrorRatio.Should().BeApproximately(100, 1e-12);
        quiz.StandardError.Should().BeApproximately(Math.Sqrt(0.5), 1e-12);
    }

    [Fact]
    public void three_give_skewness_but_no_kurtosis()
    {
        var quiz = Analyse.Marks([1], [0], [0], [1]).Quiz;
        quiz.Skewness.Should().BeApproximately(1.7320508075688772, 1e-12, "totals 0, 0, 1: k3 / k2^1.5 = √3");
        quiz.Kurtosis.Should().BeNull();
        quiz.Cic.Should().BeNull("Cronbach's α needs two questions");
        quiz.ErrorRatio.Should().BeNull();
        quiz.StandardError.Should().BeNull();
    }
}

public class when_an_item_has_no_variance
{
    readonly ItemAnalysisResult _result = Analyse.Marks([1, 1, 1], [1, 1, 0], [1, 0, 0], [1, 1, 1], [1, 0, 1]);

    [Fact]
    public void its_discrimination_and_efficiency_are_undefined_and_its_weight_is_zero()
    {
        var constant = _result.Items[0];
        constant.Facility.Should().Be(1);
        constant.Sd.Should().Be(0);
        constant.DiscriminationIndex.Should().BeNull();
        constant.DiscriminativeEfficiency.Should().BeNull();
        constant.EffectiveWeight.Should().Be(0);
        constant.NeedsChecking.Should().BeNull();
        constant.Dubious.Should().BeFalse();
        _result.Items.Skip(1).Should().AllSatisfy(i => i.DiscriminationIndex.Should().NotBeNull());
    }

    [Fact]
    public void equal_totals_leave_the_shape_of_the_distribution_undefined()
    {
        var quiz = Analyse.Marks([1, 1], [1, 0], [0, 1], [1, 0], [0, 1]).Quiz;
        quiz.Sd.Should().Be(0);
        new[] { quiz.Skewness, quiz.Kurtosis, quiz.Cic, quiz.ErrorRatio, quiz.StandardError }
            .Should().AllSatisfy(v => v.Should().BeNull());
    }

    [Fact]
    public void a_constant_fraction_is_still_constant()
    {
        var third = 0.3333333;
        var item = Analyse.Marks([1, 1], [third, 1], [third, 0], [third, 1]).Items[0];
        item.MarkVariance.Should().Be(0);
        item.DiscriminationIndex.Should().BeNull();
    }
}

public class when_an_item_goes_against_the_total
{
    // Item 3 is right exactly when the others are wrong, and the others carry more marks.
    readonly ItemAnalysisResult _result = Analyse.Marks([2, 2, 1], [2, 2, 0], [0, 0, 1], [2, 1, 0], [0, 1, 1], [1, 2, 0]);

    [Fact]
    public void it_has_no_effective_weight_and_the_others_share_100_percent()
    {
        var against = _result.Items[2];
        against.CovarianceWithTotal.Should().BeNegative();
        against.NegativeCovariance.Should().BeTrue();
        against.EffectiveWeight.Should().BeNull();
        _result.Items.Take(2).Sum(i => i.EffectiveWeight!.Value).Should().BeApproximately(100, 1e-9);
        against.DiscriminationIndex.Should().BeNegative();
        against.NeedsChecking.Should().Be(NeedsChecking.VeryLikely);
    }

    [Fact]
    public void intended_weights_follow_the_maxima_and_facility_and_sd_are_fractions_of_them()
    {
        _result.Items.Select(i => i.IntendedWeight).Should().Equal(40, 40, 20);
        _result.Items[0].Facility.Should().BeApproximately(1.0 / 2, 1e-12, "mean 1 of a maximum of 2");
        _result.Items[0].Sd.Should().BeApproximately(Math.Sqrt(1.0) / 2, 1e-12, "marks 2, 0, 2, 0, 1 have variance 1");
        _result.Quiz.MaxTotal.Should().Be(5);
    }
}

public class when_classifying_items
{
    static readonly ItemStatistics Item = Analyse.Marks([1], [1], [0]).Items[0];

    [Theory]
    [InlineData(-5, NeedsChecking.VeryLikely)]
    [InlineData(29.999, NeedsChecking.VeryLikely)]
    [InlineData(30, NeedsChecking.Likely)]
    [InlineData(49.999, NeedsChecking.Likely)]
    [InlineData(50, NeedsChecking.Unlikely)]
    [InlineData(100, NeedsChecking.Unlikely)]
    public void needs_checking_follows_the_discrimination_index(double index, NeedsChecking expected) =>
        (Item with { DiscriminationIndex = index }).NeedsChecking.Should().Be(expected);

    [Theory]
    [InlineData(14.999, true)]
    [InlineData(15, false)]
    [InlineData(-40, true)]
    public void dubious_means_a_discriminative_efficiency_below_15(double efficiency, bool dubious) =>
        (Item with { DiscriminativeEfficiency = efficiency }).Dubious.Should().Be(dubious);

    [Fact]
    public void random_guess_scores_are_carried_through() =>
        ItemAnalysisCalculator.Calculate([[1, 0], [0, 1]], [1, 1], [0.25, null]).Items
            .Select(i => i.RandomGuessScore).Should().Equal(0.25, null);

    [Fact]
    public void malformed_matrices_are_programming_errors()
    {
        var act = () => Analyse.Marks([1, 1], [1, 1], [1]);
        act.Should().Throw<ArgumentException>();
        ((Action)(() => Analyse.Marks([0], [0]))).Should().Throw<ArgumentException>();
        ((Action)(() => Analyse.Marks([1]))).Should().Throw<ArgumentException>();
    }
}
