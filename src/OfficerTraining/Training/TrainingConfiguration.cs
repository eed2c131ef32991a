using JasperFx.Events.Projections;
using Marten;
using Microsoft.Extensions.DependencyInjection;

namespace OfficerTraining.Training;

public static class TrainingConfiguration
{
    public static StoreOptions ConfigureTraining(this StoreOptions opts)
    {
        opts.Projections.Snapshot<TrainingRecord>(SnapshotLifecycle.Inline);
        opts.Projections.Snapshot<InPersonSession>(SnapshotLifecycle.Inline);
        opts.Projections.Snapshot<ClassHoursAdjustment>(SnapshotLifecycle.Inline);
        opts.Schema.For<TrainingRecord>().Index(r => r.OfficerId);
        opts.Schema.For<ClassHoursAdjustment>().Index(a => a.OfficerId).Index(a => a.Status);
        return opts;
    }

    public static IServiceCollection AddTraining(this IServiceCollection services) =>
        services.AddSingleton<TrainingCommands>().AddSingleton<TrainingLedgers>().AddSingleton<InPersonAttendanceImport>();
}
