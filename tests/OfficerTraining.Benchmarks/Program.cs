using System.Globalization;
using OfficerTraining.Benchmarks;

const string Usage = "usage: dotnet run -c Release --project tests/OfficerTraining.Benchmarks -- answers " +
                     "[--concurrency 1,16,64,256,1000] [--seconds 10] [--repeats 3] [--writers 4] [--json]";

if (args is not ["answers", .. var rest])
{
    Console.Error.WriteLine(Usage);
    return 2;
}
int[] concurrency = [1, 16, 64, 256, 1000];
var seconds = 10.0;
var json = false;
var repeats = 3;
var writers = OfficerTraining.Exams.AnswerJournalOptions.Default.Writers;
for (var i = 0; i < rest.Length; i++)
{
    switch (rest[i])
    {
        case "--concurrency" when i + 1 < rest.Length:
            concurrency = [.. rest[++i].Split(',', StringSplitOptions.RemoveEmptyEntries).Select(c => int.Parse(c, CultureInfo.InvariantCulture))];
            break;
        case "--seconds" when i + 1 < rest.Length:
            seconds = double.Parse(rest[++i], CultureInfo.InvariantCulture);
            break;
        case "--repeats" when i + 1 < rest.Length:
            repeats = int.Parse(rest[++i], CultureInfo.InvariantCulture);
            break;
        case "--writers" when i + 1 < rest.Length:
            writers = int.Parse(rest[++i], CultureInfo.InvariantCulture);
            break;
        case "--json":
            json = true;
            break;
        default:
            Console.Error.WriteLine($"unknown argument '{rest[i]}'\n{Usage}");
            return 2;
    }
}
if (concurrency.Length == 0 || concurrency.Any(c => c < 1) || seconds <= 0 || writers < 1 || repeats < 1)
{
    Console.Error.WriteLine(Usage);
    return 2;
}

// With --json, stdout carries only the JSON object: progress and anything the libraries print go to stderr.
var stdout = Console.Out;
if (json) Console.SetOut(Console.Error);
var report = await AnswersBenchmark.Run(concurrency, TimeSpan.FromSeconds(seconds), repeats, writers, Console.Out);
stdout.WriteLine(json ? report.ToJson() : report.ToTable());
return report.Durability.Intact ? 0 : 1;
