using System.Net;
using System.Text;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Http;
using OfficerTraining.IntegrationTests.Harness;

namespace OfficerTraining.IntegrationTests.Web.Security;

/// <summary>The app behind a load balancer at 10.0.0.1 (configured as a known proxy), with small limits: 3 sign-in
/// attempts a minute per address and per user name, 2 verification look-ups a minute per address. Requests are sent
/// with the connection's remote address set, as Kestrel would see it.</summary>
public sealed class ProxiedApp : IAsyncLifetime
{
    public const string Proxy = "10.0.0.1";

    public AppFactory App { get; } = new()
    {
        Settings =
        {
            ["ForwardedHeaders:KnownProxies"] = Proxy,
            ["SignIn:PermitPerMinutePerAddress"] = "3",
            ["SignIn:PermitPerMinutePerUser"] = "3",
            ["Verification:PermitPerMinute"] = "2",
        },
    };

    public ValueTask InitializeAsync() => App.InitializeAsync();

    public ValueTask DisposeAsync() => App.DisposeAsync();

    /// <summary>Fetches the sign-in form, then posts it from <paramref name="remote"/> (with X-Forwarded-For when given).</summary>
    public async Task<(int Status, string Body)> SignIn(string remote, string? forwardedFor, string userName, string password = AppFactory.Password)
    {
        var form = await Send("GET", "/account/login", remote, forwardedFor);
        var token = Regex.Match(form.Body, "name=\"__RequestVerificationToken\" value=\"([^\"]+)\"").Groups[1].Value;
        var body = $"_handler=login&__RequestVerificationToken={Uri.EscapeDataString(token)}" +
                   $"&Input.UserName={Uri.EscapeDataString(userName)}&Input.Password={Uri.EscapeDataString(password)}";
        var (status, page, _) = await Send("POST", "/account/login", remote, forwardedFor, form.Cookies, body);
        return (status, page);
    }

    public async Task<(int Status, string Body, string Cookies)> Send(string method, string path, string remote, string? forwardedFor,
        string? cookies = null, string? form = null)
    {
        var context = await App.Server.SendAsync(c =>
        {
            c.Request.Method = method;
            c.Request.Path = path;
            c.Connection.RemoteIpAddress = IPAddress.Parse(remote);
            if (forwardedFor is not null) c.Request.Headers["X-Forwarded-For"] = forwardedFor;
            if (cookies is not null) c.Request.Headers.Cookie = cookies;
            if (form is null) return;
            c.Request.ContentType = "application/x-www-form-urlencoded";
            c.Request.Body = new MemoryStream(Encoding.UTF8.GetBytes(form));
        });
        var text = await new StreamReader(context.Response.Body).ReadToEndAsync();
        var setCookies = string.Join("; ", context.Response.Headers.SetCookie.Select(c => c!.Split(';')[0]));
        return (context.Response.StatusCode, text, setCookies);
    }
}

[CollectionDefinition(nameof(ProxiedApp))]
public sealed class ProxiedAppCollection : ICollectionFixture<ProxiedApp>;

[Collection(nameof(ProxiedApp))]
public class sign_in_attempts_are_limited_per_client_and_per_user_name(ProxiedApp f)
{
    const string TooMany = "登录尝试过于频繁";

    [Fact]
    public async Task a_burst_on_one_user_name_is_refused_with_429_even_from_many_addresses_and_with_the_right_password()
    {
        for (var i = 1; i <= 3; i++)
            (await f.SignIn($"198.51.100.{i}", null, "reviewer", "wrong-password")).Status.Should().Be(200);

        var (status, body) = await f.SignIn("198.51.100.4", null, "reviewer");
        status.Should().Be(StatusCodes.Status429TooManyRequests);
        body.Should().Contain(TooMany);
    }

    [Fact]
    public async Task a_burst_from_one_address_is_refused_whatever_the_user_names()
    {
        for (var i = 1; i <= 3; i++)
            (await f.SignIn("198.51.100.20", null, $"nobody-{i}", "wrong-password")).Status.Should().Be(200);

        var (status, body) = await f.SignIn("198.51.100.20", null, "supervisor");
        status.Should().Be(StatusCodes.Status429TooManyRequests);
        body.Should().Contain(TooMany);
        (await f.SignIn("198.51.100.21", null, "supervisor")).Status.Should().Be(StatusCodes.Status302Found, "another address may still sign in");
    }

    [Fact]
    public async Task behind_the_configured_proxy_each_client_counts_for_itself()
    {
        for (var i = 1; i <= 3; i++)
            (await f.SignIn(ProxiedApp.Proxy, "203.0.113.1", $"client-a-{i}", "wrong-password")).Status.Should().Be(200);
        (await f.SignIn(ProxiedApp.Proxy, "203.0.113.1", "client-a-4", "wrong-password")).Status.Should().Be(429);

        (await f.SignIn(ProxiedApp.Proxy, "203.0.113.2", "certificateofficer")).Status.Should().Be(302, "a second client behind the same proxy");
    }

    [Fact]
    public async Task a_sender_that_is_not_the_proxy_cannot_pick_its_address_with_a_header()
    {
        for (var i = 1; i <= 3; i++)
            (await f.SignIn("198.51.100.30", $"203.0.113.{100 + i}", $"spoof-{i}", "wrong-password")).Status.Should().Be(200);
        (await f.SignIn("198.51.100.30", "203.0.113.104", "spoof-4", "wrong-password")).Status.Should().Be(429);
    }

    [Fact]
    public async Task verification_look_ups_behind_the_proxy_are_counted_per_client_and_refusals_keep_the_security_headers()
    {
        (await f.Send("GET", "/verify", ProxiedApp.Proxy, "203.0.113.50")).Status.Should().Be(200);
        (await f.Send("GET", "/verify", ProxiedApp.Proxy, "203.0.113.50")).Status.Should().Be(200);
        var refused = await f.App.Server.SendAsync(c =>
        {
            c.Request.Path = "/verify";
            c.Connection.RemoteIpAddress = IPAddress.Parse(ProxiedApp.Proxy);
            c.Request.Headers["X-Forwarded-For"] = "203.0.113.50";
        });
        refused.Response.StatusCode.Should().Be(429);
        refused.Response.Headers.ContentSecurityPolicy.ToString().Should().Contain("frame-ancestors 'none'");
        refused.Response.Headers.XFrameOptions.ToString().Should().Be("DENY");

        (await f.Send("GET", "/verify", ProxiedApp.Proxy, "203.0.113.51")).Status.Should().Be(200, "another client behind the proxy");
    }
}
