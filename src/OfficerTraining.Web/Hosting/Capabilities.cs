using OfficerTraining.Agencies;
using OfficerTraining.Demo;
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
            .AddScoped<DemoData>()
            .AddHostedService<DemoDataOnFirstStart>();
    }
}
