using System.Net;
using Microsoft.Extensions.DependencyInjection;
using OfficerTraining.Infrastructure;
using OfficerTraining.IntegrationTests.Harness;
using OfficerTraining.QuestionBank;
using OfficerTraining.QuestionBank.Import;

namespace OfficerTraining.IntegrationTests.Web;

[Collection(nameof(App))]
public class when_a_gift_question_is_imported(AppFactory app)
{
    static readonly Actor Trainer = new("trainer", [Roles.Trainer]);
    static readonly Actor TrainerWhoAlsoReviews = new("trainer", [Roles.Trainer, Roles.Reviewer]);
    static readonly Actor Reviewer = new("reviewer", [Roles.Reviewer]);

    const string Gift = """
        // [id:GIFT-WEB-1] [tag:委托]
        ::委托::行政机关可以在法定权限内书面委托符合条件的组织实施行政处罚。{T####见行政处罚法第二十条}
        """;

    [Fact]
    public async Task it_shows_in_the_bank_as_a_draft_and_becomes_usable_only_after_someone_else_approves_it()
    {
        var questions = app.Services.GetRequiredService<QuestionCommands>();
        var report = await app.Services.GetRequiredService<QuestionImport>().Run(GiftReader.Read("bank.gift", Gift), Trainer);
        report.Created.Should().Be(1);

        var trainer = await app.SignedIn("trainer");
        var page = await trainer.GetAsync("/questions/GIFT-WEB-1");
        page.StatusCode.Should().Be(HttpStatusCode.OK);
        (await page.Content.ReadAsStringAsync()).Should().Contain("行政机关可以在法定权限内书面委托符合条件的组织实施行政处罚");

        // A GIFT file carries no citation: the draft cannot go to review until its author adds one.
        var incomplete = () => questions.Handle(new SubmitQuestion("GIFT-WEB-1"), Trainer);
        (await incomplete.Should().ThrowAsync<DomainException>()).Which.Key.Should().Be("Question.Incomplete");
        var draft = GiftReader.Read("bank.gift", Gift).Questions.Single().Content;
        await questions.Handle(new SaveQuestion("GIFT-WEB-1", draft with { Citations = [new("行政处罚法", 20)] }, "editor", "补充法条"), Trainer);
        await questions.Handle(new SubmitQuestion("GIFT-WEB-1"), Trainer);

        var own = () => questions.Handle(new ApproveQuestion("GIFT-WEB-1", 2), TrainerWhoAlsoReviews);
        (await own.Should().ThrowAsync<DomainException>()).Which.Key.Should().Be("Question.OwnVersion");
        await using (var session = app.Services.GetRequiredService<Marten.IDocumentStore>().QuerySession())
            (await session.LoadAsync<Question>(Question.StreamIdFor("GIFT-WEB-1")))!.ApprovedVersion.Should().BeNull();

        await questions.Handle(new ApproveQuestion("GIFT-WEB-1", 2), Reviewer);
        await using (var session = app.Services.GetRequiredService<Marten.IDocumentStore>().QuerySession())
            (await session.LoadAsync<Question>(Question.StreamIdFor("GIFT-WEB-1")))!
                .Should().BeEquivalentTo(new { Status = QuestionStatus.Approved, ApprovedVersion = 2 });
    }

    [Theory]
    [InlineData("officer", "/questions")]
    [InlineData("supervisor", "/questions/new")]
    [InlineData("supervisor", "/questions/import")]
    [InlineData("trainer", "/questions/review")]
    public async Task pages_refuse_roles_they_are_not_for(string user, string path)
    {
        var client = await app.SignedIn(user);
        (await client.GetAsync(path)).Headers.Location!.OriginalString.Should().Contain("/account/access-denied");
    }

    [Theory]
    [InlineData("trainer", "/questions")]
    [InlineData("trainer", "/questions/new")]
    [InlineData("trainer", "/questions/import")]
    [InlineData("reviewer", "/questions/review")]
    [InlineData("supervisor", "/questions")]
    public async Task pages_open_for_their_roles(string user, string path) =>
        (await (await app.SignedIn(user)).GetAsync(path)).StatusCode.Should().Be(HttpStatusCode.OK);
}
