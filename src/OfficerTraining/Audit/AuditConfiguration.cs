using Microsoft.Extensions.DependencyInjection;

namespace OfficerTraining.Audit;

public static class AuditConfiguration
{
    public static IServiceCollection AddAudit(this IServiceCollection services) => services.AddSingleton<AuditTrail>();
}
