using OfficerTraining.Agencies;
using OfficerTraining.Courses;
using OfficerTraining.Demo;
using OfficerTraining.Exams;
using OfficerTraining.Notifications;
using OfficerTraining.Officers;
using OfficerTraining.QuestionBank;
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
            .AddCourses()
            .AddNotifications()
            .AddSettings()
            .AddScoped<DemoData>()
            .AddHostedService<DemoDataOnFirstStart>();
    }
}
