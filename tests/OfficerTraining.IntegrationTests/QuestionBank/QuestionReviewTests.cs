using Marten;
using Microsoft.Extensions.DependencyInjection;
using OfficerTraining.Accounts;
using OfficerTraining.Infrastructure;
using OfficerTraining.IntegrationTests.Harness;
using OfficerTraining.QuestionBank;
using OfficerTraining.QuestionBank.Import;

namespace OfficerTraining.IntegrationTests.QuestionBank;

public class when_a_question_goes_through_review(StoreFixture f) : IClassFixture<StoreFixture>
{
    static readonly Actor Trainer = new("trainer", [Roles.Trainer]);
    static readonly Actor Reviewer = new("reviewer", [Roles.Reviewer]);
    static readonly Actor TrainerAndReviewer = new("both", [Roles.Trainer, Roles.Reviewer]);

    static QuestionContent Content(string stem = "限制人身自由的行政处罚，只能由下列哪一种规范设定？") => new(
        QuestionType.Single, stem, ["法律", "行政法规", "地方性法规", "部门规章"], [0], "第十条第二款。",
        [new Citation("行政处罚法", 10)], ["设定"], QuestionCategory.Public, null, 1, []);

    static string NewCode() => "T-" + Guid.NewGuid().ToString("N")[..8];

    async Task<Question> Load(string code)
    {
        await using var session = f.Store.QuerySession();
        return (await session.LoadAsync<Question>(Question.StreamIdFor(code)))!;
    }

    [Fact]
    public async Task only_a_second_person_makes_a_question_usable_and_every_step_says_who()
    {
        var commands = f.Get<QuestionCommands>();
        var code = NewCode();
        await commands.Handle(new SaveQuestion(code, Content(), "editor", ""), TrainerAndReviewer);
        await commands.Handle(new SubmitQuestion(code), TrainerAndReviewer);

        var own = () => commands.Handle(new ApproveQuestion(code, 1), TrainerAndReviewer);
        (await own.Should().ThrowAsync<DomainException>()).Which.Key.Should().Be("Question.OwnVersion");
        var trainerOnly = () => commands.Handle(new ApproveQuestion(code, 1), Trainer);
        (await trainerOnly.Should().ThrowAsync<DomainException>()).Which.Key.Should().Be("NotAllowed");

        await commands.Handle(new ApproveQuestion(code, 1), Reviewer);
        (await Load(code)).Should().BeEquivalentTo(new { Status = QuestionStatus.Approved, ApprovedVersion = 1 });

        await using var session = f.Store.QuerySession();
        (await session.Events.FetchStreamAsync(Question.StreamIdFor(code))).Select(e => e.UserName)
            .Should().Equal("both", "both", "reviewer");
    }

    [Fact]
    public async Task an_edit_from_an_editor_showing_an_old_version_is_refused()
    {
        var commands = f.Get<QuestionCommands>();
        var code = NewCode();
        await commands.Handle(new SaveQuestion(code, Content(), "editor", ""), Trainer);
        await commands.Handle(new SaveQuestion(code, Content("第二稿"), "editor", "改写"), Trainer, expectedVersion: 1);

        var stale = () => commands.Handle(new SaveQuestion(code, Content("第三稿"), "editor", "改写"), Trainer, expectedVersion: 1);
        (await stale.Should().ThrowAsync<DomainException>()).Which.Key.Should().Be("Stream.Changed");
        (await Load(code)).Should().BeEquivalentTo(new { CurrentVersion = 2, Content = new { Stem = "第二稿" } });
    }
}

public class when_a_bank_is_imported(StoreFixture f) : IClassFixture<StoreFixture>, IAsyncLifetime
{
    static readonly Actor Admin = new("admin", [Roles.Administrator]);

    public async ValueTask InitializeAsync()
    {
        await using var scope = f.Services.CreateAsyncScope();
        var accounts = scope.ServiceProvider.GetRequiredService<AccountCommands>();
        await using var session = f.Store.QuerySession();
        if (!await session.Query<Account>().AnyAsync(a => a.NormalizedUserName == "REVIEWER"))
            await accounts.Handle(new CreateAccount(Guid.CreateVersion7(), "reviewer", "审题人", "Test@2026", [Roles.Reviewer], null), Actor.System);
    }

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;

    static ParsedBank Bank(string prefix, int count, string stemSuffix = "") => new(
        [.. Enumerable.Range(1, count).Select(i => new ParsedQuestion($"{prefix}-{i:D4}", new QuestionContent(
            QuestionType.TrueFalse, $"第{i}题：行政机关可以书面委托符合条件的组织实施行政处罚。{stemSuffix}", QuestionItem.TrueFalseOptions, [0],
            "第二十条。", [new Citation("行政处罚法", 20)], [], QuestionCategory.Public, null, 2, []), "bank.yaml", i * 10))], [], []);

    async Task<long> EventCount(string prefix)
    {
        await using var session = f.Store.QuerySession();
        var ids = Enumerable.Range(1, 3).Select(i => Question.StreamIdFor($"{prefix}-{i:D4}")).ToArray();
        return await session.Events.QueryAllRawEvents().Where(e => e.StreamId.IsOneOf(ids)).CountAsync();
    }

    [Fact]
    public async Task importing_the_same_bank_twice_changes_nothing_and_a_changed_question_gets_a_new_version()
    {
        var import = f.Get<QuestionImport>();
        (await import.Run(Bank("IA", 3), Admin)).Should().BeEquivalentTo(new { Created = 3, Revised = 0, Saved = true });
        (await import.Run(Bank("IA", 3), Admin)).Should().BeEquivalentTo(new { Created = 0, Unchanged = 3, Saved = true });
        (await EventCount("IA")).Should().Be(3);

        (await import.Run(Bank("IA", 3, "（修订）"), Admin)).Revised.Should().Be(3);
        (await EventCount("IA")).Should().Be(6);
    }

    [Fact]
    public async Task one_error_anywhere_stops_the_whole_import()
    {
        var bank = Bank("IB", 3);
        bank = bank with { Questions = [.. bank.Questions.Take(2), bank.Questions[2] with { Content = bank.Questions[2].Content with { Correct = [] } }] };
        var report = await f.Get<QuestionImport>().Run(bank, Admin);
        report.Saved.Should().BeFalse();
        report.Errors.Should().ContainSingle().Which.Should().BeEquivalentTo(new { File = "bank.yaml", Line = 30, Field = "IB-0003" });
        (await EventCount("IB")).Should().Be(0);
    }

    [Fact]
    public async Task a_dry_run_reports_and_writes_nothing()
    {
        (await f.Get<QuestionImport>().Run(Bank("IC", 3), Admin, dryRun: true)).Should().BeEquivalentTo(new { Created = 3, Saved = false });
        (await EventCount("IC")).Should().Be(0);
    }

    [Fact]
    public async Task an_administrator_can_record_a_named_reviewers_approval_and_only_an_administrator()
    {
        var import = f.Get<QuestionImport>();
        (await import.Run(Bank("ID", 3), Admin, approveAs: "reviewer")).Approved.Should().Be(3);
        await using (var session = f.Store.QuerySession())
            (await session.LoadAsync<Question>(Question.StreamIdFor("ID-0001")))!.ApprovedVersion.Should().Be(1);

        var asTrainer = () => import.Run(Bank("IE", 1), new Actor("trainer", [Roles.Trainer]), approveAs: "reviewer");
        (await asTrainer.Should().ThrowAsync<DomainException>()).Which.Key.Should().Be("NotAllowed");
        var notAReviewer = () => import.Run(Bank("IE", 1), Admin, approveAs: "nobody");
        (await notAReviewer.Should().ThrowAsync<DomainException>()).Which.Key.Should().Be("Question.NotAReviewer");
    }
}
