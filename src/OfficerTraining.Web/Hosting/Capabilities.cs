using OfficerTraining.Certificates;
using OfficerTraining.Demo;
using OfficerTraining.Infrastructure;
using OfficerTraining.Notifications;
using OfficerTraining.Training;

namespace OfficerTraining.Web.Hosting;

public static class Capabilities
{
    public static void AddCapabilities(this WebApplicationBuilder builder)
    {
        var configuration = builder.Configuration;
        builder.Services
            .AddOfficerTraining(_ => PersonalDataSecret.Load(configuration, builder.Environment), new CapabilityOptions(
                StudyRules(configuration),
                new NotificationOptions(
                    configuration.GetValue("Notifications:CertificateExpiryDays", NotificationOptions.Default.CertificateExpiryDays),
                    configuration.GetValue("Notifications:ReviewRemindersFromMonth", NotificationOptions.Default.ReviewRemindersFromMonth)),
                new CertificateOptions(configuration.GetValue("Certificates:Issuer", CertificateOptions.Default.Issuer)!)))
            .AddHostedService<DemoDataOnFirstStart>();
    }

    /// <summary>Study:IdleLimitMinutes (5 by default): how long a visible lesson keeps accruing without the officer
    /// scrolling, typing or playing the video.</summary>
    static StudyClockRules StudyRules(IConfiguration configuration) => StudyClockRules.Default with
    {
        IdleLimit = TimeSpan.FromMinutes(configuration.GetValue("Study:IdleLimitMinutes", StudyClockRules.Default.IdleLimit.TotalMinutes)),
    };
}
