using System.Collections.Concurrent;

namespace OfficerTraining.Web.Hosting;

/// <summary>
/// Serilog's logger factory builds a new logger, with caches of its own, on every <c>CreateLogger</c>, and Blazor Server
/// asks for several per circuit (the circuit host, its renderer, the authentication state): each open exam page held
/// nine of them (about 5 KB). This keeps one logger per category, as Microsoft's own LoggerFactory does; the loggers are
/// the same, so what is logged does not change.
/// </summary>
public sealed class LoggerPerCategory(ILoggerFactory inner) : ILoggerFactory
{
    readonly ConcurrentDictionary<string, ILogger> loggers = new(StringComparer.Ordinal);

    public ILogger CreateLogger(string categoryName) => loggers.GetOrAdd(categoryName, inner.CreateLogger);

    public void AddProvider(ILoggerProvider provider) => inner.AddProvider(provider);

    public void Dispose() => inner.Dispose();

    /// <summary>Wraps the <see cref="ILoggerFactory"/> registered last (Serilog's, from <c>AddSerilog</c>).</summary>
    public static void Wrap(IServiceCollection services)
    {
        var registered = services.Last(d => d.ServiceType == typeof(ILoggerFactory));
        var create = registered.ImplementationFactory
            ?? throw new InvalidOperationException("The logger factory is expected to be registered by a factory (AddSerilog).");
        services.Remove(registered);
        services.AddSingleton<ILoggerFactory>(s => new LoggerPerCategory((ILoggerFactory)create(s)));
    }
}
