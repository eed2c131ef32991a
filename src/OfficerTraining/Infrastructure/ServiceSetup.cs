using Microsoft.Extensions.DependencyInjection;
using OfficerTraining.Agencies;
using OfficerTraining.Audit;
using OfficerTraining.Certificates;
using OfficerTraining.Courses;
using OfficerTraining.Demo;
using OfficerTraining.Exams;
using OfficerTraining.Notifications;
using OfficerTraining.Officers;
using OfficerTraining.QuestionBank;
using OfficerTraining.Reports;
using OfficerTraining.Settings;
using OfficerTraining.Training;

namespace OfficerTraining.Infrastructure;

/// <summary>How the capabilities can be tuned; each one's defaults where nothing is given.</summary>
public sealed record CapabilityOptions(
    StudyClockRules? Study = null, NotificationOptions? Notifications = null, CertificateOptions? Certificates = null);

/// <summary>The one list of capabilities' services, as <see cref="MartenSetup"/> is the one store configuration: the app,
/// the test hosts and the benchmarks register the same set. Accounts (Identity) are added by the host.</summary>
public static class ServiceSetup
{
    public static IServiceCollection AddOfficerTraining(this IServiceCollection services,
        Func<IServiceProvider, byte[]> personalDataSecret, CapabilityOptions? options = null)
    {
        options ??= new CapabilityOptions();
        return services
            .AddAgencies()
            .AddOfficers(personalDataSecret)
            .AddQuestionBank()
            .AddExams()
            .AddTraining()
            .AddCourses(options.Study)
            .AddNotifications(options.Notifications)
            .AddCertificates(options.Certificates)
            .AddSettings()
            .AddAudit()
            .AddReports()
            .AddDemoData();
    }
}
