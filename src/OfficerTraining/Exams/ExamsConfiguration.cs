using System.Linq.Expressions;
using JasperFx.Events.Projections;
using Marten;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace OfficerTraining.Exams;

public static class ExamsConfiguration
{
    public static StoreOptions ConfigureExams(this StoreOptions opts)
    {
        opts.Projections.Snapshot<ExamSession>(SnapshotLifecycle.Inline);
        opts.Projections.Snapshot<ExamAttempt>(SnapshotLifecycle.Inline);
        opts.Projections.Snapshot<AnswerSheet>(SnapshotLifecycle.Inline); // the same streams: see AnswerSheet
        opts.Projections.Snapshot<SavedBlueprint>(SnapshotLifecycle.Inline);
        opts.Schema.For<ExamAttempt>()
            .Index(a => a.SessionId)
            .Index(a => a.OfficerId)
            // The closer's scan: open attempts whose deadline has passed.
            .Index(new Expression<Func<ExamAttempt, object>>[] { a => a.Status, a => a.Deadline });
        opts.Schema.For<ExamSession>().Index(s => s.Closes);
        // Every answer rewrites its attempt's sheet. A sheet with 50 answers is ~2.4 KB as jsonb, above the ~2 KB at which
        // PostgreSQL compresses a row by default: pglz took a sixth of PostgreSQL's CPU in the answers benchmark. Rows up
        // to a page now stay as they are (a sheet of ~170 answers); larger ones are still compressed.
        opts.Schema.For<AnswerSheet>().StorageParameter("toast_tuple_target", 8160);
        opts.Storage.ExtendedSchemaObjects.Add(AnswerBatch.Schema(opts));

        // Not opts.Events.CacheAggregatesForWriting<ExamAttempt>(): on Marten 9.58 with this immutable inline snapshot the
        // cache handed FetchForWriting the snapshot as it was BEFORE the last commit (a submitted attempt came back
        // InProgress, at the new version), so a second submit graded twice. See the integration test
        // when_an_attempt_is_written_again.a_fetch_for_writing_sees_the_last_commit.
        return opts;
    }

    /// <summary>The exam commands, the answer journal (one writer per node, group commits) and the attempt closer
    /// (every node; the database decides which node closes an attempt). Both background services stop with the host.</summary>
    public static IServiceCollection AddExams(this IServiceCollection services)
    {
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton(AttemptCloserOptions.Default);
        services.TryAddSingleton(AnswerJournalOptions.Default);
        services.AddSingleton<ApprovedPool>()
            .AddSingleton<BlueprintCommands>()
            .AddSingleton<ExamSessionCommands>()
            .AddSingleton<AttemptCommands>()
            .AddSingleton<AnswerJournal>()
            .AddSingleton<AttemptCloser>()
            .AddSingleton<ExamResults>();
        services.AddHostedService(sp => sp.GetRequiredService<AnswerJournal>());
        services.AddHostedService(sp => sp.GetRequiredService<AttemptCloser>());
        return services;
    }
}
