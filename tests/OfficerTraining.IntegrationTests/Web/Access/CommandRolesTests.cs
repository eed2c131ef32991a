using System.Reflection;
using Marten;
using Microsoft.Extensions.DependencyInjection;
using OfficerTraining.Accounts;
using OfficerTraining.Agencies;
using OfficerTraining.Certificates;
using OfficerTraining.Courses;
using OfficerTraining.Exams;
using OfficerTraining.Infrastructure;
using OfficerTraining.IntegrationTests.Courses;
using OfficerTraining.IntegrationTests.Exams;
using OfficerTraining.IntegrationTests.Harness;
using OfficerTraining.Notifications;
using OfficerTraining.Officers;
using OfficerTraining.Officers.Photos;
using OfficerTraining.QuestionBank;
using OfficerTraining.QuestionBank.Import;
using OfficerTraining.Settings;
using OfficerTraining.Training;
using static OfficerTraining.Infrastructure.Roles;

namespace OfficerTraining.IntegrationTests.Web.Access;

/// <summary>
/// Every handler that takes an <see cref="Actor"/>, given by every role (and by an actor with none): the roles of its row
/// get past the role check, every other is refused with "NotAllowed" before anything is written. The commands name ids
/// that do not exist, so a role that gets through fails further on (not found) and the fixture's data stays as it is.
/// </summary>
[Collection(nameof(AccessApp))]
public class when_each_role_gives_each_command(AccessApp f)
{
    static Guid New => Guid.CreateVersion7();
    static readonly string[] Everyone = [Roles.Officer, Trainer, Reviewer, CertificateOfficer, Supervisor, Administrator];
    static readonly string[] Authors = [Trainer, Administrator];
    static readonly string[] CertificateOffice = [CertificateOfficer, Administrator];

    /// <summary>The one table: handler → the roles it is for → a command it is given.</summary>
    static readonly (string Handler, string[] Roles, Func<IServiceProvider, Actor, Task> Give)[] Commands =
    [
        ("AgencyCommands.Handle(RegisterAgency)", [Administrator], (s, a) => s.Get<AgencyCommands>().Handle(new RegisterAgency(New, "", "", AgencyLevel.Department, New, []), a)),
        ("AgencyCommands.Handle(EditAgency)", [Administrator], (s, a) => s.Get<AgencyCommands>().Handle(new EditAgency(New, "某局", [], "更名"), a)),
        ("AgencyCommands.Handle(MoveAgency)", [Administrator], (s, a) => s.Get<AgencyCommands>().Handle(new MoveAgency(New, null, "调整"), a)),
        ("AgencyCommands.Handle(DeactivateAgency)", [Administrator], (s, a) => s.Get<AgencyCommands>().Handle(new DeactivateAgency(New, "撤销"), a)),
        ("AgencyCommands.Handle(ReactivateAgency)", [Administrator], (s, a) => s.Get<AgencyCommands>().Handle(new ReactivateAgency(New, "恢复"), a)),

        ("OfficerCommands.Handle(RegisterOfficer)", [Administrator], (s, a) => s.Get<OfficerCommands>().Handle(
            new RegisterOfficer(New, "某人", New, "科员", [], EmploymentType.Established, Arrange.UniqueNationalId()), a)),
        ("OfficerCommands.Handle(EditOfficer)", [Administrator], (s, a) => s.Get<OfficerCommands>().Handle(new EditOfficer(New, "某人", "科员", [], EmploymentType.Established, "更正"), a)),
        ("OfficerCommands.Handle(TransferOfficer)", [Administrator], (s, a) => s.Get<OfficerCommands>().Handle(new TransferOfficer(New, New, default, "调动"), a)),
        ("OfficerCommands.Handle(DeactivateOfficer)", [Administrator], (s, a) => s.Get<OfficerCommands>().Handle(new DeactivateOfficer(New, default, "离职"), a)),
        ("OfficerCommands.Handle(ReactivateOfficer)", [Administrator], (s, a) => s.Get<OfficerCommands>().Handle(new ReactivateOfficer(New, default, "复职"), a)),
        ("OfficerPersonalData.Export(Guid)", [Administrator], (s, a) => s.Get<OfficerPersonalData>().Export(New, a)),
        ("OfficerPersonalData.Erase(EraseOfficerPersonalData)", [Administrator],
            (s, a) => s.Get<OfficerPersonalData>().Erase(new EraseOfficerPersonalData(New, "依本人申请删除"), a)),
        ("OfficerImport.Run(String)", [Administrator], (s, a) => s.Get<OfficerImport>().Run("officers.csv", new StringReader(""), a, dryRun: true)),
        ("OfficerPhotos.Upload(Guid)", CertificateOffice, (s, a) => s.Get<OfficerPhotos>().Upload(New, [1, 2, 3], "photo.png", "办证", a)),
        ("OfficerPhotos.Remove(Guid)", CertificateOffice, (s, a) => s.Get<OfficerPhotos>().Remove(New, "删除", a)),

        ("AccountCommands.Handle(CreateAccount)", [Administrator], (s, a) => s.Get<AccountCommands>().Handle(new CreateAccount(New, "x" + New.ToString("N")[..8], "某人", "Test@2026", [], null), a)),
        ("AccountCommands.Handle(SetAccountRoles)", [Administrator], (s, a) => s.Get<AccountCommands>().Handle(new SetAccountRoles(New, [Administrator]), a)),
        ("AccountCommands.Handle(ResetAccountPassword)", [Administrator], (s, a) => s.Get<AccountCommands>().Handle(new ResetAccountPassword(New, "Other@2026"), a)),
        ("AccountCommands.Handle(SetAccountDisabled)", [Administrator], (s, a) => s.Get<AccountCommands>().Handle(new SetAccountDisabled(New, true), a)),
        ("SettingsCommands.Handle(SetPolicy)", [Administrator], (s, a) => s.Get<SettingsCommands>().Handle(new SetPolicy(2000, Policy.Defaults, ""), a)),

        ("QuestionCommands.Handle(SaveQuestion)", Authors, (s, a) => s.Get<QuestionCommands>().Handle(new SaveQuestion("no such code!", null!, "", ""), a)),
        ("QuestionCommands.Handle(SubmitQuestion)", Authors, (s, a) => s.Get<QuestionCommands>().Handle(new SubmitQuestion("no such code!"), a)),
        ("QuestionCommands.Handle(ApproveQuestion)", [Reviewer], (s, a) => s.Get<QuestionCommands>().Handle(new ApproveQuestion("no such code!", 1), a)),
        ("QuestionCommands.Handle(RejectQuestion)", [Reviewer], (s, a) => s.Get<QuestionCommands>().Handle(new RejectQuestion("no such code!", 1, "不准确"), a)),
        ("QuestionCommands.Handle(RetireQuestion)", Authors, (s, a) => s.Get<QuestionCommands>().Handle(new RetireQuestion("no such code!", "过时"), a)),
        ("QuestionImport.Run(ParsedBank)", Authors, (s, a) => s.Get<QuestionImport>().Run(ExamFixture.Bank(), a, dryRun: true)),
        ("QuestionImport.Run(ParsedBank) approving as someone else", [Administrator], (s, a) =>
            s.Get<QuestionImport>().Run(ExamFixture.Bank(), a, dryRun: true, approveAs: "reviewer")),

        ("BlueprintCommands.Handle(SaveBlueprint)", Authors, (s, a) => s.Get<BlueprintCommands>().Handle(new SaveBlueprint(New, ExamFixture.Blueprint, ""), a)),
        ("BlueprintCommands.Handle(ArchiveBlueprint)", Authors, (s, a) => s.Get<BlueprintCommands>().Handle(new ArchiveBlueprint(New, "停用"), a)),
        ("ExamSessionCommands.Handle(ScheduleExamSession)", Authors, (s, a) => s.Get<ExamSessionCommands>().Handle(new ScheduleExamSession(New, "",
            ExamFixture.Blueprint, ExamPurpose.AnnualReview, 2026, DateTimeOffset.UtcNow, DateTimeOffset.UtcNow.AddDays(-1), Roster.All), a)),
        ("ExamSessionCommands.Handle(GrantExtraTime)", Authors, (s, a) => s.Get<ExamSessionCommands>().Handle(new GrantExtraTime(New, New, TimeSpan.FromMinutes(10), "视力"), a)),
        ("ExamSessionCommands.Handle(CancelExamSession)", Authors, (s, a) => s.Get<ExamSessionCommands>().Handle(new CancelExamSession(New, "取消"), a)),
        ("AttemptCommands.Start(Guid)", [Roles.Officer], (s, a) => s.Get<AttemptCommands>().Start(New, a.OfficerId ?? New, false, a)),
        ("AttemptCommands.Handle(SubmitAttempt)", [Roles.Officer], (s, a) => s.Get<AttemptCommands>().Handle(new SubmitAttempt(New), a)),
        ("AttemptCommands.Handle(FlagAnswer)", [Roles.Officer], (s, a) => s.Get<AttemptCommands>().Handle(new FlagAnswer(New, "1", true), a)),
        ("AttemptCommands.Handle(VoidAttempt)", [CertificateOfficer, Administrator], (s, a) => s.Get<AttemptCommands>().Handle(new VoidAttempt(New, "作弊"), a)),
        ("AnswerJournal.Save(RecordAnswer)", [Roles.Officer], async (s, a) =>
        {
            if (await s.Get<AnswerJournal>().Save(new RecordAnswer(New, "1", [0], 1), a) is { Status: AnswerSaveStatus.Refused } refused)
                throw new SaveRefused(refused.MessageKey);
        }),

        ("CourseCommands.Handle(DraftCourse)", Authors, (s, a) => s.Get<CourseCommands>().Handle(new DraftCourse("no such code!", CourseArrange.Content), a)),
        ("CourseCommands.Handle(ReviseCourse)", Authors, (s, a) => s.Get<CourseCommands>().Handle(new ReviseCourse(New, CourseArrange.Content), null, a)),
        ("CourseCommands.Handle(PublishCourse)", Authors, (s, a) => s.Get<CourseCommands>().Handle(new PublishCourse(New), null, a)),
        ("CourseCommands.Handle(RetireCourse)", Authors, (s, a) => s.Get<CourseCommands>().Handle(new RetireCourse(New, "停用"), a)),
        ("CourseStudy.Enrol(Guid)", [Roles.Officer], (s, a) => s.Get<CourseStudy>().Enrol(New, a)),
        ("CourseStudy.Record(StudyReport)", [Roles.Officer], (s, a) => s.Get<CourseStudy>().Record(new StudyReport(New, "L1", [], true), a)),
        ("CourseStudy.StartQuiz(Guid)", [Roles.Officer], (s, a) => s.Get<CourseStudy>().StartQuiz(New, a)),
        ("CourseStudy.Complete(Guid)", [Roles.Officer], (s, a) => s.Get<CourseStudy>().Complete(New, a)),
        ("StudyTracker.Beat(Guid)", [Roles.Officer], (s, a) => s.Get<StudyTracker>().Beat(New, "L1", "tab", true, true, false, TimeSpan.FromHours(1), a)),
        ("StudyTracker.Leave(String)", [Roles.Officer], (s, a) => s.Get<StudyTracker>().Leave("tab", a)),

        ("TrainingCommands.Handle(RecordInPersonSession)", Authors, (s, a) => s.Get<TrainingCommands>().Handle(
            new RecordInPersonSession(New, default, "", 0, TrainingCategory.PublicLaw, [New]), a)),
        ("InPersonAttendanceImport.Run(String)", Authors, (s, a) => s.Get<InPersonAttendanceImport>().Run("attendance.csv", new StringReader(""),
            new RecordInPersonSession(New, default, "", 0, TrainingCategory.PublicLaw, []), a, dryRun: true)),
        ("TrainingCommands.Handle(ProposeClassHoursAdjustment)", [Trainer], (s, a) => s.Get<TrainingCommands>().Handle(
            new ProposeClassHoursAdjustment(New, New, default, 1, TrainingCategory.PublicLaw, "补录"), a)),
        ("TrainingCommands.Handle(ApproveClassHoursAdjustment)", CertificateOffice, (s, a) => s.Get<TrainingCommands>().Handle(new ApproveClassHoursAdjustment(New), a)),
        ("TrainingCommands.Handle(RejectClassHoursAdjustment)", CertificateOffice, (s, a) => s.Get<TrainingCommands>().Handle(new RejectClassHoursAdjustment(New, "不符"), a)),

        ("CertificateCommands.Handle(IssueCertificate)", CertificateOffice, (s, a) => s.Get<CertificateCommands>().Handle(
            new IssueCertificate(New, New, CertificateKind.Enforcement, "申领", "第二十一条"), a)),
        ("CertificateCommands.IssueToAgency(Guid)", CertificateOffice, (s, a) => s.Get<CertificateCommands>().IssueToAgency(New, CertificateKind.Enforcement, "", "", true, a)),
        ("CertificateCommands.Handle(SuspendCertificate)", CertificateOffice, (s, a) => s.Get<CertificateCommands>().Handle(new SuspendCertificate(New, "调查", "第四十二条", null), a)),
        ("CertificateCommands.Handle(ReinstateCertificate)", CertificateOffice, (s, a) => s.Get<CertificateCommands>().Handle(new ReinstateCertificate(New, "恢复", "第四十二条"), a)),
        ("CertificateCommands.Handle(RevokeCertificate)", CertificateOffice, (s, a) => s.Get<CertificateCommands>().Handle(new RevokeCertificate(New, "吊销", "第四十五条"), a)),
        ("CertificateCommands.Handle(CancelCertificate)", CertificateOffice, (s, a) => s.Get<CertificateCommands>().Handle(
            new CancelCertificate(New, CancellationCause.Retired, "退休", "第四十三条"), a)),
        ("CertificateCommands.Handle(ReplaceCertificate)", CertificateOffice, (s, a) => s.Get<CertificateCommands>().Handle(
            new ReplaceCertificate(New, New, ReplacementCause.Lost, "遗失", "第三十条"), a)),
        ("CertificateCommands.Handle(RenewCertificate)", CertificateOffice, (s, a) => s.Get<CertificateCommands>().Handle(new RenewCertificate(New, New, "换证", "第三十一条"), a)),
        ("AnnualReviewRunner.Run(Int32)", CertificateOffice, (s, a) => s.Get<AnnualReviewRunner>().Run(3000, ReviewStage.Initial, true, a)),

        // Every signed-in user has reminders of their own.
        ("NotificationCenter.MarkRead(IReadOnlyList`1)", Everyone, (s, a) => s.Get<NotificationCenter>().MarkRead([], a)),
    ];

    /// <summary>Handlers that take an actor and are not in the table, and why.</summary>
    static readonly Dictionary<string, string> NotCommands = new()
    {
        ["NotificationCenter.For(Actor)"] = "a query: the actor's own reminders, by their roles; it writes nothing",
        ["DemoData.PublishStarterCourses(Actor)"] = "first-start seeding: drafts and publishes through CourseCommands, which check the trainer",
        ["PastExams.Record(String)"] = "writes past exams for the demo city's history and for tests; no page, endpoint or command line calls it",
    };

    static readonly string[] Askers = [.. Everyone, ""];

    public static TheoryData<string, string> Refused() =>
        Cells(Commands.SelectMany(c => Askers.Where(r => !c.Roles.Contains(r)).Select(r => (c.Handler, r))));

    public static TheoryData<string, string> Allowed() => Cells(Commands.SelectMany(c => c.Roles.Select(r => (c.Handler, r))));

    static TheoryData<string, string> Cells(IEnumerable<(string Handler, string Role)> cells)
    {
        var data = new TheoryData<string, string>();
        foreach (var (handler, role) in cells) data.Add(handler, role);
        return data;
    }

    [Theory, MemberData(nameof(Refused))]
    public async Task a_role_the_command_is_not_for_is_refused_and_nothing_is_appended(string handler, string role)
    {
        var before = await EventCount();

        var refusal = await Give(handler, role);

        KeyOf(refusal).Should().Be("NotAllowed", "{0} is not for {1}: {2}", handler, role == "" ? "an actor without a role" : role, refusal);
        (await EventCount()).Should().Be(before, "a refused command appends nothing");
    }

    [Theory, MemberData(nameof(Allowed))]
    public async Task a_role_the_command_is_for_gets_past_the_role_check(string handler, string role)
    {
        var outcome = await Give(handler, role);

        KeyOf(outcome).Should().NotBe("NotAllowed", "{0} is for {1}", handler, role);
    }

    [Fact]
    public void every_handler_that_takes_an_actor_has_a_row()
    {
        var handlers = typeof(Actor).Assembly.GetExportedTypes().Where(t => t != typeof(Actor))
            .SelectMany(t => t.GetMethods(BindingFlags.Public | BindingFlags.Instance | BindingFlags.DeclaredOnly))
            .Where(m => m.GetParameters().Any(p => p.ParameterType == typeof(Actor)))
            .Select(m => $"{m.DeclaringType!.Name}.{m.Name}({m.GetParameters()[0].ParameterType.Name})").Distinct();
        handlers.Except(Commands.Select(c => c.Handler.Split(") ")[0].TrimEnd(')') + ")")).Except(NotCommands.Keys)
            .Should().BeEmpty("every command handler says which roles it is for, in the table above");
    }

    async Task<Exception?> Give(string handler, string role)
    {
        var actor = role == "" ? new Actor("nobody", []) : new Actor(role.ToLowerInvariant(), [role], role == Roles.Officer ? f.App.OfficerId : null);
        await using var scope = f.App.Services.CreateAsyncScope();
        try
        {
            await Commands.Single(c => c.Handler == handler).Give(scope.ServiceProvider, actor);
            return null;
        }
        catch (Exception e)
        {
            return e;
        }
    }

    static string? KeyOf(Exception? e) => e switch { DomainException d => d.Key, SaveRefused s => s.Key, _ => null };

    async Task<long> EventCount()
    {
        await using var session = f.Get<IDocumentStore>().QuerySession();
        return await session.Events.QueryAllRawEvents().LongCountAsync();
    }

    sealed class SaveRefused(string? key) : Exception($"Answer refused: {key}")
    {
        public string? Key { get; } = key;
    }
}

static class ServiceProviderExtensions
{
    public static T Get<T>(this IServiceProvider services) where T : notnull => services.GetRequiredService<T>();
}
