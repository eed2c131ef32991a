using System.Net;
using System.Threading.RateLimiting;

namespace OfficerTraining.Web.Features.Account;

/// <summary>
/// Sign-in attempts allowed per minute from one client address (<c>SignIn:PermitPerMinutePerAddress</c>, 600: a whole
/// exam hall or office behind one address signs in within the same few minutes before an exam) and for one user name (<c>SignIn:PermitPerMinutePerUser</c>,
/// 10). On top of Identity's lockout (5 wrong passwords lock an account for 15 minutes), this stops one address from
/// trying many names and keeps password hashing from being used to load the server. The address is the real client's
/// when the proxy in front is configured (see Hosting/Proxies).
/// </summary>
public sealed class SignInRateLimit : IDisposable
{
    public const string PerAddressSetting = "SignIn:PermitPerMinutePerAddress";
    public const string PerUserSetting = "SignIn:PermitPerMinutePerUser";

    readonly PartitionedRateLimiter<string> _byAddress;
    readonly PartitionedRateLimiter<string> _byUser;

    public SignInRateLimit(IConfiguration configuration)
    {
        _byAddress = PerMinute(configuration.GetValue(PerAddressSetting, 600));
        _byUser = PerMinute(configuration.GetValue(PerUserSetting, 10));
    }

    /// <summary>Counts one attempt; false when the address or the user name has used up this minute's attempts.</summary>
    public bool TryAttempt(IPAddress? address, string userName)
    {
        using var byAddress = _byAddress.AttemptAcquire(address?.ToString() ?? "unknown");
        if (!byAddress.IsAcquired) return false;
        using var byUser = _byUser.AttemptAcquire(userName.Trim().ToUpperInvariant());
        return byUser.IsAcquired;
    }

    static PartitionedRateLimiter<string> PerMinute(int permits) => PartitionedRateLimiter.Create<string, string>(key =>
        RateLimitPartition.GetFixedWindowLimiter(key, _ =>
            new FixedWindowRateLimiterOptions { PermitLimit = permits, Window = TimeSpan.FromMinutes(1), QueueLimit = 0 }));

    public void Dispose()
    {
        _byAddress.Dispose();
        _byUser.Dispose();
    }
}
