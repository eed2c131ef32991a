using JasperFx.Events.Projections;
using Marten;
using Microsoft.Extensions.DependencyInjection;
using OfficerTraining.Officers.Photos;

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
        opts.ConfigureOfficerPhotos();
        return opts;
    }

    /// <param name="personalDataSecret">At least 32 bytes; see README, "Personal data".</param>
    public static IServiceCollection AddOfficers(this IServiceCollection services, byte[] personalDataSecret) =>
        services.AddOfficers(_ => personalDataSecret);

    /// <summary>The secret is read when ID numbers are first protected, so commands that never touch officers (the
    /// command line's question-bank validate, help) do not need it.</summary>
    public static IServiceCollection AddOfficers(this IServiceCollection services, Func<IServiceProvider, byte[]> personalDataSecret) =>
        services
            .AddSingleton(sp => new NationalIdProtector(personalDataSecret(sp)))
            .AddSingleton<OfficerCommands>()
            .AddSingleton<OfficerImport>()
            .AddSingleton<OfficerPersonalData>()
            .AddOfficerPhotos();
}
