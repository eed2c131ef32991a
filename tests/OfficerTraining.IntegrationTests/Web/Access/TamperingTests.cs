using System.Globalization;
using System.Net;
using Marten;
using OfficerTraining.Courses;
using OfficerTraining.Exams;
using OfficerTraining.Infrastructure;

namespace OfficerTraining.IntegrationTests.Web.Access;

/// <summary>The app's officer (account "officer") puts their colleague 王芳's ids where their own go: in the address bar,
/// and in the calls the exam and lesson pages make over the circuit.</summary>
[Collection(nameof(AccessApp))]
public class when_an_officer_puts_a_colleague_s_id_in_a_url(AccessApp f)
{
    [Theory]
    [InlineData("/exams/attempts/{attempt}")]
    [InlineData("/exams/attempts/{attempt}/result")]
    [InlineData("/courses/study/{enrolment}")]
    [InlineData("/courses/study/{enrolment}/lessons/L1")]
    [InlineData("/certificates/{certificate}/card")]
    [InlineData("/certificates/{certificate}")]
    [InlineData("/certificates/officer/{officer}")]
    [InlineData("/admin/officers/{officer}")]
    public async Task the_colleague_s_page_is_refused_and_shows_nothing_of_theirs(string path)
    {
        var officer = await f.As("officer");

        var response = await officer.GetAsync(Colleague(path));

        response.StatusCode.Should().Be(HttpStatusCode.Redirect);
        response.Headers.Location!.OriginalString.Should().Contain("/account/access-denied");
        (await response.Content.ReadAsStringAsync()).Should().NotContain("王芳").And.NotContain(f.Colleague.Certificate.Number)
            .And.NotContain("2026年度年审考试", "nothing of the colleague's paper is rendered before the refusal");
    }

    [Fact]
    public async Task the_same_pages_with_the_officer_s_own_ids_open()
    {
        var officer = await f.As("officer");
        foreach (var path in new[] { "/exams/attempts/{attempt}", "/courses/study/{enrolment}", "/certificates/{certificate}/card" })
            (await officer.GetAsync(Mine(path))).StatusCode.Should().Be(HttpStatusCode.OK, path);
        (await officer.GetStringAsync(Mine("/certificates/{certificate}/card"))).Should().Contain(f.Mine.Certificate.Number);
        (await officer.GetStringAsync(Mine("/exams/attempts/{attempt}"))).Should().Contain("2026年度年审考试");
    }

    [Fact]
    public async Task my_certificate_and_the_home_page_show_only_the_officer_s_own()
    {
        var officer = await f.As("officer");
        foreach (var page in new[] { "/my/certificate", "/" })
            (await officer.GetStringAsync(page)).Should().NotContain("王芳").And.NotContain(f.Colleague.Certificate.Number)
                .And.NotContain($"{f.Colleague.OfficerId}", page);
        (await officer.GetStringAsync("/my/certificate")).Should().Contain(f.Mine.Certificate.Number);
    }

    [Theory]
    [InlineData("officer", HttpStatusCode.Forbidden)]
    [InlineData("reviewer", HttpStatusCode.Forbidden)]
    [InlineData("trainer", HttpStatusCode.OK)]
    [InlineData("certificateofficer", HttpStatusCode.OK)]
    [InlineData("supervisor", HttpStatusCode.OK)]
    [InlineData("administrator", HttpStatusCode.OK)]
    public async Task the_colleague_s_photo_is_refused_to_an_officer_and_shown_to_staff(string user, HttpStatusCode expected)
    {
        var response = await (await f.As(user)).GetAsync($"/officers/{f.Colleague.OfficerId}/photo");

        response.StatusCode.Should().Be(expected);
        if (expected == HttpStatusCode.Forbidden) (await response.Content.ReadAsByteArrayAsync()).Should().BeEmpty();
    }

    string Colleague(string path) => Fill(path, f.Colleague);
    string Mine(string path) => Fill(path, f.Mine);

    static string Fill(string path, Holdings h) => path.Replace("{attempt}", $"{h.AttemptId}").Replace("{enrolment}", $"{h.EnrolmentId}")
        .Replace("{certificate}", $"{h.Certificate.Id}").Replace("{officer}", $"{h.OfficerId}");
}

/// <summary>The same officer calls the handlers the exam and lesson pages call, with the colleague's attempt and
/// enrolment: each is refused for not being theirs, and the colleague's streams and answer sheet are as they were.</summary>
[Collection(nameof(AccessApp))]
public class when_an_officer_gives_a_command_on_a_colleague_s_attempt(AccessApp f)
{
    [Fact]
    public async Task an_answer_to_the_colleague_s_attempt_is_refused_and_nothing_is_written()
    {
        var attempt = await Attempt(f.Colleague.AttemptId);
        var before = await Written(f.Colleague.AttemptId);

        var item = attempt.Paper.Items.First();

        var saved = await f.Get<AnswerJournal>().Save(new RecordAnswer(attempt.Id, item.Key, item.Correct, 1), f.Officer);

        saved.Status.Should().Be(AnswerSaveStatus.Refused);
        saved.MessageKey.Should().Be("Exam.NotYourAttempt");
        (await Written(f.Colleague.AttemptId)).Should().Be(before);
    }

    [Fact]
    public async Task flagging_and_submitting_the_colleague_s_attempt_are_refused_and_nothing_is_written()
    {
        var attempt = await Attempt(f.Colleague.AttemptId);
        var before = await Written(f.Colleague.AttemptId);
        var commands = f.Get<AttemptCommands>();

        (await Refusal(() => commands.Handle(new FlagAnswer(attempt.Id, attempt.Paper.Items.First().Key, true), f.Officer))).Should().Be("Exam.NotYourAttempt");
        (await Refusal(() => commands.Handle(new SubmitAttempt(attempt.Id), f.Officer))).Should().Be("Exam.NotYourAttempt");
        (await Refusal(() => commands.Start(f.SessionId, f.Colleague.OfficerId, false, f.Officer))).Should().Be("Exam.OnlyYourself");

        (await Written(f.Colleague.AttemptId)).Should().Be(before);
        (await Attempt(f.Colleague.AttemptId)).IsOpen.Should().BeTrue("the colleague's attempt is still theirs to finish");
    }

    [Fact]
    public async Task studying_in_and_completing_the_colleague_s_enrolment_are_refused_and_nothing_is_written()
    {
        var enrolment = f.Colleague.EnrolmentId;
        var before = await StreamVersion(enrolment);
        var study = f.Get<CourseStudy>();

        (await Refusal(() => study.Record(new StudyReport(enrolment, "L1", [], ReachedEnd: true), f.Officer))).Should().Be("Course.NotYourEnrolment");
        (await Refusal(() => study.StartQuiz(enrolment, f.Officer))).Should().Be("Course.NotYourEnrolment");
        (await Refusal(() => study.Complete(enrolment, f.Officer))).Should().Be("Course.NotYourEnrolment");

        (await StreamVersion(enrolment)).Should().Be(before);
    }

    async Task<ExamAttempt> Attempt(Guid id)
    {
        await using var session = f.Get<IDocumentStore>().QuerySession();
        return (await session.LoadAsync<ExamAttempt>(id))!;
    }

    /// <summary>The attempt stream's version and the answers on its sheet.</summary>
    async Task<(long Version, string Answers)> Written(Guid attemptId)
    {
        await using var session = f.Get<IDocumentStore>().QuerySession();
        var sheet = await session.LoadAsync<AnswerSheet>(attemptId);
        return (await StreamVersion(attemptId), System.Text.Json.JsonSerializer.Serialize(sheet));
    }

    async Task<long> StreamVersion(Guid id)
    {
        await using var session = f.Get<IDocumentStore>().QuerySession();
        return (await session.Events.FetchStreamStateAsync(id))!.Version;
    }

    static async Task<string?> Refusal(Func<Task> command)
    {
        try
        {
            await command();
            return null;
        }
        catch (DomainException e)
        {
            return e.Key;
        }
    }
}

/// <summary>Anyone scanning the colleague's card sees what the card shows, and nothing the officer record holds beyond it.</summary>
[Collection(nameof(AccessApp))]
public class when_the_public_verifies_a_card(AccessApp f)
{
    [Fact]
    public async Task the_page_shows_the_card_s_fields()
    {
        var c = f.Colleague.Certificate;

        var page = await (await f.As("")).GetStringAsync($"/verify/{Uri.EscapeDataString(c.Token)}");

        page.Should().Contain(c.Number).And.Contain("王芳").And.Contain(c.Holder.AgencyName).And.Contain("城市管理")
            .And.Contain($"/verify/{Uri.EscapeDataString(c.Token)}/photo").And.Contain(">有效<")
            .And.Contain(c.ValidFrom.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture))
            .And.Contain(c.ValidUntil.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)).And.Contain(c.Issuer);
    }

    [Fact]
    public async Task the_page_shows_no_id_number_birth_date_scores_or_internal_ids()
    {
        var c = f.Colleague.Certificate;
        var id = f.Colleague.NationalId!;

        var page = await (await f.As("")).GetStringAsync($"/verify/{Uri.EscapeDataString(c.Token)}");

        string[] personal =
        [
            id.Value, id.Masked, id.Value[6..14], // the number, masked, and the birth date in it
            id.BirthDate.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), id.BirthDate.ToString("yyyy年M月d日", CultureInfo.InvariantCulture),
            "身份证", "出生", "性别", "电话", "手机", "地址", "分数", "成绩", "学时",
        ];
        string[] internalIds = [.. new[] { c.Id, c.Holder.OfficerId, c.Holder.AgencyId, f.Colleague.AttemptId, f.Colleague.EnrolmentId }
            .SelectMany(g => new[] { g.ToString("D"), g.ToString("N") })];
        foreach (var text in personal.Concat(internalIds))
            page.Should().NotContain(text, "a verifier sees what the card shows and nothing else");
    }
}
