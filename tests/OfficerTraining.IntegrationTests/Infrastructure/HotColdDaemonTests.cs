using JasperFx.Events.Daemon;
using Marten;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using OfficerTraining.Agencies;
using OfficerTraining.Infrastructure;
using OfficerTraining.IntegrationTests.Harness;
using OfficerTraining.Officers;
using OfficerTraining.Reports.Compliance;

namespace OfficerTraining.IntegrationTests.Infrastructure;

/// <summary>Two app nodes on one schema with the daemon in HotCold mode (as the app configures it): the nodes elect
/// one leader through a PostgreSQL advisory lock; only the leader runs the async projections (the compliance read
/// model); when it stops, the other node takes the lock and projects what was appended after the stop.</summary>
public sealed class two_nodes_run_each_async_projection_on_exactly_one_node_and_fail_over(ITestOutputHelper output) : IAsyncLifetime
{
    static readonly TimeSpan Deadline = TimeSpan.FromSeconds(60); // leadership is polled every few seconds
    readonly AppFactory _a = new();
    AppFactory _b = null!;

    public async ValueTask InitializeAsync()
    {
        await _a.InitializeAsync(); // creates the schema, the city and the officer; node A's daemon starts
        _b = new AppFactory { Schema = _a.Schema };
        _ = _b.Services;            // node B starts on the same schema
    }

    [Fact]
    public async Task the_compliance_projection_runs_on_one_node_and_the_other_takes_over_when_it_stops()
    {
        AppFactory[] nodes = [_a, _b];
        await Until(() => Task.FromResult(nodes.Count(n => Agents(n).Count > 0) == 1), "one node leads");
        var leader = nodes.Single(n => Agents(n).Count > 0);
        var standby = nodes.Single(n => n != leader);
        Agents(leader).Should().Contain(a => a.Contains(nameof(ComplianceProjection).Replace("Projection", "")),
            "the leader runs the compliance projection");
        await Until(async () => await Compliance(standby, _a.OfficerId) is not null, "the officer registered before is projected");
        for (var i = 0; i < 10; i++) // never both, also a while after the election
        {
            Agents(standby).Should().BeEmpty("only the leader runs async projections");
            await Task.Delay(100);
        }

        await leader.Services.GetRequiredService<IHost>().StopAsync(); // the node shuts down: its lock is released
        var officerId = Guid.CreateVersion7();
        await using (var scope = standby.Services.CreateAsyncScope())
        {
            var department = (await Compliance(standby, _a.OfficerId))!.AgencyId;
            await scope.ServiceProvider.GetRequiredService<OfficerCommands>().Handle(new RegisterOfficer(officerId, "李娜", department,
                "执法队员", [EnforcementDomain.UrbanManagement], EmploymentType.Established, Arrange.UniqueNationalId()), Actor.System);
        }

        await Until(async () => Agents(standby).Count > 0 && await Compliance(standby, officerId) is not null,
            "the other node takes over and projects the event appended after the stop");
        output.WriteLine($"agents on the new leader: {string.Join(", ", Agents(standby))}");
    }

    static IReadOnlyList<string> Agents(AppFactory node) =>
        [.. node.Services.GetRequiredService<IProjectionCoordinator>().DaemonForMainDatabase().CurrentAgents().Select(a => a.Name.Identity)];

    static async Task<OfficerCompliance?> Compliance(AppFactory node, Guid officerId)
    {
        await using var session = node.Services.GetRequiredService<IDocumentStore>().QuerySession();
        return await session.LoadAsync<OfficerCompliance>(officerId);
    }

    static async Task Until(Func<Task<bool>> condition, string what)
    {
        var until = DateTime.UtcNow + Deadline;
        while (!await condition())
        {
            if (DateTime.UtcNow > until) throw new TimeoutException($"Not within {Deadline.TotalSeconds} s: {what}");
            await Task.Delay(200);
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _b.DisposeAsync();
        await _a.DisposeAsync();
    }
}
