using System.Net;
using Marten;
using Microsoft.Extensions.DependencyInjection;
using OfficerTraining.Accounts;
using OfficerTraining.Infrastructure;
using OfficerTraining.IntegrationTests.Harness;

namespace OfficerTraining.IntegrationTests.Web;

[Collection(nameof(App))]
public class when_accounts_are_administered(AppFactory app)
{
    static readonly Actor Admin = new("administrator", [Roles.Administrator]);

    async Task<Guid> NewAccount(string userName, string role)
    {
        var id = Guid.CreateVersion7();
        await using var scope = app.Services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<AccountCommands>()
            .Handle(new CreateAccount(id, userName, userName, AppFactory.Password, [role], null), Admin);
        return id;
    }

    async Task Handle(Func<AccountCommands, Task> command)
    {
        await using var scope = app.Services.CreateAsyncScope();
        await command(scope.ServiceProvider.GetRequiredService<AccountCommands>());
    }

    [Fact]
    public async Task role_changes_are_history_that_names_who_made_them()
    {
        var id = await NewAccount("trainer-history", Roles.Trainer);
        await Handle(c => c.Handle(new SetAccountRoles(id, [Roles.Reviewer]), Admin));

        await using var session = app.Services.GetRequiredService<IDocumentStore>().QuerySession();
        var events = await session.Events.FetchStreamAsync(id);
        events.Select(e => e.Data).Should().BeEquivalentTo(new object[]
        {
            new AccountCreated(id, "trainer-history", "trainer-history", [Roles.Trainer], null),
            new AccountRoleGranted(id, Roles.Reviewer), new AccountRoleRevoked(id, Roles.Trainer),
        }, o => o.WithStrictOrdering().RespectingRuntimeTypes());
        events.Should().OnlyContain(e => e.UserName == "administrator");
    }

    [Fact]
    public async Task an_officer_account_must_be_linked_to_an_officer_and_only_once()
    {
        var unlinked = () => Handle(c => c.Handle(
            new CreateAccount(Guid.CreateVersion7(), "nobody", "无档案", AppFactory.Password, [Roles.Officer], null), Admin));
        (await unlinked.Should().ThrowAsync<DomainException>()).Which.Key.Should().Be("Account.OfficerRequired");

        var second = () => Handle(c => c.Handle(
            new CreateAccount(Guid.CreateVersion7(), "zhangwei2", "张伟", AppFactory.Password, [Roles.Officer], app.OfficerId), Admin));
        (await second.Should().ThrowAsync<DomainException>()).Which.Key.Should().Be("Account.OfficerHasAccount");
    }

    [Fact]
    public async Task only_an_administrator_administers_accounts()
    {
        var asSupervisor = () => Handle(c => c.Handle(
            new CreateAccount(Guid.CreateVersion7(), "sneaky", "sneaky", AppFactory.Password, [Roles.Administrator], null),
            new Actor("supervisor", [Roles.Supervisor])));
        (await asSupervisor.Should().ThrowAsync<DomainException>()).Which.Key.Should().Be("NotAllowed");
    }

    [Fact]
    public async Task a_disabled_account_cannot_sign_in()
    {
        var id = await NewAccount("to-disable", Roles.Reviewer);
        await Handle(c => c.Handle(new SetAccountDisabled(id, true), Admin));

        var response = await app.SignIn(app.Client(), "to-disable");
        response.StatusCode.Should().Be(HttpStatusCode.OK);
        (await response.Content.ReadAsStringAsync()).Should().Contain("该账号已停用");
    }

    [Fact]
    public async Task five_wrong_passwords_lock_the_account_even_against_the_right_one()
    {
        var id = await NewAccount("to-lock", Roles.Trainer);
        for (var i = 0; i < 5; i++) await app.SignIn(app.Client(), "to-lock", "wrong-password");

        var response = await app.SignIn(app.Client(), "to-lock");
        response.StatusCode.Should().Be(HttpStatusCode.OK, "no redirect: not signed in");
        response.Headers.TryGetValues("Set-Cookie", out var cookies);
        (cookies ?? []).Should().NotContain(c => c.StartsWith("ot.auth="));
        (await response.Content.ReadAsStringAsync()).Should().Contain("账号已暂时锁定");
        await using var session = app.Services.GetRequiredService<IDocumentStore>().QuerySession();
        (await session.Events.FetchStreamAsync(id)).Select(e => e.Data).OfType<AccountLockedOut>()
            .Should().ContainSingle("the fifth failure locks the account, recorded in its history");
    }

    [Fact]
    public async Task a_reset_password_replaces_the_old_one_and_is_recorded()
    {
        var id = await NewAccount("to-reset", Roles.Trainer);
        await Handle(c => c.Handle(new ResetAccountPassword(id, "Fresh@2027"), Admin));

        (await app.SignIn(app.Client(), "to-reset", AppFactory.Password)).StatusCode.Should().Be(HttpStatusCode.OK);
        (await app.SignIn(app.Client(), "to-reset", "Fresh@2027")).StatusCode.Should().Be(HttpStatusCode.Redirect);
        await using var session = app.Services.GetRequiredService<IDocumentStore>().QuerySession();
        (await session.Events.FetchStreamAsync(id)).Select(e => e.Data).Should().ContainEquivalentOf(new AccountPasswordChanged(id));
    }

    [Fact]
    public async Task a_password_that_breaks_the_rules_changes_nothing()
    {
        var id = await NewAccount("weak-reset", Roles.Trainer);
        var weak = () => Handle(c => c.Handle(new ResetAccountPassword(id, "short"), Admin));
        (await weak.Should().ThrowAsync<DomainException>()).Which.Key.Should().Be("Account.Refused");
        (await app.SignIn(app.Client(), "weak-reset")).StatusCode.Should().Be(HttpStatusCode.Redirect);
    }
}
