using System.Collections.Concurrent;
using Marten;
using Microsoft.Extensions.DependencyInjection;
using OfficerTraining.Accounts;
using OfficerTraining.Certificates;
using OfficerTraining.Courses;
using OfficerTraining.Demo;
using OfficerTraining.Exams;
using OfficerTraining.Infrastructure;
using OfficerTraining.IntegrationTests.Courses;
using OfficerTraining.IntegrationTests.Exams;
using OfficerTraining.IntegrationTests.Harness;
using OfficerTraining.IntegrationTests.Officers;
using OfficerTraining.Officers;
using OfficerTraining.Officers.Photos;
using OfficerTraining.QuestionBank;
using OfficerTraining.QuestionBank.Import;
using OfficerTraining.Training;
using OfficerTraining.Web.Features.Certificates.Verification;
using SkiaSharp;

namespace OfficerTraining.IntegrationTests.Web.Access;

/// <summary>What one officer holds, so that every route with an id has a real one to open.</summary>
/// <param name="NationalId">Kept for the colleague only (the harness does not keep the app officer's).</param>
public sealed record Holdings(Guid OfficerId, NationalIdNumber? NationalId, Certificate Certificate, Guid AttemptId, Guid EnrolmentId);

/// <summary>
/// The app on a schema of its own with one of everything a route can name: an approved bank, a saved blueprint, an exam
/// session open now, a published course. The app's officer (account "officer") and a colleague, 王芳 (no account), each
/// have a photo, a certificate, an attempt in progress and an enrolment. The verification limit is lifted: the matrix
/// asks every role for /verify.
/// </summary>
public sealed class AccessApp : IAsyncLifetime
{
    static readonly Actor Admin = new("administrator", [Roles.Administrator]);
    static readonly Actor CertificateOfficer = new("certificateofficer", [Roles.CertificateOfficer]);

    public AppFactory App { get; } = new() { Settings = { [VerificationRateLimit.PermitSetting] = "100000" } };
    public Holdings Mine { get; private set; } = null!;
    public Holdings Colleague { get; private set; } = null!;
    public Guid BlueprintId { get; } = Guid.CreateVersion7();
    public Guid SessionId { get; } = Guid.CreateVersion7();
    public Course Course { get; private set; } = null!;
    public string QuestionCode { get; private set; } = "";
    readonly ConcurrentDictionary<string, Task<HttpClient>> _clients = new();

    public T Get<T>() where T : notnull => App.Services.GetRequiredService<T>();

    /// <summary>A signed-in client per account, kept for the fixture's life ("" is anonymous).</summary>
    public Task<HttpClient> As(string userName) =>
        _clients.GetOrAdd(userName, u => u == "" ? Task.FromResult(App.Client()) : App.SignedIn(u));

    public async ValueTask InitializeAsync()
    {
        await App.InitializeAsync();
        (await Get<QuestionImport>().Run(ExamFixture.Bank(), Admin, approveAs: "reviewer")).Approved.Should().Be(SmallBank.Size);
        Get<ApprovedPool>().Invalidate();
        await using (var session = Get<IDocumentStore>().QuerySession())
            QuestionCode = (await session.Query<Question>().FirstAsync()).Code;
        await Get<BlueprintCommands>().Handle(new SaveBlueprint(BlueprintId, ExamFixture.Blueprint, "年审试卷"), ExamFixture.Trainer);
        var now = Get<TimeProvider>().GetUtcNow();
        await Get<ExamSessionCommands>().Handle(new ScheduleExamSession(SessionId, "2026年度年审考试", ExamFixture.Blueprint,
            ExamPurpose.AnnualReview, 2026, now.AddMinutes(-1), now.AddDays(1), Roster.All), ExamFixture.Trainer);
        var courseId = await Get<CourseCommands>().Handle(new DraftCourse("KC-ACL", CourseArrange.Content), ExamFixture.Trainer);
        await Get<CourseCommands>().Handle(new PublishCourse(courseId), null, ExamFixture.Trainer);
        Course = (await Get<CourseCatalogue>().Get(courseId))!;

        Mine = await Hold(App.OfficerId, "officer", null);
        await using (var session = Get<IDocumentStore>().QuerySession())
        {
            var agencyId = (await session.LoadAsync<Officer>(App.OfficerId))!.AgencyId;
            var colleague = new RegisterOfficer(Guid.CreateVersion7(), "王芳", agencyId, "执法队员",
                [OfficerTraining.Agencies.EnforcementDomain.UrbanManagement], EmploymentType.Established, Arrange.UniqueNationalId());
            await Get<OfficerCommands>().Handle(colleague, Actor.System);
            Colleague = await Hold(colleague.OfficerId, "wangfang", colleague.NationalId);
        }
    }

    /// <summary>Photo, qualification, hours, certificate, an attempt in progress and an enrolment for the officer.</summary>
    async Task<Holdings> Hold(Guid officerId, string userName, NationalIdNumber? nationalId)
    {
        await Get<OfficerPhotos>().Upload(officerId, TestPhoto.Png(SKColors.Teal), "photo.png", "办理执法证", CertificateOfficer);
        var at = Get<TimeProvider>().GetUtcNow().AddDays(-30);
        foreach (var purpose in new[] { ExamPurpose.QualificationPublic, ExamPurpose.QualificationProfessional })
            await Get<PastExams>().Record($"{purpose}", ExamFixture.Blueprint, purpose, null, at, [(officerId, true)], Admin);
        for (var i = 0; i < 3; i++)
            await Get<TrainingCommands>().Handle(new RecordInPersonSession(Guid.CreateVersion7(), ChinaTime.DateOf(at), "执法业务培训", 20,
                TrainingCategory.PublicLaw, [officerId]), ExamFixture.Trainer);
        var number = await Get<CertificateCommands>().Handle(new IssueCertificate(Guid.CreateVersion7(), officerId,
            CertificateKind.Enforcement, "首次申领", "《河南省行政执法条例》第二十一条"), CertificateOfficer);
        var officer = new Actor(userName, [Roles.Officer], officerId);
        var attemptId = await Get<AttemptCommands>().Start(SessionId, officerId, false, officer);
        var enrolmentId = await Get<CourseStudy>().Enrol(Course.Id, officer);
        return new Holdings(officerId, nationalId, (await Get<CertificateRegister>().ByNumber(number))!, attemptId, enrolmentId);
    }

    /// <summary>The app's officer as a command handler sees them (the account "officer").</summary>
    public Actor Officer => new("officer", [Roles.Officer], App.OfficerId);

    public async ValueTask DisposeAsync()
    {
        foreach (var client in _clients.Values) (await client).Dispose();
        await App.DisposeAsync();
    }
}

[CollectionDefinition(nameof(AccessApp))]
public sealed class AccessCollection : ICollectionFixture<AccessApp>;
