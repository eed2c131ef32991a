using System.Globalization;
using OfficerTraining.Benchmarks;
using OfficerTraining.Benchmarks.Circuits;

const string Usage = "usage: dotnet run -c Release --project tests/OfficerTraining.Benchmarks -- answers " +
                     "[--concurrency 1,16,64,256,1000] [--seconds 10] [--json]\n" +
                     "       dotnet run -c Release --project tests/OfficerTraining.Benchmarks -- circuits " +
                     "[--officers 100,1000] [--think-seconds 15] [--seconds 60] [--ramp 100] [--no-compression] [--browsers 0] [--json]";

static int[] Numbers(string list) =>
    [.. list.Split(',', StringSplitOptions.RemoveEmptyEntries).Select(c => int.Parse(c, CultureInfo.InvariantCulture))];

static double Number(string value) => double.Parse(value, CultureInfo.InvariantCulture);

switch (args)
{
    case ["answers", .. var rest]:
    {
        int[] concurrency = [1, 16, 64, 256, 1000];
        var seconds = 10.0;
        var json = false;
        for (var i = 0; i < rest.Length; i++)
        {
            switch (rest[i])
            {
                case "--concurrency" when i + 1 < rest.Length: concurrency = Numbers(rest[++i]); break;
                case "--seconds" when i + 1 < rest.Length: seconds = Number(rest[++i]); break;
                case "--json": json = true; break;
                default:
                    Console.Error.WriteLine($"unknown argument '{rest[i]}'\n{Usage}");
                    return 2;
            }
        }
        if (concurrency.Length == 0 || concurrency.Any(c => c < 1) || seconds <= 0)
        {
            Console.Error.WriteLine(Usage);
            return 2;
        }
        // With --json, stdout carries only the JSON object: progress and anything the libraries print go to stderr.
        var stdout = Console.Out;
        if (json) Console.SetOut(Console.Error);
        var report = await AnswersBenchmark.Run(concurrency, TimeSpan.FromSeconds(seconds), Console.Out);
        stdout.WriteLine(json ? report.ToJson() : report.ToTable());
        return report.Durability.Intact ? 0 : 1;
    }
    case ["circuits", .. var rest]:
    {
        int[] officers = [100, 1000];
        double think = 15, seconds = 60;
        var (ramp, browsers) = (100, 0);
        var (compression, json) = (true, false);
        for (var i = 0; i < rest.Length; i++)
        {
            switch (rest[i])
            {
                case "--officers" when i + 1 < rest.Length: officers = Numbers(rest[++i]); break;
                case "--think-seconds" when i + 1 < rest.Length: think = Number(rest[++i]); break;
                case "--seconds" when i + 1 < rest.Length: seconds = Number(rest[++i]); break;
                case "--ramp" when i + 1 < rest.Length: ramp = (int)Number(rest[++i]); break;
                case "--no-compression": compression = false; break;
                case "--browsers" when i + 1 < rest.Length: browsers = (int)Number(rest[++i]); break;
                case "--json": json = true; break;
                default:
                    Console.Error.WriteLine($"unknown argument '{rest[i]}'\n{Usage}");
                    return 2;
            }
        }
        if (officers.Length == 0 || officers.Any(n => n < 1) || think <= 0 || seconds <= 0 || ramp < 1 || browsers < 0)
        {
            Console.Error.WriteLine(Usage);
            return 2;
        }
        var stdout = Console.Out;
        if (json) Console.SetOut(Console.Error);
        var report = await CircuitsBenchmark.Run(new CircuitsOptions(officers, TimeSpan.FromSeconds(think), TimeSpan.FromSeconds(seconds),
            ramp, compression, PasswordHashIterations: 1, browsers), Console.Out);
        stdout.WriteLine(json ? report.ToJson() : report.ToTable());
        return report.Intact ? 0 : 1;
    }
    default:
        Console.Error.WriteLine(Usage);
        return 2;
}
