using JasperFx.Events.Projections;
using Marten;
using Microsoft.Extensions.DependencyInjection;

namespace OfficerTraining.Agencies;

public static class AgenciesConfiguration
{
    public static StoreOptions ConfigureAgencies(this StoreOptions opts)
    {
        opts.Projections.Snapshot<Agency>(SnapshotLifecycle.Inline);
        opts.Schema.For<Agency>().UniqueIndex(a => a.Code).Index(a => a.ParentId!);
        return opts;
    }

    public static IServiceCollection AddAgencies(this IServiceCollection services) =>
        services.AddSingleton<AgencyCommands>();
}
