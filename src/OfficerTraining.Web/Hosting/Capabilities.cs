using OfficerTraining.Agencies;
using OfficerTraining.Demo;
using OfficerTraining.Exams;
using OfficerTraining.Officers;
using OfficerTraining.QuestionBank;

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
            .AddScoped<DemoData>()
            .AddHostedService<DemoDataOnFirstStart>();
    }
}
