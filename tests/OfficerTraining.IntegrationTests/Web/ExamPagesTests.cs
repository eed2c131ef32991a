using System.Net;
using Marten;
using Microsoft.Extensions.DependencyInjection;
using OfficerTraining.Exams;
using OfficerTraining.Infrastructure;
using OfficerTraining.IntegrationTests.Harness;
using OfficerTraining.QuestionBank;
using OfficerTraining.QuestionBank.Import;

namespace OfficerTraining.IntegrationTests.Web;

/// <summary>The default blueprint over the shipped bank, an annual review session open now, and the officer's graded
/// attempt: the pages that show them, to the roles they are for.</summary>
[Collection(nameof(App))]
public class when_an_annual_review_has_been_sat(AppFactory app)
{
    static readonly Actor Trainer = new("trainer", [Roles.Trainer]);

    async Task<(Guid Session, Guid Attempt)> SitTheExam()
    {
        var services = app.Services;
        // Idempotent: the shipped bank is imported (and recorded as approved) once, whichever test comes first.
        (await services.GetRequiredService<QuestionImport>().Run(ShippedBank.Read(), Actor.System, approveAs: "reviewer"))
            .Succeeded.Should().BeTrue();
        services.GetRequiredService<ApprovedPool>().Invalidate();

        var now = DateTimeOffset.UtcNow;
        var sessionId = Guid.CreateVersion7();
        await services.GetRequiredService<ExamSessionCommands>().Handle(new ScheduleExamSession(sessionId, "2026年度年审考试",
            Blueprint.Default(), ExamPurpose.AnnualReview, 2026, now.AddMinutes(-1), now.AddDays(14), Roster.All), Trainer);

        var officer = new Actor("officer", [Roles.Officer], app.OfficerId);
        var attempts = services.GetRequiredService<AttemptCommands>();
        var attemptId = await attempts.Start(sessionId, app.OfficerId, acceptShortenedTime: false, officer);
        var attempt = (await attempts.Current(sessionId, app.OfficerId))!;
        var journal = services.GetRequiredService<AnswerJournal>();
        foreach (var item in attempt.Paper.Items)
            (await journal.Save(new RecordAnswer(attemptId, item.Key, item.Correct, 1), officer, CancellationToken.None))
                .Status.Should().Be(AnswerSaveStatus.Saved);
        await attempts.Handle(new SubmitAttempt(attemptId), officer);
        return (sessionId, attemptId);
    }

    [Fact]
    public async Task the_trainer_sees_the_result_and_the_officer_only_their_own_pages()
    {
        var (session, attempt) = await SitTheExam();

        var trainer = await app.SignedIn("trainer");
        (await trainer.GetAsync($"/exam-sessions/{session}")).StatusCode.Should().Be(HttpStatusCode.OK);
        (await trainer.GetAsync($"/exam-attempts/{attempt}")).StatusCode.Should().Be(HttpStatusCode.OK);

        var officer = await app.SignedIn("officer");
        (await officer.GetStringAsync("/exams")).Should().Contain("2026年度年审考试");
        (await officer.GetAsync($"/exams/attempts/{attempt}/result")).StatusCode.Should().Be(HttpStatusCode.OK);
        (await trainer.GetAsync($"/exams/attempts/{attempt}/result")).Headers.Location!.OriginalString.Should().Contain("/account/access-denied");
        (await officer.GetAsync($"/exam-sessions/{session}")).Headers.Location!.OriginalString.Should().Contain("/account/access-denied");
        (await officer.GetAsync($"/exam-attempts/{attempt}")).Headers.Location!.OriginalString.Should().Contain("/account/access-denied");

        await using var store = app.Services.GetRequiredService<IDocumentStore>().QuerySession();
        var graded = await store.LoadAsync<ExamAttempt>(attempt);
        graded!.Result!.Should().BeEquivalentTo(new { Score = 100m, MaxScore = 100m, Passed = true });

        // What the annual review of certificates will ask.
        var results = app.Services.GetRequiredService<ExamResults>();
        (await results.PassedAnnualReview(app.OfficerId, 2026)).Should().BeTrue();
        (await results.PassedAnnualReview(app.OfficerId, 2025)).Should().BeFalse();
        (await results.ForOfficer(app.OfficerId)).Should().Contain(r => r.AttemptId == attempt && r.Purpose == ExamPurpose.AnnualReview);
    }

    [Theory]
    [InlineData("officer", "/exam-blueprints")]
    [InlineData("officer", "/exam-sessions/new")]
    [InlineData("certificateofficer", "/exam-blueprints")]
    [InlineData("reviewer", "/exam-sessions")]
    public async Task management_pages_refuse_other_roles(string user, string path) =>
        (await (await app.SignedIn(user)).GetAsync(path)).Headers.Location!.OriginalString.Should().Contain("/account/access-denied");

    [Theory]
    [InlineData("trainer", "/exam-blueprints")]
    [InlineData("trainer", "/exam-blueprints/new")]
    [InlineData("trainer", "/exam-sessions/new")]
    [InlineData("supervisor", "/exam-sessions")]
    public async Task management_pages_open_for_their_roles(string user, string path) =>
        (await (await app.SignedIn(user)).GetAsync(path)).StatusCode.Should().Be(HttpStatusCode.OK);
}
