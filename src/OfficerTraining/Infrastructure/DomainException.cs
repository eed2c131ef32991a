using System.Globalization;
using System.Resources;

namespace OfficerTraining.Infrastructure;

/// <summary>
/// A command was refused. The message is a person-readable sentence in the current UI culture, looked up by key in
/// Messages.resx (zh-CN, the default) or Messages.en.resx, so pages and the command line can show it as it is.
/// </summary>
public sealed class DomainException(string key, params object[] args)
    : Exception(Messages.Format(key, args))
{
    public string Key { get; } = key;
}

public static class Messages
{
    static readonly ResourceManager Resources = new("OfficerTraining.Infrastructure.Messages", typeof(Messages).Assembly);

    public static string Format(string key, params object[] args)
    {
        var template = Resources.GetString(key, CultureInfo.CurrentUICulture)
            ?? throw new InvalidOperationException($"No message text for key '{key}'.");
        return args.Length == 0 ? template : string.Format(CultureInfo.CurrentCulture, template, args);
    }
}
