using JasperFx.Events.Projections;
using Marten;
using Microsoft.Extensions.DependencyInjection;

namespace OfficerTraining.Officers;

public static class OfficersConfiguration
{
    public static StoreOptions ConfigureOfficers(this StoreOptions opts)
    {
        opts.Projections.Snapshot<Officer>(SnapshotLifecycle.Inline);
        opts.Schema.For<Officer>()
            .UniqueIndex(o => o.NationalId.LookupHash)
            .Index(o => o.AgencyId)
            .Index(o => o.Name);
        opts.Schema.For<PersonalDataKey>();
        return opts;
    }

    /// <param name="personalDataSecret">At least 32 bytes; see README, "Personal data".</param>
    public static IServiceCollection AddOfficers(this IServiceCollection services, byte[] personalDataSecret) =>
        services
            .AddSingleton(new NationalIdProtector(personalDataSecret))
            .AddSingleton<OfficerCommands>()
            .AddSingleton<OfficerImport>();
}
