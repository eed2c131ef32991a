using JasperFx.Events.Projections;
using Marten;
using Microsoft.Extensions.DependencyInjection;

namespace OfficerTraining.Certificates;

public static class CertificatesConfiguration
{
    public static StoreOptions ConfigureCertificates(this StoreOptions opts)
    {
        opts.Projections.Snapshot<Certificate>(SnapshotLifecycle.Inline);
        opts.Projections.Snapshot<AnnualReviewHistory>(SnapshotLifecycle.Inline);
        opts.Schema.For<Certificate>()
            .UniqueIndex(c => c.Number)
            .UniqueIndex(c => c.Token)
            .Index(c => c.Holder.OfficerId)
            .Index(c => c.Holder.AgencyId)
            .Index(c => c.Status);
        opts.Schema.For<CertificateSerial>().UseOptimisticConcurrency(true);
        return opts;
    }

    public static IServiceCollection AddCertificates(this IServiceCollection services, CertificateOptions? options = null) => services
        .AddSingleton(options ?? CertificateOptions.Default)
        .AddSingleton<CertificateCommands>().AddSingleton<AnnualReviewRunner>().AddSingleton<CertificateRegister>();
}
