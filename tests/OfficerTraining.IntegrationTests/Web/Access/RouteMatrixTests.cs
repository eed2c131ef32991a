using System.Net;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.AspNetCore.StaticAssets;
using Microsoft.Extensions.DependencyInjection;
using static OfficerTraining.Infrastructure.Roles;

namespace OfficerTraining.IntegrationTests.Web.Access;

/// <summary>
/// Every route the app maps (read from its endpoints, so a new page or endpoint without a row fails here) asked for by
/// the public and by each role, against <see cref="Matrix"/>: who may open what, from domain.md's table of roles.
/// </summary>
[Collection(nameof(AccessApp))]
public class when_every_role_asks_for_every_route(AccessApp f)
{
    /// <summary>Who may open a route: the public too, or only these roles once signed in.</summary>
    public sealed record Who(bool Public, params string[] Roles)
    {
        public bool Lets(string? role) => Public || (role is not null && Roles.Contains(role));
    }

    static Who Everyone => new(true);
    static Who SignedIn => new(false, All.ToArray());
    static Who Only(params string[] roles) => new(false, roles);

    /// <summary>The one table. Officers see their own things; trainers author courses, questions and exams; reviewers
    /// approve questions; certificate officers issue and change certificates; supervisors read everything and change
    /// nothing; administrators run agencies, officers, accounts and settings; the public checks a card.</summary>
    static readonly Dictionary<string, Who> Matrix = new()
    {
        // The public: signing in, the error pages, the language switch, and checking a card by its QR code or number.
        ["GET /account/login"] = Everyone,
        ["GET /account/access-denied"] = Everyone,
        ["POST /account/logout"] = Everyone,
        ["GET /culture/set"] = Everyone,
        ["GET /error"] = Everyone,
        ["GET /not-found"] = Everyone,
        ["GET /healthz"] = Everyone,
        ["GET /verify"] = Everyone,
        ["GET /verify/{token}"] = Everyone,
        ["GET /verify/{token}/photo"] = Everyone,

        ["GET /"] = SignedIn,

        // An officer's own study, exams and certificate (whose they are is checked too: see the tampering tests).
        ["GET /courses"] = Only(Officer),
        ["GET /courses/study/{EnrolmentId:guid}"] = Only(Officer),
        ["GET /courses/study/{EnrolmentId:guid}/lessons/{Key}"] = Only(Officer),
        ["GET /courses/quiz/{SessionId:guid}"] = Only(Officer),
        ["GET /exams"] = Only(Officer),
        ["GET /exams/attempts/{AttemptId:guid}"] = Only(Officer),
        ["GET /exams/attempts/{AttemptId:guid}/result"] = Only(Officer),
        ["GET /my/certificate"] = Only(Officer),
        ["GET /certificates/{Id:guid}/card"] = Only(Officer, CertificateOfficer, Supervisor, Administrator),
        // The photo is for staff who work with officers, and the officer's own (not the reviewer's business).
        ["GET /officers/{id:guid}/photo"] = Only(Officer, Trainer, CertificateOfficer, Supervisor, Administrator),

        // Administration: agencies and officers are read by those who certify and supervise; changed by administrators.
        ["GET /admin/agencies"] = Only(CertificateOfficer, Supervisor, Administrator),
        ["GET /admin/officers"] = Only(CertificateOfficer, Supervisor, Administrator),
        ["GET /admin/officers/{Id:guid}"] = Only(CertificateOfficer, Supervisor, Administrator),
        ["GET /admin/officers/new"] = Only(Administrator),
        ["GET /admin/officers/import"] = Only(Administrator),
        ["GET /admin/accounts"] = Only(Administrator),
        ["GET /admin/settings"] = Only(Supervisor, Administrator),

        // The question bank: trainers write, reviewers approve, supervisors read.
        ["GET /questions"] = Only(Trainer, Reviewer, Supervisor, Administrator),
        ["GET /questions/{Code}"] = Only(Trainer, Reviewer, Supervisor, Administrator),
        ["GET /questions/new"] = Only(Trainer, Administrator),
        ["GET /questions/{Code}/edit"] = Only(Trainer, Administrator),
        ["GET /questions/import"] = Only(Trainer, Administrator),
        ["GET /questions/review"] = Only(Reviewer),

        // Courses are authored by trainers.
        ["GET /courses/manage"] = Only(Trainer, Administrator),
        ["GET /courses/manage/new"] = Only(Trainer, Administrator),
        ["GET /courses/manage/{CourseId:guid}"] = Only(Trainer, Administrator),

        // Exams: trainers build and schedule; certificate officers and supervisors follow sessions and attempts.
        ["GET /exam-blueprints"] = Only(Trainer, Supervisor, Administrator),
        ["GET /exam-blueprints/new"] = Only(Trainer, Supervisor, Administrator),
        ["GET /exam-blueprints/{Id:guid}"] = Only(Trainer, Supervisor, Administrator),
        ["GET /exam-sessions"] = Only(Trainer, CertificateOfficer, Supervisor, Administrator),
        ["GET /exam-sessions/new"] = Only(Trainer, Administrator),
        ["GET /exam-sessions/{Id:guid}"] = Only(Trainer, CertificateOfficer, Supervisor, Administrator),
        ["GET /exam-attempts/{AttemptId:guid}"] = Only(Trainer, CertificateOfficer, Supervisor, Administrator),

        // Training hours: trainers record and propose, certificate officers decide adjustments, supervisors read.
        ["GET /training/in-person/new"] = Only(Trainer, Administrator),
        ["GET /training/adjustments"] = Only(Trainer, CertificateOfficer, Administrator),
        ["GET /training/ledgers"] = Only(Trainer, CertificateOfficer, Supervisor, Administrator),

        // Certificates: the certificate office issues and changes them, supervisors read.
        ["GET /certificates"] = Only(CertificateOfficer, Supervisor, Administrator),
        ["GET /certificates/{Id:guid}"] = Only(CertificateOfficer, Supervisor, Administrator),
        ["GET /certificates/officer/{OfficerId:guid}"] = Only(CertificateOfficer, Supervisor, Administrator),
        ["GET /certificates/issue"] = Only(CertificateOfficer, Administrator),
        ["GET /certificates/annual-review"] = Only(CertificateOfficer, Administrator),

        // Supervision: the audit trail and reports for every role that works with the data, compliance for oversight.
        ["GET /audit"] = Only(Trainer, Reviewer, CertificateOfficer, Supervisor, Administrator),
        ["GET /reports/compliance"] = Only(CertificateOfficer, Supervisor, Administrator),
        ["GET /reports/item-analysis"] = Only(Trainer, Reviewer, CertificateOfficer, Supervisor, Administrator),
        ["GET /reports/item-analysis/{SessionId:guid}"] = Only(Trainer, Reviewer, CertificateOfficer, Supervisor, Administrator),
    };

    /// <summary>Blazor's own endpoints (the circuit's connection, under the framework's prefixes, which the app never
    /// maps), open to all as the sign-in page needs them before anyone signs in, and (in Development) the static files'
    /// fallback for files added since the build.</summary>
    static bool IsPlumbing(string pattern) =>
        pattern.StartsWith("/_blazor", StringComparison.Ordinal) || pattern.StartsWith("/_framework/", StringComparison.Ordinal)
        || pattern == "{**path:file}";

    /// <summary>The public and every role, by the account AppFactory creates for it.</summary>
    static readonly (string? Role, string UserName)[] Askers = [(null, ""), .. All.Select(r => ((string?)r, r.ToLowerInvariant()))];

    [Fact]
    public async Task each_route_opens_for_the_roles_of_its_row_and_is_refused_to_the_others()
    {
        var routes = Routes().Where(r => !r.StaticAsset && !IsPlumbing(r.Pattern)).Select(r => $"{r.Method} {r.Pattern}").ToList();
        routes.Except(Matrix.Keys).Should().BeEmpty("every page and endpoint has a row in the matrix (add one, naming who may open it)");
        Matrix.Keys.Except(routes).Should().BeEmpty("every row of the matrix is a route the app still has");

        var cells = await Task.WhenAll(Askers.Select(async asker =>
        {
            var client = await f.As(asker.UserName);
            var differing = new List<string>();
            foreach (var (route, who) in Matrix.OrderBy(m => m.Key.StartsWith("POST", StringComparison.Ordinal)))
            {
                var (method, pattern) = (route[..route.IndexOf(' ')], route[(route.IndexOf(' ') + 1)..]);
                var response = await client.SendAsync(new HttpRequestMessage(new HttpMethod(method), Path(pattern)));
                var (got, expected) = (Outcome(response), Expected(who, asker.Role));
                if (got != expected) differing.Add($"{route} as {asker.Role ?? "the public"}: expected {expected}, got {got}");
            }
            return differing;
        }));

        var all = cells.SelectMany(c => c).ToList();
        all.Should().BeEmpty("the matrix ({0} routes × {1} askers) says who may open what; these cells differ:\n{2}",
            Matrix.Count, Askers.Length, string.Join("\n", all));
    }

    [Fact]
    public async Task every_static_asset_and_blazor_s_plumbing_is_public()
    {
        var client = await f.As("");
        var assets = Routes().Where(r => r.StaticAsset && r.Method == "GET").Select(r => r.Pattern).Distinct().ToList();
        assets.Should().Contain(a => a.EndsWith(".css", StringComparison.Ordinal)).And.Contain(a => a.EndsWith(".js", StringComparison.Ordinal));
        var refused = new List<string>();
        foreach (var asset in assets)
            if (await client.GetAsync(asset) is { StatusCode: not HttpStatusCode.OK } response) refused.Add($"{asset}: {Outcome(response)}");
        foreach (var plumbing in Routes().Select(r => r.Pattern).Where(p => IsPlumbing(p) && !p.Contains('{')).Distinct())
            if (Outcome(await client.GetAsync(plumbing)) is var outcome && outcome.StartsWith("refused", StringComparison.Ordinal))
                refused.Add($"{plumbing}: {outcome}");
        refused.Should().BeEmpty("the public (and the sign-in page) needs every script, style and font; {0} assets asked", assets.Count);
    }

    sealed record Route(string Method, string Pattern, bool StaticAsset);

    /// <summary>The app's own list of what it answers: Razor pages, minimal-API endpoints, static assets.</summary>
    IEnumerable<Route> Routes() =>
        f.App.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .SelectMany(e => (e.Metadata.GetMetadata<IHttpMethodMetadata>()?.HttpMethods ?? ["GET"])
                .Where(m => m is "GET" or "POST" && !(m == "POST" && e.Metadata.GetMetadata<Microsoft.AspNetCore.Components.Endpoints.ComponentTypeMetadata>() is not null))
                .Select(m => new Route(m, e.RoutePattern.RawText!, e.Metadata.GetMetadata<StaticAssetDescriptor>() is not null)))
            .Distinct();

    static string Expected(Who who, string? role) =>
        who.Lets(role) ? "allowed" : role is null ? "refused (sign in)" : "refused (access denied)";

    /// <summary>Refused: sent to sign in, or to access denied (or 403). Allowed: the page or a redirect onwards, or a 400
    /// from the endpoint itself (past authorization: a post without its antiforgery token).</summary>
    static string Outcome(HttpResponseMessage response)
    {
        var location = response.Headers.Location?.OriginalString ?? "";
        return response.StatusCode switch
        {
            HttpStatusCode.Redirect or HttpStatusCode.Found when location.Contains("/account/login") && !location.Contains("logout")
                => "refused (sign in)",
            HttpStatusCode.Redirect when location.Contains("/account/access-denied") => "refused (access denied)",
            HttpStatusCode.Forbidden => "refused (access denied)",
            HttpStatusCode.Unauthorized => "refused (sign in)",
            HttpStatusCode.OK or HttpStatusCode.Redirect or HttpStatusCode.BadRequest => "allowed",
            var status => $"{(int)status} {location}".Trim(),
        };
    }

    /// <summary>The pattern with real ids from the fixture: the app officer's own attempt, enrolment, certificate...</summary>
    string Path(string pattern)
    {
        if (pattern == "/culture/set") return "/culture/set?culture=zh-CN&redirectUri=%2F";
        return Regex.Replace(pattern, @"\{(\w+)(:\w+)?\}", m => (m.Groups[1].Value, pattern) switch
        {
            ("AttemptId", _) => $"{f.Mine.AttemptId}",
            ("EnrolmentId", _) => $"{f.Mine.EnrolmentId}",
            ("Key", _) => "L1",
            ("SessionId", var p) when p.StartsWith("/courses/quiz/", StringComparison.Ordinal) => $"{f.Course.Current!.QuizSessionId}",
            ("SessionId", _) => $"{f.SessionId}",
            ("Token" or "token", _) => Uri.EscapeDataString(f.Mine.Certificate.Token),
            ("Code", _) => Uri.EscapeDataString(f.QuestionCode),
            ("CourseId", _) => $"{f.Course.Id}",
            ("OfficerId" or "id", _) => $"{f.Mine.OfficerId}",
            ("Id", var p) when p.StartsWith("/admin/officers/", StringComparison.Ordinal) => $"{f.Mine.OfficerId}",
            ("Id", var p) when p.StartsWith("/certificates/", StringComparison.Ordinal) => $"{f.Mine.Certificate.Id}",
            ("Id", var p) when p.StartsWith("/exam-blueprints/", StringComparison.Ordinal) => $"{f.BlueprintId}",
            ("Id", var p) when p.StartsWith("/exam-sessions/", StringComparison.Ordinal) => $"{f.SessionId}",
            var (name, _) => throw new InvalidOperationException($"No seeded value for {{{name}}} in {pattern}: add one to AccessApp"),
        });
    }
}
