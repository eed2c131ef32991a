using JasperFx.Events.Projections;
using Marten;
using Microsoft.Extensions.DependencyInjection;
using OfficerTraining.Reports.Compliance;
using OfficerTraining.Reports.ItemAnalysis;

namespace OfficerTraining.Reports;

public static class ReportsConfiguration
{
    public static StoreOptions ConfigureReports(this StoreOptions opts)
    {
        opts.Projections.Add<ComplianceProjection>(ProjectionLifecycle.Async);
        opts.Schema.For<OfficerCompliance>().Index(c => c.AgencyId);
        return opts;
    }

    public static IServiceCollection AddReports(this IServiceCollection services) => services.AddSingleton<ComplianceDashboard>()
        .AddSingleton<ExamItemAnalysis>()
        .AddSingleton<QuestionHealth>();
}
