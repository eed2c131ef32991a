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

namespace OfficerTraining.Web.Hosting;

public static class Capabilities
{
    public static void AddCapabilities(this WebApplicationBuilder builder)
    {
        builder.Services
            .AddAgencies()
            .AddOfficers(_ => PersonalDataSecret.Load(builder.Configuration, builder.Environment))
            .AddQuestionBank()
            .AddExams()
            .AddTraining()
            .AddCourses(StudyRules(builder.Configuration))
            .AddNotifications(new NotificationOptions(
                builder.Configuration.GetValue("Notifications:CertificateExpiryDays", NotificationOptions.Default.CertificateExpiryDays),
                builder.Configuration.GetValue("Notifications:ReviewRemindersFromMonth", NotificationOptions.Default.ReviewRemindersFromMonth)))
            .AddCertificates(new CertificateOptions(builder.Configuration.GetValue("Certificates:Issuer", CertificateOptions.Default.Issuer)!))
            .AddSettings()
            .AddAudit()
            .AddReports()
            .AddDemoData()
            .AddHostedService<DemoDataOnFirstStart>();
    }

    /// <summary>Study:IdleLimitMinutes (5 by default): how long a visible lesson keeps accruing without the officer
    /// scrolling, typing or playing the video.</summary>
    static StudyClockRules StudyRules(IConfiguration configuration) => StudyClockRules.Default with
    {
        IdleLimit = TimeSpan.FromMinutes(configuration.GetValue("Study:IdleLimitMinutes", StudyClockRules.Default.IdleLimit.TotalMinutes)),
    };
}
