using Bogus;
using Marten;
using OfficerTraining.Agencies;
using OfficerTraining.Certificates;
using OfficerTraining.Exams;
using OfficerTraining.Infrastructure;
using OfficerTraining.Officers;
using OfficerTraining.QuestionBank;
using OfficerTraining.Settings;
using OfficerTraining.Training;

namespace OfficerTraining.Demo;

/// <summary>What the history added: people, exams, training and certificates (as they stand today).</summary>
public sealed record DemoHistorySummary(
    int Supervisors, int ExamSessions, int ExamAttempts, int TrainingSessions, int Credits, int Certificates,
    int InForce, int Suspended, int Revoked, int Cancelled, int Replaced, int Expired, int ReviewYear, int ReviewSitters,
    int ReviewPassed)
{
    public override string ToString() =>
        $"history: the Justice Bureau with {Supervisors} supervisors; {ExamSessions} past exam sessions with {ExamAttempts} attempts; " +
        $"{TrainingSessions} in-person sessions crediting {Credits} attendances; {Certificates} certificates " +
        $"({InForce} in force, {Suspended} suspended, {Revoked} revoked, {Cancelled} cancelled, {Replaced} replaced, {Expired} expired); " +
        $"the {ReviewYear} annual review exam sat by {ReviewSitters}, passed by {ReviewPassed}";
}

/// <summary>
/// Gives the demo city a past (<see cref="DemoHistoryPlanner"/>), written through the deciders in a few transactions per
/// step: the Justice Bureau and its supervisors (officer commands), six years of in-person training (decided as the training command
/// decides them), the qualification exams and last year's annual review exam
/// (<see cref="PastExams"/>), then the certificates (<see cref="DemoCertificates"/>) with their serial counters, so
/// live issues continue the numbers.
/// </summary>
public sealed class DemoHistory(
    IDocumentStore store, AgencyCommands agencies, OfficerCommands officers, PastExams exams, ExamResults results,
    PolicyReader policies, CertificateOptions options, TimeProvider clock)
{
    /// <summary>Past papers are half the default one (25 questions, 100 points, 60 minutes), which the shipped bank fills:
    /// every answer is an event, and the seed must stay quick.</summary>
    static readonly Blueprint Paper = Blueprint.Default("行政执法考试（历史）") with
    {
        Sections =
        [
            new("单选题", QuestionType.Single, QuestionFilter.Any, 10, 4m),
            new("多选题", QuestionType.Multiple, QuestionFilter.Any, 5, 6m),
            new("判断题", QuestionType.TrueFalse, QuestionFilter.Any, 10, 3m),
        ],
        Duration = TimeSpan.FromMinutes(60),
    };

    public async Task<DemoHistorySummary> Write(DemoCityPlan city, int seed, CancellationToken ct = default)
    {
        var today = ChinaTime.Today(clock);
        int last = today.Year - 1;
        var trainer = new Actor(DemoCity.TrainerUserName, [Roles.Trainer]);
        var (bureau, supervisors) = JusticeBureau.Plan(city, new Faker("zh_CN") { Random = new Randomizer(seed * 7 + 1) });
        await agencies.Handle(bureau, Actor.System, ct);
        foreach (var supervisor in supervisors) await officers.Handle(supervisor, Actor.System, ct);

        var plan = DemoHistoryPlanner.Plan(city, supervisors, seed, today);
        var demoOfficer = city.Accounts.Single(a => a.Role == Roles.Officer).OfficerId!.Value;
        var rounds = DemoTraining.Rounds([.. city.Agencies.Where(a => a.Level == AgencyLevel.Department), bureau],
            DemoHistoryPlanner.Staff(city, supervisors, plan, today), plan.ShortLastYear, new HashSet<Guid> { demoOfficer },
            new Faker("zh_CN") { Random = new Randomizer(seed * 7 + 2) }, seed, today);
        await WriteTraining([.. rounds.SelectMany(r => r)], trainer, ct);

        var sessions = 0;
        foreach (var part in plan.Qualification.GroupBy(s => (s.Year, s.Part)).OrderBy(g => g.Key.Year).ThenBy(g => g.Key.Part))
        {
            var (title, hour) = part.Key.Part == ExamPurpose.QualificationPublic ? ("公共法律知识", 9) : ("专业法律知识", 14);
            await exams.Record($"{part.Key.Year}年行政执法资格考试（{title}）", Paper, part.Key.Part, null,
                At(new DateOnly(part.Key.Year, 5, 20), hour), [.. part.Select(s => (s.OfficerId, s.Pass))], trainer, ct);
            sessions++;
        }

        var certificates = new DemoCertificates(await Record(city, bureau, supervisors, ct), options.Issuer, seed);
        var reviewExamOn = new DateOnly(last, 11, 20);
        foreach (var step in plan.Certificates.Where(s => s.On <= reviewExamOn)) certificates.Apply(step);
        var sitters = certificates.HoldersOn(reviewExamOn).Order().Select(id => (id, !plan.FailsReviewExam.Contains(id))).ToList();
        await exams.Record($"{last}年度行政执法人员年审考试", Paper, ExamPurpose.AnnualReview, last, At(reviewExamOn, 9), sitters, trainer, ct,
            realistic: true);
        foreach (var step in plan.Certificates.Where(s => s.On > reviewExamOn)) certificates.Apply(step);

        await using (var session = store.OpenSession(new Actor("certofficer", [Roles.CertificateOfficer])))
        {
            foreach (var (id, events) in certificates.Streams) session.Events.StartStream<Certificate>(id, [.. events]);
            foreach (var (prefix, serial) in certificates.Serials) session.Store(new CertificateSerial { Id = prefix, Last = serial });
            await session.SaveChangesTranslated(ct);
        }
        var retiredOn = plan.Certificates.Single(s => s.OfficerId == plan.Retired && s.Step == CertificateStepKind.Cancel).On;
        await officers.Handle(new DeactivateOfficer(plan.Retired, retiredOn, "退休"), Actor.System, ct);

        var states = certificates.States.Values.Select(c => c.StatusOn(today)).ToList();
        return new DemoHistorySummary(supervisors.Count, sessions + 1, plan.Qualification.Count + sitters.Count,
            rounds.Sum(r => r.Count), rounds.Sum(r => r.Sum(s => s.Attendees.Count)), states.Count,
            certificates.States.Values.Count(c => c.InForceOn(today)), states.Count(s => s == CertificateStatus.Suspended),
            states.Count(s => s == CertificateStatus.Revoked), states.Count(s => s == CertificateStatus.Cancelled),
            states.Count(s => s == CertificateStatus.Replaced), states.Count(s => s == CertificateStatus.Expired), last,
            sitters.Count, sitters.Count(s => s.Item2));
    }

    /// <summary>Decides every session as the training command does, then writes each officer's credits of all the years as
    /// one stream start: appending session by session would read every officer's record back once per session.</summary>
    async Task WriteTraining(IReadOnlyList<RecordInPersonSession> sessions, Actor trainer, CancellationToken ct)
    {
        Dictionary<Guid, Officer> attendees;
        await using (var query = store.QuerySession())
            attendees = (await query.LoadManyAsync<Officer>(ct, sessions.SelectMany(s => s.Attendees).Distinct().ToArray()))
                .ToDictionary(o => o.Id);
        var decisions = sessions.Select(s => TrainingDecider.Decide(s, attendees, trainer.UserName)).ToList();
        await using (var session = store.OpenSession(trainer))
        {
            foreach (var decision in decisions) session.Events.StartStream<InPersonSession>(decision.Session.SessionId, decision.Session);
            await session.SaveChangesTranslated(ct);
        }
        foreach (var chunk in decisions.SelectMany(d => d.Credits).GroupBy(c => c.OfficerId).Chunk(100))
        {
            await using var session = store.OpenSession(trainer);
            foreach (var credits in chunk)
                session.Events.StartStream<TrainingRecord>(TrainingRecord.StreamIdFor(credits.Key), [.. credits.Cast<object>()]);
            await session.SaveChangesTranslated(ct);
        }
    }

    /// <summary>The officers, agencies, exam results, training records and policies the certificate steps look at.</summary>
    async Task<PastRecord> Record(DemoCityPlan city, RegisterAgency bureau, IReadOnlyList<RegisterOfficer> supervisors,
        CancellationToken ct)
    {
        var ids = city.Officers.Concat(supervisors).Select(o => o.OfficerId).ToArray();
        await using var session = store.QuerySession();
        var officerDocs = (await session.LoadManyAsync<Officer>(ct, ids)).ToDictionary(o => o.Id);
        var agencyDocs = (await session.LoadManyAsync<Agency>(ct, [.. city.Agencies.Select(a => a.AgencyId), bureau.AgencyId]))
            .ToDictionary(a => a.Id);
        var training = (await session.LoadManyAsync<TrainingRecord>(ct, ids.Select(TrainingRecord.StreamIdFor).ToArray()))
            .ToDictionary(r => r.OfficerId);
        var settings = await policies.All(ct);
        return new PastRecord(officerDocs, agencyDocs, await results.ForOfficers(ids, ct), training, settings.For);
    }

    static DateTimeOffset At(DateOnly day, int hour) => new(day.ToDateTime(new TimeOnly(hour, 0)), ChinaTime.Offset);
}
