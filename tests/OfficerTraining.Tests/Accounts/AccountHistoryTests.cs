using OfficerTraining.Accounts;
using OfficerTraining.Infrastructure;

namespace OfficerTraining.Tests.Accounts;

public class when_an_account_changes
{
    static readonly DateTimeOffset Now = Given.Now;

    static Account Account() => new()
    {
        Id = Guid.NewGuid(), UserName = "zhangwei", DisplayName = "张伟", PasswordHash = "h1", SecurityStamp = "s1",
        Roles = [Roles.Officer],
    };

    [Fact]
    public void granted_and_revoked_roles_are_recorded()
    {
        var before = Account();
        var after = before.Copy();
        after.Roles = [Roles.Trainer];
        AccountHistory.Changes(before, after, Now).Should().BeEquivalentTo(new object[]
        {
            new AccountRoleGranted(before.Id, Roles.Trainer), new AccountRoleRevoked(before.Id, Roles.Officer),
        });
    }

    [Fact]
    public void failed_attempts_are_bookkeeping_but_a_lockout_is_history()
    {
        var before = Account();
        var failed = before.Copy();
        failed.AccessFailedCount = 3;
        AccountHistory.Changes(before, failed, Now).Should().BeEmpty();

        var locked = failed.Copy();
        locked.LockoutEnd = Now.AddMinutes(15);
        AccountHistory.Changes(failed, locked, Now).Should().Equal(new AccountLockedOut(before.Id, Now.AddMinutes(15)));

        var unlocked = locked.Copy();
        unlocked.LockoutEnd = null;
        AccountHistory.Changes(locked, unlocked, Now).Should().Equal(new AccountUnlocked(before.Id));
    }

    [Fact]
    public void a_new_password_is_recorded_but_a_rehash_of_the_same_one_is_not()
    {
        var before = Account();
        var rehashed = before.Copy();
        rehashed.PasswordHash = "h1-v3";
        AccountHistory.Changes(before, rehashed, Now).Should().BeEmpty();

        var changed = before.Copy();
        changed.PasswordHash = "h2";
        changed.SecurityStamp = "s2";
        AccountHistory.Changes(before, changed, Now).Should().Equal(new AccountPasswordChanged(before.Id));
    }

    [Fact]
    public void disabling_and_enabling_are_recorded()
    {
        var before = Account();
        var disabled = before.Copy();
        disabled.Disabled = true;
        AccountHistory.Changes(before, disabled, Now).Should().Equal(new AccountDisabled(before.Id));
        AccountHistory.Changes(disabled, before, Now).Should().Equal(new AccountEnabled(before.Id));
    }

    [Fact]
    public void a_copy_does_not_share_its_roles()
    {
        var before = Account();
        var copy = before.Copy();
        copy.Roles.Add(Roles.Reviewer);
        before.Roles.Should().Equal(Roles.Officer);
    }
}

public class when_an_actor_gives_a_command
{
    [Fact]
    public void an_actor_without_the_role_is_refused() =>
        FluentActions.Invoking(() => new Actor("zhangwei", [Roles.Officer]).Require(Roles.Administrator))
            .Should().Throw<DomainException>().Which.Key.Should().Be("NotAllowed");

    [Fact]
    public void any_one_of_the_roles_is_enough() =>
        FluentActions.Invoking(() => new Actor("admin", [Roles.Supervisor]).Require(Roles.Administrator, Roles.Supervisor))
            .Should().NotThrow();
}
