using System.Diagnostics;
using System.Text;
using OfficerTraining.Infrastructure;

namespace OfficerTraining.Tests.HostileInput;

/// <summary>Runs a check over many damaged copies of valid inputs and reports every case that failed with the seed and
/// the damage that reproduce it. Shared with the integration tests, which link this file.</summary>
public static class Fuzz
{
    /// <summary>The seed of case <paramref name="i"/> of a run with <paramref name="seed"/>: each case can be replayed alone.</summary>
    public static int CaseSeed(int seed, int i) => seed * 10_000 + i;

    public static async Task Run(
        int seed, int cases, IReadOnlyList<(string Name, byte[] Bytes)> corpus,
        Func<string, byte[], Task> check, TimeSpan? perCase = null)
    {
        var failures = new List<string>();
        var limit = perCase ?? TimeSpan.FromSeconds(10);
        for (var i = 0; i < cases; i++)
        {
            var caseSeed = CaseSeed(seed, i);
            var mutator = new Mutator(caseSeed);
            var (name, original) = corpus[i % corpus.Count];
            var (bytes, what) = mutator.Mutate(original);
            var clock = Stopwatch.StartNew();
            try
            {
                var run = check(name, bytes);
                if (await Task.WhenAny(run, Task.Delay(limit)) != run) throw new TimeoutException($"no answer within {limit}");
                await run;
                if (clock.Elapsed > limit) throw new TimeoutException($"took {clock.Elapsed}");
            }
            catch (Exception e)
            {
                failures.Add($"seed {caseSeed} ({name}: {what}): {e.GetType().Name}: {Shorten(e.Message)}");
            }
        }
        failures.Should().BeEmpty($"every damaged input must be refused with a clear error (fuzz seed {seed}, {cases} cases)");
    }

    public static void NamesFileAndLine(IEnumerable<ImportError> errors, string file, byte[] bytes)
    {
        foreach (var e in errors)
        {
            if (e.File != file) throw new InvalidOperationException($"error names file \"{e.File}\", not \"{file}\": {e}");
            // One past the last line is where something missing was expected (e.g. no data row after the header).
            if (e.Line < 1 || e.Line > Mutator.MaxLines(bytes) + 1)
                throw new InvalidOperationException($"error names line {e.Line} of at most {Mutator.MaxLines(bytes)}: {e}");
            if (string.IsNullOrWhiteSpace(e.Message)) throw new InvalidOperationException($"error without a message: {e}");
            if (e.Message.Contains("   at ", StringComparison.Ordinal) || e.Message.Contains("Exception", StringComparison.Ordinal))
                throw new InvalidOperationException($"error shows an exception, not a message a person can act on: {e}");
        }
    }

    public static byte[] Utf8(string text) => Encoding.UTF8.GetBytes(text);

    static string Shorten(string s) => s.Length > 400 ? s[..400] + "…" : s;
}
