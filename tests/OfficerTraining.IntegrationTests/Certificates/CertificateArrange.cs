using OfficerTraining.Demo;
using OfficerTraining.Exams;
using OfficerTraining.Infrastructure;
using OfficerTraining.IntegrationTests.Exams;
using OfficerTraining.Training;

namespace OfficerTraining.IntegrationTests.Certificates;

/// <summary>The exam fixture with 300 officers, for the annual review over hundreds of certificates.</summary>
public sealed class LargeDepartmentFixture : ExamFixture
{
    protected override int DepartmentSize => 300;
}

static class CertificateArrange
{
    public static readonly Actor CertificateOfficer = new("certofficer", [Roles.CertificateOfficer]);

    /// <summary>The officers pass both parts of the qualification exam (a month before the fixture's now) and earn the
    /// year's 60 class hours in three in-person sessions.</summary>
    public static async Task Qualify(ExamFixture f, IReadOnlyList<int> officers)
    {
        var at = f.Clock.GetUtcNow().AddDays(-30);
        await Exam(f, officers.Select(i => (i, true)).ToList(), ExamPurpose.QualificationPublic, null, at);
        await Exam(f, officers.Select(i => (i, true)).ToList(), ExamPurpose.QualificationProfessional, null, at.AddDays(1));
        await Hours(f, officers, 60, ChinaTime.DateOf(at));
    }

    /// <summary>A past session of the purpose that the listed officers sat, passing or failing as given.</summary>
    public static Task<Guid> Exam(ExamFixture f, IReadOnlyList<(int Officer, bool Pass)> sitters, ExamPurpose purpose, int? year,
        DateTimeOffset opens) =>
        f.Get<PastExams>().Record($"{purpose} {year}", ExamFixture.Blueprint, purpose, year, opens,
            [.. sitters.Select(s => (f.Officers[s.Officer], s.Pass))], ExamFixture.Trainer);

    /// <summary>In-person sessions of at most 20 hours each until the officers have <paramref name="hours"/> more.</summary>
    public static async Task Hours(ExamFixture f, IReadOnlyList<int> officers, decimal hours, DateOnly on)
    {
        if (officers.Count == 0) return;
        for (var left = hours; left > 0; left -= 20)
            await f.Get<TrainingCommands>().Handle(new RecordInPersonSession(Guid.CreateVersion7(), on, "执法业务培训", Math.Min(20, left),
                TrainingCategory.PublicLaw, [.. officers.Select(i => f.Officers[i])]), ExamFixture.Trainer);
    }
}
