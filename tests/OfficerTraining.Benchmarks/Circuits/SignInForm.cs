using System.Net;
using System.Text.RegularExpressions;

namespace OfficerTraining.Benchmarks.Circuits;

/// <summary>
/// Signs an officer in the way a browser does: GET <c>/account/login</c> (static SSR), then POST the form back with its
/// antiforgery token and cookie; the redirect sets the <c>ot.auth</c> cookie. Cookies are carried by hand, so one
/// HttpClient (with no cookie jar) serves every officer.
/// </summary>
public static partial class SignInForm
{
    public const string AuthCookie = "ot.auth";

    public static async Task<string> SignIn(HttpClient http, string userName, string password, CancellationToken ct)
    {
        using var page = await http.GetAsync("account/login", ct);
        page.EnsureSuccessStatusCode();
        var html = await page.Content.ReadAsStringAsync(ct);
        var fields = Hidden().Matches(html).ToDictionary(m => WebUtility.HtmlDecode(m.Groups["name"].Value),
            m => WebUtility.HtmlDecode(m.Groups["value"].Value));
        fields[NameOf(html, "username")] = userName;
        fields[NameOf(html, "password")] = password;

        using var post = new HttpRequestMessage(HttpMethod.Post, "account/login") { Content = new FormUrlEncodedContent(fields) };
        post.Headers.Add("Cookie", CookieHeader(page));
        using var signedIn = await http.SendAsync(post, ct);
        if (signedIn.StatusCode != HttpStatusCode.Redirect)
            throw new InvalidOperationException($"Sign-in of {userName} answered {(int)signedIn.StatusCode}, not a redirect.");
        return Cookies(signedIn).FirstOrDefault(c => c.StartsWith(AuthCookie + "=", StringComparison.Ordinal))
               ?? throw new InvalidOperationException($"Sign-in of {userName} set no {AuthCookie} cookie.");
    }

    static string NameOf(string html, string id) =>
        InputWithId(id).Match(html) is { Success: true } m ? WebUtility.HtmlDecode(m.Groups["name"].Value)
            : throw new InvalidOperationException($"The login form has no input #{id}.");

    static Regex InputWithId(string id) => new($"<input[^>]*\\bid=\"{id}\"[^>]*\\bname=\"(?<name>[^\"]+)\"|<input[^>]*\\bname=\"(?<name>[^\"]+)\"[^>]*\\bid=\"{id}\"");

    static string CookieHeader(HttpResponseMessage response) => string.Join("; ", Cookies(response));

    /// <summary>The name=value part of each Set-Cookie.</summary>
    static IEnumerable<string> Cookies(HttpResponseMessage response) =>
        response.Headers.TryGetValues("Set-Cookie", out var values) ? values.Select(v => v.Split(';')[0]) : [];

    [GeneratedRegex("<input[^>]*type=\"hidden\"[^>]*name=\"(?<name>[^\"]+)\"[^>]*value=\"(?<value>[^\"]*)\"")]
    private static partial Regex Hidden();
}
