using OfficerTraining.Infrastructure;
using OfficerTraining.IntegrationTests.Harness;
using OfficerTraining.Settings;

namespace OfficerTraining.IntegrationTests.Settings;

public class when_an_administrator_sets_the_policy_from_a_year(StoreFixture f) : IClassFixture<StoreFixture>
{
    [Fact]
    public async Task it_is_in_force_from_that_year_on_and_only_an_administrator_may_set_it()
    {
        var reader = f.Get<PolicyReader>();
        (await reader.For(2027)).Should().Be(Policy.Defaults, "nothing is set yet");

        var commands = f.Get<SettingsCommands>();
        await commands.Handle(new SetPolicy(2027, Policy.Defaults with { RequiredClassHours = 72m }, "省级新要求"), Arrange.Admin);

        (await reader.For(2026)).RequiredClassHours.Should().Be(60m);
        (await reader.For(2027)).RequiredClassHours.Should().Be(72m);
        (await reader.For(2028)).RequiredClassHours.Should().Be(72m);

        var supervisor = new Actor("supervisor", [Roles.Supervisor]);
        var refused = () => commands.Handle(new SetPolicy(2026, Policy.Defaults with { RequiredClassHours = 10m }, "试图修改"), supervisor);
        (await refused.Should().ThrowAsync<DomainException>()).Which.Key.Should().Be("NotAllowed");

        await commands.Handle(new SetPolicy(2028, Policy.Defaults with { AttemptsAllowed = 2 }, "允许补考"), Arrange.Admin);
        (await reader.For(2027)).Should().Be(Policy.Defaults with { RequiredClassHours = 72m });
        (await reader.For(2028)).Should().Be(Policy.Defaults with { AttemptsAllowed = 2 });

        await using var session = f.Store.QuerySession();
        var events = await session.Events.FetchStreamAsync(PolicySettings.StreamId);
        events.Select(e => (e.UserName, ((PolicySet)e.Data).Reason)).Should().Equal(("admin", "省级新要求"), ("admin", "允许补考"));
    }
}
