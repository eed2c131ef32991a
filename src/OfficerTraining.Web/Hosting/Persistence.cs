using JasperFx;
using JasperFx.Events.Daemon;
using Marten;
using Microsoft.Extensions.DependencyInjection.Extensions;
using OfficerTraining.Infrastructure;
using OfficerTraining.Web.Features.Certificates.Verification;

namespace OfficerTraining.Web.Hosting;

public static class Persistence
{
    /// <summary>Marten on <c>ConnectionStrings:Marten</c>; without one, on a local cluster started from the installed
    /// PostgreSQL binaries when the store is first needed (so `-- help` starts nothing).</summary>
    public static void AddPersistence(this WebApplicationBuilder builder)
    {
        var schema = builder.Configuration["Marten:Schema"] ?? MartenSetup.DefaultSchema;
        builder.Services.AddSingleton<DatabaseConnection>();
        builder.Services.AddSingleton<VerificationCache>();
        var marten = builder.Services.AddMarten(sp =>
            {
                var opts = new StoreOptions();
                opts.ConfigureOfficerTraining(sp.GetRequiredService<DatabaseConnection>().ConnectionString, schema);
                opts.Events.TimeProvider = sp.GetRequiredService<TimeProvider>();
                opts.Listeners.Add(sp.GetRequiredService<VerificationCache>()); // forgets certificates as they change
                return opts;
            })
            .UseLightweightSessions()
            // Every node runs a daemon; the nodes elect one leader through a PostgreSQL advisory lock (per schema, see
            // MartenSetup), which runs every async projection; when it stops, another node takes the lock over.
            .AddAsyncDaemon(DaemonMode.HotCold);
        // Production applies schema changes deliberately, with `-- db-apply` or a reviewed `-- db-patch` script.
        if (builder.Environment.IsDevelopment()) marten.ApplyAllDatabaseChangesOnStartup();
        builder.Services.CritterStackDefaults(x =>
        {
            x.Development.ResourceAutoCreate = AutoCreate.CreateOrUpdate;
            x.Production.ResourceAutoCreate = AutoCreate.None;
        });
        builder.Services.TryAddSingleton(TimeProvider.System);
    }
}

/// <summary>The connection string: configured, or the app's own local cluster (started on first use).</summary>
public sealed class DatabaseConnection(IConfiguration configuration, ILogger<DatabaseConnection> logger)
{
    readonly Lazy<string> _connectionString = new(() =>
        configuration.GetConnectionString("Marten") is { Length: > 0 } configured
            ? configured
            : LocalDatabase.EnsureLocalDatabaseAsync(logger, CancellationToken.None).GetAwaiter().GetResult());

    public string ConnectionString => _connectionString.Value;
}
