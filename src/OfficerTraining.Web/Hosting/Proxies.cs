using System.Net;
using Microsoft.AspNetCore.HttpOverrides;

namespace OfficerTraining.Web.Hosting;

/// <summary>
/// Behind a load balancer or reverse proxy the connection comes from the proxy: only when its addresses are configured
/// (<c>ForwardedHeaders:KnownProxies</c>, <c>ForwardedHeaders:KnownNetworks</c>, comma-separated or as a list) does the
/// app take the client address and scheme from X-Forwarded-For / X-Forwarded-Proto, so the verification and sign-in
/// limits count the real client and cookies know the request was HTTPS. Nothing configured: no header is trusted.
/// </summary>
public static class Proxies
{
    public static void AddProxies(this WebApplicationBuilder builder)
    {
        var proxies = Values(builder.Configuration, "ForwardedHeaders:KnownProxies").Select(IPAddress.Parse).ToList();
        var networks = Values(builder.Configuration, "ForwardedHeaders:KnownNetworks").Select(System.Net.IPNetwork.Parse).ToList();
        builder.Services.Configure<ForwardedHeadersOptions>(o =>
        {
            o.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto;
            // The defaults trust loopback; with our own lists only the configured proxies are trusted.
            o.KnownProxies.Clear();
            o.KnownIPNetworks.Clear();
            proxies.ForEach(o.KnownProxies.Add);
            networks.ForEach(o.KnownIPNetworks.Add);
        });
    }

    /// <summary>Only with a configured proxy: empty lists would make the middleware trust every sender.</summary>
    public static void UseProxies(this WebApplication app)
    {
        if (Values(app.Configuration, "ForwardedHeaders:KnownProxies").Any() || Values(app.Configuration, "ForwardedHeaders:KnownNetworks").Any())
            app.UseForwardedHeaders();
    }

    static IEnumerable<string> Values(IConfiguration configuration, string key)
    {
        var section = configuration.GetSection(key);
        var values = section.Value is { } single ? single.Split(',') : section.GetChildren().Select(c => c.Value ?? "");
        return values.Select(v => v.Trim()).Where(v => v.Length > 0);
    }
}
