namespace OfficerTraining.Reports.ItemAnalysis;

/// <summary>Moodle's item analysis (question/classes/statistics/questions/calculator.php and the quiz report's calculator.php),
/// transcribed in docs/item-analysis.md. Every attempt is a subject; an attempt's total is the sum of its question marks.</summary>
public static class ItemAnalysisCalculator
{
    /// <param name="marks">One row per attempt, one mark per question.</param>
    /// <param name="maxMarks">Each question's maximum mark (positive).</param>
    /// <param name="randomGuessScores">Optional, per question; carried through to the results.</param>
    public static ItemAnalysisResult Calculate(
        IReadOnlyList<IReadOnlyList<double>> marks, IReadOnlyList<double> maxMarks, IReadOnlyList<double?>? randomGuessScores = null)
    {
        var (s, p) = (marks.Count, maxMarks.Count);
        if (s == 0) throw new ArgumentException("At least one attempt is needed.", nameof(marks));
        if (p == 0) throw new ArgumentException("At least one question is needed.", nameof(maxMarks));
        if (maxMarks.Any(m => !double.IsFinite(m) || m <= 0)) throw new ArgumentException("Maximum marks must be positive.", nameof(maxMarks));
        if (marks.Any(row => row.Count != p || row.Any(m => !double.IsFinite(m))))
            throw new ArgumentException($"Every attempt needs {p} finite marks.", nameof(marks));
        if (randomGuessScores is not null && randomGuessScores.Count != p)
            throw new ArgumentException($"Give {p} random guess scores or none.", nameof(randomGuessScores));

        var totals = marks.Select(row => row.Sum()).ToArray();
        var items = Enumerable.Range(0, p)
            .Select(i =>
            {
                var x = marks.Select(row => row[i]).ToArray();
                return Item(i, x, [.. x.Select((mark, s) => totals[s] - mark)], totals, maxMarks[i], maxMarks.Sum(), randomGuessScores?[i]);
            })
            .ToList();
        items = WithEffectiveWeights(items);
        return new ItemAnalysisResult(Quiz(totals, maxMarks.Sum(), items), items);
    }

    /// <summary>
    /// A question drawn at random (a paper position holds different questions for different officers): its statistics
    /// over the attempts that drew it, as Moodle computes a random slot's sub-questions: against the attempt total
    /// (Y = T, not T − x), so <see cref="ItemStatistics.OtherMarkVariance"/> is the variance of the totals and the
    /// covariance with the rest is the covariance with the total. There is no effective weight (it compares the slots of
    /// one paper); the intended weight is the question's share of <paramref name="maxTotal"/>.
    /// </summary>
    /// <param name="marks">The question's mark in each attempt that drew it.</param>
    /// <param name="totals">Those attempts' totals, in the same order.</param>
    public static ItemStatistics RandomQuestion(
        IReadOnlyList<double> marks, IReadOnlyList<double> totals, double maxMark, double maxTotal, double? randomGuessScore = null)
    {
        if (marks.Count == 0) throw new ArgumentException("At least one attempt is needed.", nameof(marks));
        if (totals.Count != marks.Count) throw new ArgumentException($"Give {marks.Count} totals.", nameof(totals));
        if (!double.IsFinite(maxMark) || maxMark <= 0) throw new ArgumentException("The maximum mark must be positive.", nameof(maxMark));
        if (!double.IsFinite(maxTotal) || maxTotal <= 0) throw new ArgumentException("The maximum total must be positive.", nameof(maxTotal));
        if (marks.Concat(totals).Any(m => !double.IsFinite(m))) throw new ArgumentException("Marks and totals must be finite.");
        var t = totals.ToArray();
        return Item(0, [.. marks], t, t, maxMark, maxTotal, randomGuessScore);
    }

    /// <param name="rest">What the item is correlated with: the rest score, or the total for a random question.</param>
    static ItemStatistics Item(int i, double[] x, double[] rest, double[] totals, double max, double maxTotal, double? randomGuess)
    {
        var mean = x.Average();
        var intended = 100 * max / maxTotal;
        if (x.Length < 2)
            return new ItemStatistics(i, max, mean, mean / max, null, null, null, null, null, null, null, null, null, intended, randomGuess);

        var variance = Covariance(x, x);
        var restVariance = Covariance(rest, rest);
        var covariance = Covariance(x, rest);
        // The largest covariance these two lists of values could have: both sorted ascending and paired by rank.
        var covarianceMax = Covariance(x.Order().ToArray(), rest.Order().ToArray());
        var withTotal = Covariance(x, totals);
        var product = variance * restVariance;
        return new ItemStatistics(i, max, mean, mean / max, Math.Sqrt(variance) / max, variance, restVariance, covariance,
            covarianceMax, withTotal,
            DiscriminationIndex: product > 0 ? 100 * covariance / Math.Sqrt(product) : null,
            DiscriminativeEfficiency: covarianceMax != 0 ? 100 * covariance / covarianceMax : null,
            EffectiveWeight: null, IntendedWeight: intended, RandomGuessScore: randomGuess);
    }

    /// <summary>The sum runs over the items whose covariance with the total is not negative; the others have no weight.</summary>
    static List<ItemStatistics> WithEffectiveWeights(List<ItemStatistics> items)
    {
        var sum = items.Where(i => i.CovarianceWithTotal >= 0).Sum(i => Math.Sqrt(i.CovarianceWithTotal!.Value));
        return items.Select(i => i.CovarianceWithTotal is >= 0 and var c && sum > 0
            ? i with { EffectiveWeight = 100 * Math.Sqrt(c) / sum }
            : i).ToList();
    }

    static QuizStatistics Quiz(double[] totals, double maxTotal, IReadOnlyList<ItemStatistics> items)
    {
        var s = totals.Length;
        var mean = totals.Average();
        var sorted = totals.Order().ToArray();
        var median = s % 2 == 1 ? sorted[s / 2] : (sorted[s / 2 - 1] + sorted[s / 2]) / 2;
        if (s < 2) return new QuizStatistics(s, maxTotal, mean, median, null, null, null, null, null, null);

        double Moment(int power) => totals.Sum(t => Math.Pow(t - mean, power)) / s;
        var (m2, m3, m4) = (Moment(2), Moment(3), Moment(4));
        var k2 = Constant(totals) ? 0 : s * m2 / (s - 1);
        var sd = Math.Sqrt(k2);
        if (Constant(totals)) return new QuizStatistics(s, maxTotal, mean, median, sd, null, null, null, null, null);

        double? skewness = s > 2 ? s * (double)s * m3 / ((s - 1.0) * (s - 2)) / Math.Pow(k2, 1.5) : null;
        double? kurtosis = s > 3
            ? s * (double)s * ((s + 1.0) * m4 - 3.0 * (s - 1) * m2 * m2) / ((s - 1.0) * (s - 2) * (s - 3)) / (k2 * k2)
            : null;
        var p = items.Count;
        double? cic = p > 1 ? 100.0 * p / (p - 1) * (1 - items.Sum(i => i.MarkVariance!.Value) / k2) : null;
        // α is at most 100 % (Cauchy–Schwarz), but rounding can put it an ulp above, and the square root must not turn NaN.
        double? errorRatio = cic is { } a ? 100 * Math.Sqrt(Math.Max(0, 1 - a / 100)) : null;
        return new QuizStatistics(s, maxTotal, mean, median, sd, skewness, kurtosis, cic, errorRatio, errorRatio / 100 * sd);
    }

    /// <summary>Sample covariance (divisor S − 1) of two equally long lists. With a constant list it is exactly 0: the mean of
    /// equal values can be an ulp off them, and that dust would otherwise pass the zero-variance checks.</summary>
    static double Covariance(double[] a, double[] b)
    {
        if (Constant(a) || Constant(b)) return 0;
        var (meanA, meanB) = (a.Average(), b.Average());
        var sum = 0.0;
        for (var k = 0; k < a.Length; k++) sum += (a[k] - meanA) * (b[k] - meanB);
        return sum / (a.Length - 1);
    }

    static bool Constant(double[] values) => values.All(v => v == values[0]);
}
