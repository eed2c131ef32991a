using System.Globalization;
using OfficerTraining.Benchmarks;

const string Usage = """
    usage: dotnet run -c Release --project tests/OfficerTraining.Benchmarks -- <command> [options]
      answers [--concurrency 1,16,64,256,1000] [--seconds 10] [--repeats 3] [--writers 2] [--json]
      verify  [--officers 3000] [--seconds 30] [--connections 64] [--json]
      rebuild [--events 1000000] [--json]
    """;

if (args is not [var command, .. var rest] || command is not ("answers" or "verify" or "rebuild"))
{
    Console.Error.WriteLine(Usage);
    return 2;
}
int[] concurrency = [1, 16, 64, 256, 1000];
double? seconds = null;
int officers = 3000, connections = 64, events = 1_000_000;
var json = false;
var repeats = 3;
var writers = OfficerTraining.Exams.AnswerJournalOptions.Default.Writers;
for (var i = 0; i < rest.Length; i++)
{
    switch (rest[i])
    {
        case "--concurrency" when command == "answers" && i + 1 < rest.Length:
            concurrency = [.. rest[++i].Split(',', StringSplitOptions.RemoveEmptyEntries).Select(c => int.Parse(c, CultureInfo.InvariantCulture))];
            break;
        case "--seconds" when command is "answers" or "verify" && i + 1 < rest.Length:
            seconds = double.Parse(rest[++i], CultureInfo.InvariantCulture);
            break;
        case "--repeats" when command == "answers" && i + 1 < rest.Length:
            repeats = int.Parse(rest[++i], CultureInfo.InvariantCulture);
            break;
        case "--writers" when command == "answers" && i + 1 < rest.Length:
            writers = int.Parse(rest[++i], CultureInfo.InvariantCulture);
            break;
        case "--officers" when command == "verify" && i + 1 < rest.Length:
            officers = int.Parse(rest[++i], CultureInfo.InvariantCulture);
            break;
        case "--connections" when command == "verify" && i + 1 < rest.Length:
            connections = int.Parse(rest[++i], CultureInfo.InvariantCulture);
            break;
        case "--events" when command == "rebuild" && i + 1 < rest.Length:
            events = int.Parse(rest[++i], CultureInfo.InvariantCulture);
            break;
        case "--json":
            json = true;
            break;
        default:
            Console.Error.WriteLine($"unknown argument '{rest[i]}'\n{Usage}");
            return 2;
    }
}
if (concurrency.Length == 0 || concurrency.Any(c => c < 1) || seconds <= 0 || writers < 1 || repeats < 1 || officers < 10 ||
    connections < 1 || events < 10_000)
{
    Console.Error.WriteLine(Usage);
    return 2;
}

// With --json, stdout carries only the JSON object: progress and anything the libraries print go to stderr.
var stdout = Console.Out;
if (json) Console.SetOut(Console.Error);
try
{
    switch (command)
    {
        case "answers":
        {
            var report = await AnswersBenchmark.Run(concurrency, TimeSpan.FromSeconds(seconds ?? 10), repeats, writers, Console.Out);
            stdout.WriteLine(json ? report.ToJson() : report.ToTable());
            return report.Durability.Intact ? 0 : 1;
        }
        case "verify":
        {
            var report = await VerifyBenchmark.Run(officers, connections, TimeSpan.FromSeconds(seconds ?? 30), Console.Out);
            stdout.WriteLine(json ? report.ToJson() : report.ToTable());
            return 0;
        }
        default:
        {
            var report = await RebuildBenchmark.Run(events, Console.Out);
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
