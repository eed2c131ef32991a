using JasperFx.Events.Projections;
using Marten;
using Microsoft.Extensions.DependencyInjection;

namespace OfficerTraining.QuestionBank;

public static class QuestionBankConfiguration
{
    public static StoreOptions ConfigureQuestionBank(this StoreOptions opts)
    {
        opts.Projections.Snapshot<Question>(SnapshotLifecycle.Inline);
        opts.Schema.For<Question>()
            .UniqueIndex(q => q.Code)
            .Index(q => q.Status)
            .GinIndexJsonData(); // laws, tags and type filters at 10,000+ questions
        return opts;
    }

    public static IServiceCollection AddQuestionBank(this IServiceCollection services) =>
        services.AddSingleton(LawLibrary.Shipped).AddSingleton<QuestionCommands>().AddSingleton<Import.QuestionImport>();
}
