namespace OfficerTraining.Reports.ItemAnalysis;

/// <summary>How likely a question is to need checking, from its discrimination index (Moodle's question bank column).</summary>
public enum NeedsChecking { VeryLikely, Likely, Unlikely }

/// <summary>Moodle's statistics for one question (slot). Facility and Sd are fractions of the maximum mark; the variances and
/// covariances are in marks²; the discrimination index, discriminative efficiency and both weights are percentages. A null
/// is a statistic that is undefined for these marks (fewer than two attempts, or a zero variance in a denominator).</summary>
public sealed record ItemStatistics(
    int Index,
    double MaxMark,
    double MeanMark,
    double Facility,
    double? Sd,
    double? MarkVariance,
    double? OtherMarkVariance,
    double? Covariance,
    double? CovarianceMax,
    double? CovarianceWithTotal,
    double? DiscriminationIndex,
    double? DiscriminativeEfficiency,
    double? EffectiveWeight,
    double IntendedWeight,
    double? RandomGuessScore)
{
    /// <summary>Moodle's `negcovar`: the item's marks go against the total, so it has no effective weight.</summary>
    public bool NegativeCovariance => CovarianceWithTotal < 0;

    /// <summary>Moodle's question bank: D &lt; 30 very likely, D &lt; 50 likely, otherwise unlikely; null when D is undefined.</summary>
    public NeedsChecking? NeedsChecking => ItemFlags.NeedsCheckingOf(DiscriminationIndex);

    /// <summary>Moodle's quiz statistics report marks a question dubious when its discriminative efficiency is below 15 %.</summary>
    public bool Dubious => ItemFlags.IsDubious(DiscriminativeEfficiency);
}

/// <summary>Moodle's two item-health thresholds, shared by the slot and the question statistics.</summary>
public static class ItemFlags
{
    /// <summary>The question bank's "Needs checking?": D &lt; 30 very likely, D &lt; 50 likely, otherwise unlikely.</summary>
    public static NeedsChecking? NeedsCheckingOf(double? discriminationIndex) => discriminationIndex switch
    {
        null => null,
        < 30 => NeedsChecking.VeryLikely,
        < 50 => NeedsChecking.Likely,
        _ => NeedsChecking.Unlikely,
    };

    /// <summary>The quiz statistics report's "dubious": discriminative efficiency below 15 %.</summary>
    public static bool IsDubious(double? discriminativeEfficiency) => discriminativeEfficiency < 15;
}

/// <summary>Moodle's quiz-level statistics on the attempt totals (marks). Cic, ErrorRatio are percentages; Cic can be negative
/// and ErrorRatio above 100. Skewness needs three attempts, kurtosis (excess) four, Cic two questions.</summary>
public sealed record QuizStatistics(
    int Attempts,
    double MaxTotal,
    double Mean,
    double Median,
    double? Sd,
    double? Skewness,
    double? Kurtosis,
    double? Cic,
    double? ErrorRatio,
    double? StandardError);

public sealed record ItemAnalysisResult(QuizStatistics Quiz, IReadOnlyList<ItemStatistics> Items);
