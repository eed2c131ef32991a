using System.Globalization;
using OfficerTraining.Infrastructure;

namespace OfficerTraining.QuestionBank.Import;

/// <summary>
/// Moodle's rules for the grades of a multiple-choice question, which GIFT and Moodle XML imports share, and how a question
/// that passes them maps to our types. Grades are fractions (1 = 100 %).
/// </summary>
public static class MoodleGrades
{
    /// <summary><c>question_bank::fraction_options_full()</c>: the only grades Moodle's import accepts
    /// (<c>match_grade_options</c> with the default "error" mode, tolerance 0.00001).</summary>
    static readonly double[] Allowed = [.. Positive, .. Positive.Where(f => f > 0).Select(f => -f)];

    static double[] Positive =>
    [
        1.0, 0.9, 0.8333333, 0.8, 0.75, 0.7, 0.6666667, 0.6, 0.5, 0.4, 0.3333333, 0.3, 0.25, 0.2, 0.1666667, 0.1428571,
        0.125, 0.1111111, 0.1, 0.05, 0.0,
    ];

    /// <summary>What Moodle would refuse about these grades, in the order it checks (<c>qformat_default::importprocess</c>,
    /// then <c>qtype_multichoice::save_question_options</c>), or null.</summary>
    /// <param name="single">Moodle's single-answer flag: GIFT sets it when the answers contain '=', XML has &lt;single&gt;.</param>
    public static string? Problem(string question, IReadOnlyList<double> fractions, bool single)
    {
        var invalid = fractions.Where(f => !Allowed.Any(a => Math.Abs(f - a) < 0.00001)).ToList();
        if (invalid.Count > 0)
            return Messages.Format("Import.InvalidGrades", question, string.Join(", ", invalid.Select(f => Percent(f) + "%")));
        if (single)
        {
            var max = fractions.Count == 0 ? 0 : fractions.Max();
            return Math.Abs(max - 1) < 0.00001 ? null : Messages.Format("Import.SingleNeedsFullMarks", question, Percent(max));
        }
        // Moodle rounds the sum to two decimals, so 3 × 33.33333 % counts as 100 %.
        var sum = fractions.Where(f => f > 0).Sum();
        return Math.Round(sum, 2) == 1 ? null : Messages.Format("Import.GradesDoNotAddUp", question, Percent(sum));
    }

    /// <summary>
    /// The keys of a question that passed <see cref="Problem"/>. Our types have no partial credit, so: a single-answer
    /// question's keys are its 100 % options (partial credits such as "~%50%" are dropped); a multiple-answer question's keys
    /// are its options with a positive grade (penalties are dropped). One key makes it <see cref="QuestionType.Single"/>, more
    /// make it <see cref="QuestionType.Multiple"/>: a Moodle single-answer question with several 100 % answers ("any of
    /// these") is imported as "all of these", which is what such a question means in practice (e.g. "=spring =summer
    /// =winter =autumn ~easter").
    /// </summary>
    public static (QuestionType Type, IReadOnlyList<int> Correct) Keys(IReadOnlyList<double> fractions, bool single)
    {
        var correct = Enumerable.Range(0, fractions.Count)
            .Where(i => single ? Math.Abs(fractions[i] - 1) < 0.00001 : fractions[i] > 0).ToList();
        return (correct.Count == 1 ? QuestionType.Single : QuestionType.Multiple, correct);
    }

    /// <summary>The grade of each key when we write a question: 100 % for a single answer, equal shares of 100 % for
    /// multiple answers (all in Moodle's list for up to 10 keys), and -100 % for a wrong option of a multiple-answer question
    /// so that ticking everything earns nothing, as in our all-or-nothing marking.</summary>
    public static IReadOnlyList<double> Export(QuestionType type, int options, IReadOnlyList<int> correct) =>
        Enumerable.Range(0, options).Select(i => correct.Contains(i)
            ? (type == QuestionType.Single ? 1.0 : Math.Round(1.0 / correct.Count, 7))
            : (type == QuestionType.Single ? 0.0 : -1.0)).ToList();

    /// <summary>A fraction as Moodle writes a percentage: "100", "50", "33.33333", "-100".</summary>
    public static string Percent(double fraction) =>
        Math.Round(fraction * 100, 5).ToString("0.#####", CultureInfo.InvariantCulture);
}
