namespace OfficerTraining.Web.Commands;

/// <summary>Standard output for machine-read results. JasperFx announces its command discovery on standard output,
/// so with `--json` everything else is silenced and only the JSON is written here.</summary>
public static class CommandLineOutput
{
    public static TextWriter Out { get; private set; } = Console.Out;

    public static void KeepForJsonOnly(string[] args)
    {
        if (!args.Contains("--json")) return;
        Out = Console.Out;
        Console.SetOut(TextWriter.Null);
    }
}
