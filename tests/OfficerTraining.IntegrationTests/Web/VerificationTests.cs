using System.Net;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using OfficerTraining.Accounts;
using OfficerTraining.Agencies;
using OfficerTraining.Certificates;
using OfficerTraining.Demo;
using OfficerTraining.Exams;
using OfficerTraining.Infrastructure;
using OfficerTraining.IntegrationTests.Exams;
using OfficerTraining.IntegrationTests.Harness;
using OfficerTraining.IntegrationTests.Officers;
using OfficerTraining.Officers;
using OfficerTraining.Officers.Photos;
using OfficerTraining.QuestionBank.Import;
using OfficerTraining.Training;
using OfficerTraining.Web.Features.Certificates.Verification;
using SkiaSharp;

namespace OfficerTraining.IntegrationTests.Web.Verification;

/// <summary>The app on a schema of its own with an approved question bank, so officers can pass the qualification exams
/// and be issued certificates; its own limiter, so the App collection's requests do not count against these.</summary>
public sealed class VerificationApp : IAsyncLifetime
{
    public static readonly Actor CertificateOfficer = new("certificateofficer", [Roles.CertificateOfficer]);
    static readonly Actor Admin = new("administrator", [Roles.Administrator]);

    public AppFactory App { get; } = new();

    public T Get<T>() where T : notnull => App.Services.GetRequiredService<T>();

    public async ValueTask InitializeAsync()
    {
        await App.InitializeAsync();
        var report = await Get<QuestionImport>().Run(ExamFixture.Bank(), Admin, approveAs: "reviewer");
        report.Approved.Should().Be(26, "the bank is imported and approved: {0}", string.Join("; ", report.Errors));
    }

    /// <summary>A new officer of the app's department (or the app's own officer), with a photo if asked, qualified and
    /// issued an enforcement certificate.</summary>
    public async Task<(Certificate Certificate, NationalIdNumber NationalId)> Issued(bool withPhoto = false, bool appOfficer = false)
    {
        var nationalId = Arrange.UniqueNationalId();
        Guid officerId = App.OfficerId;
        if (!appOfficer)
        {
            await using var session = Get<Marten.IDocumentStore>().QuerySession();
            var agencyId = (await session.LoadAsync<Officer>(App.OfficerId))!.AgencyId;
            officerId = Guid.CreateVersion7();
            await Get<OfficerCommands>().Handle(new RegisterOfficer(officerId, "李娜", agencyId, "执法队员",
                [EnforcementDomain.UrbanManagement], EmploymentType.Established, nationalId), Actor.System);
        }
        if (withPhoto)
            await Get<OfficerPhotos>().Upload(officerId, TestPhoto.Png(SKColors.Teal), "li.png", "办理执法证", CertificateOfficer);
        var at = Get<TimeProvider>().GetUtcNow().AddDays(-30);
        foreach (var purpose in new[] { ExamPurpose.QualificationPublic, ExamPurpose.QualificationProfessional })
            await Get<PastExams>().Record($"{purpose}", ExamFixture.Blueprint, purpose, null, at, [(officerId, true)], Admin);
        for (var i = 0; i < 3; i++)
            await Get<TrainingCommands>().Handle(new RecordInPersonSession(Guid.CreateVersion7(), ChinaTime.DateOf(at), "执法业务培训", 20,
                TrainingCategory.PublicLaw, [officerId]), ExamFixture.Trainer);
        var number = await Get<CertificateCommands>().Handle(new IssueCertificate(Guid.CreateVersion7(), officerId,
            CertificateKind.Enforcement, "首次申领", "《河南省行政执法条例》第二十一条"), CertificateOfficer);
        return ((await Get<CertificateRegister>().ByNumber(number))!, nationalId);
    }

    public async ValueTask DisposeAsync() => await App.DisposeAsync();
}

[CollectionDefinition(nameof(VerificationApp))]
public sealed class VerificationCollection : ICollectionFixture<VerificationApp>;

[Collection(nameof(VerificationApp))]
public class when_a_card_is_verified(VerificationApp f)
{
    static readonly string[] Statuses = ["有效", "暂扣", "已吊销", "已注销", "已过期", "已补换发"];

    [Fact]
    public async Task the_page_shows_valid_and_the_holder_then_each_change_on_the_very_next_load()
    {
        var (certificate, nationalId) = await f.Issued();
        var client = f.App.Client();

        var response = await client.GetAsync($"/verify/{certificate.Token}");
        response.StatusCode.Should().Be(HttpStatusCode.OK);
        response.Headers.CacheControl!.NoStore.Should().BeTrue();
        var page = await response.Content.ReadAsStringAsync();
        page.Should().Contain("verdict-valid").And.Contain(">有效<").And.Contain("李娜").And.Contain(certificate.Number)
            .And.Contain("平顶山市城市管理局").And.Contain("城市管理").And.Contain(certificate.Issuer).And.Contain("查验时间：");
        page.Should().NotContain(nationalId.Value).And.NotContain(nationalId.Masked, "nothing personal beyond the card is shown");
        page.Should().NotContain("blazor-error-ui").And.NotContain("mud-drawer", "the page has its own minimal layout");
        page.Should().NotContain("<script", "the document needs no script");
        Security.every_response_carries_the_security_headers.Header(response, "Content-Security-Policy")
            .Should().Contain("script-src 'none';", "so none may run").And.Contain("style-src 'self' 'unsafe-inline'").And.Contain("img-src 'self' data:");

        await f.Get<CertificateCommands>().Handle(new SuspendCertificate(certificate.Id, "群众投诉，暂扣调查", "第四十二条", null), VerificationApp.CertificateOfficer);
        (await client.GetStringAsync($"/verify/{certificate.Token}")).Should().Contain("verdict-warning").And.Contain(">暂扣<").And.NotContain(">有效<");

        await f.Get<CertificateCommands>().Handle(new RevokeCertificate(certificate.Id, "调查属实", "第四十五条"), VerificationApp.CertificateOfficer);
        (await client.GetStringAsync($"/verify/{certificate.Token}")).Should().Contain("verdict-danger").And.Contain(">已吊销<");
    }

    [Fact]
    public async Task an_unknown_token_says_not_found_and_shows_no_status()
    {
        var page = await f.App.Client().GetStringAsync("/verify/no-such-token-0123456789");

        page.Should().Contain("未找到该证件").And.Contain("verdict-notfound").And.Contain("请核对证号");
        foreach (var status in Statuses) page.Should().NotContain(status);
    }

    [Fact]
    public async Task the_number_form_finds_the_certificate_and_an_unknown_number_is_not_found()
    {
        var (certificate, _) = await f.Issued();
        var client = f.App.Client();

        (await client.GetStringAsync("/verify")).Should().Contain("name=\"number\"").And.Contain("method=\"get\"").And.NotContain("未找到该证件");
        (await client.GetStringAsync($"/verify?number={Uri.EscapeDataString(certificate.Number)}"))
            .Should().Contain(">有效<").And.Contain("李娜").And.Contain(certificate.Number);
        (await client.GetStringAsync("/verify?number=%E8%B1%AB000000000")).Should().Contain("未找到该证件");
    }

    [Fact]
    public async Task the_photo_answers_only_for_an_existing_token_and_is_never_cached()
    {
        var (certificate, _) = await f.Issued(withPhoto: true);
        var client = f.App.Client();

        (await client.GetStringAsync($"/verify/{certificate.Token}")).Should().Contain($"/verify/{certificate.Token}/photo");
        var photo = await client.GetAsync($"/verify/{certificate.Token}/photo");
        photo.StatusCode.Should().Be(HttpStatusCode.OK);
        photo.Content.Headers.ContentType!.MediaType.Should().Be("image/jpeg");
        photo.Headers.CacheControl!.NoStore.Should().BeTrue();
        (await photo.Content.ReadAsByteArrayAsync()).Should().Equal((await f.Get<OfficerPhotos>().Get(certificate.Holder.OfficerId))!.Jpeg);

        (await client.GetAsync("/verify/no-such-token/photo")).StatusCode.Should().Be(HttpStatusCode.NotFound);
        (await client.GetAsync($"/verify/{certificate.Holder.OfficerId}/photo")).StatusCode.Should().Be(HttpStatusCode.NotFound, "never by officer id");
    }
}

[Collection(nameof(VerificationApp))]
public class when_a_card_is_scanned_again(VerificationApp f)
{
    static DateTime CheckedAt(string page) => DateTime.ParseExact(
        System.Text.RegularExpressions.Regex.Match(page, @"\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}").Value, "yyyy-MM-dd HH:mm:ss",
        System.Globalization.CultureInfo.InvariantCulture);

    [Fact]
    public async Task the_kept_page_shows_the_moment_of_each_scan_and_the_visitor_s_language_and_forgets_a_change_at_once()
    {
        var (certificate, _) = await f.Issued(withPhoto: true);
        var client = f.App.Client();

        var first = await client.GetStringAsync($"/verify/{certificate.Token}");
        await Task.Delay(TimeSpan.FromSeconds(1.1));
        var second = await client.GetStringAsync($"/verify/{certificate.Token}");
        CheckedAt(second).Should().BeAfter(CheckedAt(first), "each scan is checked at its own moment, kept page or not");
        second.Should().Contain(">有效<").And.Contain($"/verify/{certificate.Token}/photo").And.Contain("<title>执法证件查验</title>");

        (await client.GetAsync("/culture/set?culture=en-US&redirectUri=%2F")).StatusCode.Should().Be(HttpStatusCode.Redirect);
        var english = await client.GetStringAsync($"/verify/{certificate.Token}");
        english.Should().Contain(">Valid<").And.Contain("Checked at").And.NotContain(">有效<").And.Contain("lang=\"en-US\"");

        await f.Get<CertificateCommands>().Handle(new CancelCertificate(certificate.Id, CancellationCause.Retired, "退休", "第四十六条"),
            VerificationApp.CertificateOfficer);
        (await client.GetStringAsync($"/verify/{certificate.Token}")).Should().Contain("verdict-void").And.NotContain(">Valid<");
        (await f.App.Client().GetStringAsync($"/verify/{certificate.Token}")).Should().Contain("verdict-void").And.Contain(">已注销<");
    }

    [Fact]
    public async Task the_benchmarks_trivial_endpoint_exists_only_when_configured()
    {
        (await f.App.Client().GetAsync("/bench/trivial")).StatusCode.Should().Be(HttpStatusCode.NotFound);
        await using var bench = f.App.WithWebHostBuilder(b => b.UseSetting(OfficerTraining.Web.Hosting.BenchmarkEndpoints.Setting, "true"));
        (await bench.CreateClient().GetStringAsync("/bench/trivial")).Should().Be("OK");
    }
}

[Collection(nameof(VerificationApp))]
public class when_an_officer_opens_their_certificate(VerificationApp f)
{
    [Fact]
    public async Task my_certificate_shows_it_with_its_qr_code_and_the_card_is_theirs_and_staff_s_to_print()
    {
        var (certificate, _) = await f.Issued(appOfficer: true);
        var officer = await f.App.SignedIn("officer");

        var page = await officer.GetStringAsync("/my/certificate");
        page.Should().Contain(certificate.Number).And.Contain("有效").And.Contain("certificate-qr").And.Contain("<svg")
            .And.Contain($"/certificates/{certificate.Id}/card");

        (await officer.GetStringAsync($"/certificates/{certificate.Id}/card")).Should().Contain("card-front").And.Contain(certificate.Number);
        (await (await f.App.SignedIn("supervisor")).GetStringAsync($"/certificates/{certificate.Id}/card")).Should().Contain("card-front");
        var trainer = await (await f.App.SignedIn("trainer")).GetAsync($"/certificates/{certificate.Id}/card");
        trainer.Headers.Location!.OriginalString.Should().Contain("/account/access-denied");
        (await trainer.Content.ReadAsStringAsync()).Should().NotContain("card-front").And.NotContain(certificate.Number);
    }

    [Fact]
    public async Task an_officer_without_one_is_told_who_issues_it()
    {
        var client = f.App.Client();
        // The app's own officer may hold one from the other test; a fresh account shows the empty case.
        await using var scope = f.App.Services.CreateAsyncScope();
        await using var session = f.Get<Marten.IDocumentStore>().QuerySession();
        var agencyId = (await session.LoadAsync<Officer>(f.App.OfficerId))!.AgencyId;
        var officerId = Guid.CreateVersion7();
        await f.Get<OfficerCommands>().Handle(new RegisterOfficer(officerId, "赵强", agencyId, "执法队员", [EnforcementDomain.UrbanManagement],
            EmploymentType.Established, Arrange.UniqueNationalId()), Actor.System);
        await scope.ServiceProvider.GetRequiredService<AccountCommands>().Handle(new OfficerTraining.Accounts.CreateAccount(Guid.CreateVersion7(),
            "zhaoqiang", "赵强", AppFactory.Password, [Roles.Officer], officerId), Actor.System);
        (await f.App.SignIn(client, "zhaoqiang")).StatusCode.Should().Be(HttpStatusCode.Redirect);

        (await client.GetStringAsync("/my/certificate")).Should().Contain("您尚未取得执法证").And.Contain("/#training-progress");
    }
}

[Collection(nameof(VerificationApp))]
public class when_one_client_looks_up_too_often(VerificationApp f)
{
    [Fact]
    public async Task the_request_past_the_minute_s_permits_gets_429_and_other_pages_are_not_limited()
    {
        await using var limited = f.App.WithWebHostBuilder(b => b.UseSetting(VerificationRateLimit.PermitSetting, "30"));
        var client = limited.CreateClient();

        for (var i = 0; i < 30; i++)
            (await client.GetAsync($"/verify/unknown-{i}")).StatusCode.Should().Be(HttpStatusCode.OK, "request {0} is within the limit", i + 1);
        var refused = await client.GetAsync("/verify/unknown-31");

        refused.StatusCode.Should().Be(HttpStatusCode.TooManyRequests);
        (await refused.Content.ReadAsStringAsync()).Should().Contain("请求过于频繁").And.Contain("Too many requests");
        (await client.GetAsync("/verify?number=1")).StatusCode.Should().Be(HttpStatusCode.TooManyRequests, "every /verify path counts");
        (await client.GetAsync("/account/login")).StatusCode.Should().Be(HttpStatusCode.OK, "only verification is limited");
    }
}

public class the_verdict_of_a_certificate
{
    static readonly DateOnly Today = new(2026, 6, 1);

    static Certificate Card(CertificateStatus status, DateOnly? suspendedUntil = null) => new()
    {
        Number = "豫0001202600001", Status = status, ValidFrom = new(2026, 1, 1), ValidUntil = new(2030, 12, 31),
        SuspendedUntil = suspendedUntil, SuccessorNumber = status is CertificateStatus.Replaced ? "豫0001202600002" : null,
    };

    [Theory]
    [InlineData(CertificateStatus.Valid, "Verify.Status.Valid", VerdictTone.Valid)]
    [InlineData(CertificateStatus.Suspended, "Verify.Status.Suspended", VerdictTone.Warning)]
    [InlineData(CertificateStatus.Revoked, "Verify.Status.Revoked", VerdictTone.Danger)]
    [InlineData(CertificateStatus.Cancelled, "Verify.Status.Cancelled", VerdictTone.Void)]
    [InlineData(CertificateStatus.Replaced, "Verify.Status.Replaced", VerdictTone.Void)]
    [InlineData(CertificateStatus.Renewed, "Verify.Status.Renewed", VerdictTone.Void)]
    public void each_recorded_status_has_its_headline_and_tone(CertificateStatus status, string headline, VerdictTone tone) =>
        Verdict.Of(Card(status), Today).Should().Match<Verdict>(v => v.Headline == headline && v.Tone == tone);

    [Fact]
    public void the_date_decides_expiry_the_end_of_a_suspension_and_a_card_not_yet_in_force()
    {
        Verdict.Of(Card(CertificateStatus.Valid), new(2031, 1, 1)).Should().Be(new Verdict("Verify.Status.Expired", "Verify.Detail.ExpiredOn", "2030-12-31", VerdictTone.Void));
        Verdict.Of(Card(CertificateStatus.Suspended, new(2026, 6, 30)), Today).DetailValue.Should().Be("2026-06-30");
        Verdict.Of(Card(CertificateStatus.Suspended, new(2026, 5, 31)), Today).Tone.Should().Be(VerdictTone.Valid, "the suspension is over");
        Verdict.Of(Card(CertificateStatus.Valid), new(2025, 12, 31)).Headline.Should().Be("Verify.Status.NotYetValid");
        Verdict.Of(Card(CertificateStatus.Replaced), Today).DetailValue.Should().Be("豫0001202600002");
        Verdict.NotFound.Tone.Should().Be(VerdictTone.NotFound).And.NotBe(Verdict.Of(Card(CertificateStatus.Cancelled), Today).Tone);
    }

    [Fact]
    public void the_qr_address_is_absolute_and_the_log_keeps_six_characters_of_a_token()
    {
        VerificationUrl.For("https://zhifa.example.cn/", "a+b/c").Should().Be("https://zhifa.example.cn/verify/a%2Bb%2Fc");
        VerificationUrl.For("http://localhost:5093", "tok").Should().Be("http://localhost:5093/verify/tok");
        VerificationUrl.Abbreviate("abcdefghijkl").Should().Be("abcdef");
        VerificationRateLimit.IsVerification("/verify/x/photo").Should().BeTrue();
        VerificationRateLimit.IsVerification("/verifyx").Should().BeFalse();
    }
}
