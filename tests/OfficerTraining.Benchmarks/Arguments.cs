using System.Globalization;

namespace OfficerTraining.Benchmarks;

/// <summary>A command's options: <c>--name value</c> pairs and bare <c>--flags</c>, each checked against the names the
/// command knows; a value that does not parse, or an unknown name, makes <see cref="Error"/> say which.</summary>
public sealed class Arguments(IReadOnlyList<string> args, IReadOnlyCollection<string> options, IReadOnlyCollection<string> flags)
{
    public string? Error { get; private set; } = args.Where((a, i) => a.StartsWith("--", StringComparison.Ordinal)
            && !flags.Contains(a) && !(options.Contains(a) && i + 1 < args.Count)).Select(a => $"unknown or incomplete argument '{a}'")
        .FirstOrDefault();

    public bool Flag(string name) => args.Contains(name);

    public int[] Numbers(string name, int[] otherwise) =>
        Value(name) is { } list ? Parse(name, list.Split(',', StringSplitOptions.RemoveEmptyEntries), otherwise) : otherwise;

    public double Number(string name, double otherwise) =>
        Value(name) is { } v ? double.TryParse(v, CultureInfo.InvariantCulture, out var d) && d > 0 ? d : Bad(name, otherwise) : otherwise;

    public int Whole(string name, int otherwise) => (int)Number(name, otherwise);

    string? Value(string name) => args.Select((a, i) => (a, i)).Where(x => x.a == name && x.i + 1 < args.Count)
        .Select(x => args[x.i + 1]).LastOrDefault();

    int[] Parse(string name, string[] items, int[] otherwise)
    {
        var parsed = items.Select(i => int.TryParse(i, CultureInfo.InvariantCulture, out var n) && n > 0 ? n : -1).ToArray();
        return parsed.Length > 0 && parsed.All(n => n > 0) ? parsed : Bad(name, otherwise);
    }

    T Bad<T>(string name, T otherwise)
    {
        Error ??= $"'{name}' needs a positive number";
        return otherwise;
    }
}
