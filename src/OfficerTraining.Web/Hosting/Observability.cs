using Marten;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using OpenTelemetry;
using OpenTelemetry.Metrics;
using OpenTelemetry.Trace;
using Serilog;
using Serilog.Events;

namespace OfficerTraining.Web.Hosting;

public static class Observability
{
    /// <summary>Structured logs (readable text in Development, compact JSON elsewhere), OpenTelemetry traces and metrics
    /// (exported over OTLP when OTEL_EXPORTER_OTLP_ENDPOINT is set), and a PostgreSQL health check.</summary>
    public static void AddObservability(this WebApplicationBuilder builder)
    {
        var json = !builder.Environment.IsDevelopment();
        builder.Services.AddSerilog((services, log) =>
        {
            log.ReadFrom.Configuration(builder.Configuration).ReadFrom.Services(services).Enrich.FromLogContext();
            // Logs go to standard error, so the command line's output (e.g. `question-bank import --json`) stays clean.
            if (json)
            {
                var stderr = new StandardErrorLog();
                log.WriteTo.Conditional(e => e.Level >= LogEventLevel.Warning, to => to.Sink(stderr))
                    .WriteTo.Conditional(e => e.Level < LogEventLevel.Warning, to => to.Sink(stderr, StandardErrorLog.Batching));
            }
            else log.WriteTo.Console(outputTemplate: "[{Timestamp:HH:mm:ss} {Level:u3}] {SourceContext}: {Message:lj}{NewLine}{Exception}",
                standardErrorFromLevel: LogEventLevel.Verbose);
        });
        LoggerPerCategory.Wrap(builder.Services);

        var otel = builder.Services.AddOpenTelemetry()
            .WithTracing(t => t.AddAspNetCoreInstrumentation().AddHttpClientInstrumentation().AddSource("Marten"))
            .WithMetrics(m => m.AddAspNetCoreInstrumentation().AddMeter("Marten", "Microsoft.AspNetCore.Components*"));
        if (!string.IsNullOrWhiteSpace(builder.Configuration["OTEL_EXPORTER_OTLP_ENDPOINT"])) otel.UseOtlpExporter();

        builder.Services.AddHealthChecks().AddCheck<PostgresHealthCheck>("postgresql");
    }
}

/// <summary>Healthy when PostgreSQL answers a query through Marten.</summary>
public sealed class PostgresHealthCheck(IDocumentStore store) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken ct = default)
    {
        try
        {
            await using var session = store.QuerySession();
            var answer = await session.QueryAsync<int>("select 1", ct);
            return answer.SingleOrDefault() == 1 ? HealthCheckResult.Healthy() : HealthCheckResult.Unhealthy("unexpected answer");
        }
        catch (Exception e)
        {
            return HealthCheckResult.Unhealthy("PostgreSQL does not answer", e);
        }
    }
}
