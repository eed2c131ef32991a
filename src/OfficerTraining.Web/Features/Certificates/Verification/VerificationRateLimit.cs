using System.Threading.RateLimiting;
using Microsoft.AspNetCore.RateLimiting;

namespace OfficerTraining.Web.Features.Certificates.Verification;

/// <summary>The public verification pages answer anyone without sign-in, so each client address gets
/// <c>Verification:PermitPerMinute</c> requests a minute (30 by default) to every path under /verify; past that, 429
/// with a short page. Nothing else in the app is limited.</summary>
public static class VerificationRateLimit
{
    public const string PermitSetting = "Verification:PermitPerMinute";
    public const int DefaultPermitPerMinute = 30;

    public static IServiceCollection AddVerificationRateLimit(this IServiceCollection services)
    {
        services.AddRateLimiter(_ => { });
        services.AddOptions<RateLimiterOptions>().Configure<IConfiguration>((options, configuration) =>
        {
            var permits = configuration.GetValue(PermitSetting, DefaultPermitPerMinute);
            options.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            options.GlobalLimiter = PartitionedRateLimiter.Create<HttpContext, string>(http =>
                IsVerification(http.Request.Path)
                    ? RateLimitPartition.GetFixedWindowLimiter(http.Connection.RemoteIpAddress?.ToString() ?? "unknown", _ =>
                        new FixedWindowRateLimiterOptions { PermitLimit = permits, Window = TimeSpan.FromMinutes(1), QueueLimit = 0 })
                    : RateLimitPartition.GetNoLimiter("app"));
            options.OnRejected = (context, ct) => Reject(context.HttpContext, ct);
        });
        return services;
    }

    public static bool IsVerification(PathString path) => path.StartsWithSegments("/verify", StringComparison.OrdinalIgnoreCase);

    static async ValueTask Reject(HttpContext http, CancellationToken ct)
    {
        http.Response.Headers.RetryAfter = "60";
        http.Response.Headers.CacheControl = "no-store";
        http.Response.ContentType = "text/html; charset=utf-8";
        await http.Response.WriteAsync(Page, ct);
    }

    const string Page = """
        <!DOCTYPE html><html lang="zh-CN"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
        <title>请求过于频繁 / Too many requests</title></head>
        <body style="font-family: system-ui, sans-serif; max-width: 32rem; margin: 2rem auto; padding: 0 1rem;">
        <h1>请求过于频繁</h1><p>查询次数过多，请一分钟后再试。</p>
        <h2 lang="en">Too many requests</h2><p lang="en">Too many lookups from this address. Please try again in a minute.</p>
        </body></html>
        """;
}
