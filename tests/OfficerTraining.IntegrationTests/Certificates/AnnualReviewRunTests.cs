using Marten;
using OfficerTraining.Certificates;
using OfficerTraining.Exams;
using OfficerTraining.Infrastructure;

namespace OfficerTraining.IntegrationTests.Certificates;

public class when_the_annual_review_runs_over_hundreds_of_certificates(LargeDepartmentFixture f) : IClassFixture<LargeDepartmentFixture>
{
    [Fact]
    public async Task the_dry_run_matches_the_run_running_twice_changes_nothing_and_the_make_up_run_reinstates_or_revokes()
    {
        // 300 officers qualify and are issued certificates on 2026-06-01.
        var all = Enumerable.Range(0, 300).ToList();
        await CertificateArrange.Qualify(f, all);
        var issued = await f.Get<CertificateCommands>().IssueToAgency(f.Department.Id, CertificateKind.Enforcement, "批量发证", "第二十一条",
            preview: false, CertificateArrange.CertificateOfficer);
        issued.Count(l => l.Number != null).Should().Be(300);

        // 2026: the first 200 pass the annual review exam; Qualify gave everyone 60 hours.
        await CertificateArrange.Exam(f, [.. all.Select(i => (i, i < 200))], ExamPurpose.AnnualReview, 2026,
            new DateTimeOffset(2026, 11, 10, 1, 0, 0, TimeSpan.Zero));
        f.Clock.SetUtcNow(new DateTimeOffset(2027, 2, 1, 1, 0, 0, TimeSpan.Zero));
        var runner = f.Get<AnnualReviewRunner>();

        var dry = await runner.Run(2026, ReviewStage.Initial, dryRun: true, CertificateArrange.CertificateOfficer);
        (dry.Count(ReviewAction.Pass), dry.Count(ReviewAction.Suspend)).Should().Be((200, 100));
        await using (var q = f.Store.QuerySession())
            (await q.Query<Certificate>().CountAsync(c => c.Status == CertificateStatus.Suspended)).Should().Be(0, "a dry run writes nothing");

        var progress = new List<(int Done, int Total)>();
        var run = await runner.Run(2026, ReviewStage.Initial, dryRun: false, CertificateArrange.CertificateOfficer, new SyncProgress(progress));
        run.Decisions.Select(d => (d.Number, d.Action)).Should().BeEquivalentTo(dry.Decisions.Select(d => (d.Number, d.Action)));
        progress[^1].Should().Be((300, 300));
        var again = await runner.Run(2026, ReviewStage.Initial, dryRun: false, CertificateArrange.CertificateOfficer);
        again.Decisions.Should().BeEmpty("running the review twice changes nothing");

        // The make-up: 50 of the 100 pass it; the others fail again and are revoked.
        await CertificateArrange.Exam(f, [.. Enumerable.Range(200, 100).Select(i => (i, i < 250))], ExamPurpose.MakeUp, 2026,
            new DateTimeOffset(2027, 2, 10, 1, 0, 0, TimeSpan.Zero));
        f.Clock.SetUtcNow(new DateTimeOffset(2027, 2, 20, 1, 0, 0, TimeSpan.Zero));
        var makeUp = await runner.Run(2026, ReviewStage.AfterMakeUp, dryRun: false, CertificateArrange.CertificateOfficer);
        (makeUp.Count(ReviewAction.Reinstate), makeUp.Count(ReviewAction.Revoke)).Should().Be((50, 50));
        (await runner.Run(2026, ReviewStage.AfterMakeUp, dryRun: false, CertificateArrange.CertificateOfficer)).Decisions.Should().BeEmpty();

        await using var session = f.Store.QuerySession();
        var revoked = await session.Query<Certificate>().Where(c => c.Status == CertificateStatus.Revoked).ToListAsync();
        revoked.Should().HaveCount(50).And.OnlyContain(c => c.BannedUntil == new DateOnly(2029, 2, 20) && c.Reviews[2026] == ReviewOutcome.Revoked);
        var history = await session.LoadAsync<AnnualReviewHistory>(AnnualReviewHistory.StreamIdFor(2026));
        history!.Runs.Select(r => (r.Stage, r.Passed, r.Suspended, r.Reinstated, r.Revoked)).Should().Equal(
            (ReviewStage.Initial, 200, 100, 0, 0), (ReviewStage.Initial, 0, 0, 0, 0),
            (ReviewStage.AfterMakeUp, 0, 0, 50, 50), (ReviewStage.AfterMakeUp, 0, 0, 0, 0));
    }

    sealed class SyncProgress(List<(int, int)> into) : IProgress<(int Done, int Total)>
    {
        public void Report((int Done, int Total) value) => into.Add(value);
    }
}
