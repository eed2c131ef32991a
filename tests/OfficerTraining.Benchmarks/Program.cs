using OfficerTraining.Benchmarks;
using OfficerTraining.Benchmarks.Circuits;
using OfficerTraining.Exams;

const string Usage = """
    usage: dotnet run -c Release --project tests/OfficerTraining.Benchmarks -- <command> [options]
      answers  [--concurrency 1,16,64,256,1000] [--seconds 10] [--repeats 3] [--writers 2] [--statements] [--json]
      circuits [--officers 100,1000] [--think-seconds 15] [--seconds 60] [--ramp 100] [--no-compression] [--browsers K] [--json]
      verify   [--officers 3000] [--seconds 30] [--connections 64] [--json]
      rebuild  [--events 1000000] [--json]
    """;

if (args is not [var command, .. var rest])
{
    Console.Error.WriteLine(Usage);
    return 2;
}
var a = command switch
{
    "answers" => new Arguments(rest, ["--concurrency", "--seconds", "--repeats", "--writers"], ["--statements", "--json"]),
    "circuits" => new Arguments(rest, ["--officers", "--think-seconds", "--seconds", "--ramp", "--browsers"], ["--no-compression", "--json"]),
    "verify" => new Arguments(rest, ["--officers", "--seconds", "--connections"], ["--json"]),
    "rebuild" => new Arguments(rest, ["--events"], ["--json"]),
    _ => null,
};
if (a is null || a.Error is not null)
{
    Console.Error.WriteLine($"{a?.Error}\n{Usage}".Trim());
    return 2;
}

// With --json, stdout carries only the JSON object: progress and anything the libraries print go to stderr.
var json = a.Flag("--json");
var stdout = Console.Out;
if (json) Console.SetOut(Console.Error);
try
{
    switch (command)
    {
        case "answers":
        {
            var report = await AnswersBenchmark.Run(a.Numbers("--concurrency", [1, 16, 64, 256, 1000]),
                TimeSpan.FromSeconds(a.Number("--seconds", 10)), a.Whole("--repeats", 3),
                a.Whole("--writers", AnswerJournalOptions.Default.Writers), a.Flag("--statements"), Console.Out);
            stdout.WriteLine(json ? report.ToJson() : report.ToTable());
            return report.Durability.Intact ? 0 : 1;
        }
        case "circuits":
        {
            var report = await CircuitsBenchmark.Run(new CircuitsOptions(a.Numbers("--officers", [100, 1000]),
                TimeSpan.FromSeconds(a.Number("--think-seconds", 15)), TimeSpan.FromSeconds(a.Number("--seconds", 60)),
                a.Whole("--ramp", 100), !a.Flag("--no-compression"), PasswordHashIterations: 1,
                rest.Contains("--browsers") ? a.Whole("--browsers", 0) : 0), Console.Out);
            stdout.WriteLine(json ? report.ToJson() : report.ToTable());
            return report.Intact ? 0 : 1;
        }
        case "verify":
        {
            var report = await VerifyBenchmark.Run(a.Whole("--officers", 3000), a.Whole("--connections", 64),
                TimeSpan.FromSeconds(a.Number("--seconds", 30)), Console.Out);
            stdout.WriteLine(json ? report.ToJson() : report.ToTable());
            return 0;
        }
        default:
        {
            var report = await RebuildBenchmark.Run(a.Whole("--events", 1_000_000), Console.Out);
            stdout.WriteLine(json ? report.ToJson() : report.ToTable());
            return report.Consistent ? 0 : 1;
        }
    }
}
catch (InvalidOperationException e) when (e.Message == Wrk.Missing)
{
    Console.Error.WriteLine(e.Message);
    return 3;
}
