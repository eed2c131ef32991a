using Bogus;
using OfficerTraining.Agencies;
using OfficerTraining.Certificates;
using OfficerTraining.Exams;
using OfficerTraining.Infrastructure;
using OfficerTraining.Officers;

namespace OfficerTraining.Demo;

public enum CertificateStepKind { Issue, Suspend, Revoke, Cancel, Replace }

/// <summary>One dated step of the certificates' past: a card issued to an officer, or a change to the officer's card.</summary>
public sealed record CertificateStep(
    DateOnly On, Guid OfficerId, CertificateStepKind Step, CertificateKind Kind = CertificateKind.Enforcement, string Reason = "",
    string LegalBasis = "", DateOnly? Until = null, CancellationCause Cause = CancellationCause.LeftPost);

/// <summary>An officer sat a part of the qualification exam in a year, and passed or failed.</summary>
public sealed record Sitting(Guid OfficerId, int Year, ExamPurpose Part, bool Pass);

/// <summary>What the demo city's past holds, decided from the seed and today's date alone (the writer turns it into
/// events through the deciders).</summary>
/// <param name="FailsReviewExam">Who would fail last year's annual review exam if they sat it (about one in ten).</param>
/// <param name="ShortLastYear">Who missed some of last year's training (about one in ten, 40–54 h).</param>
public sealed record DemoHistoryPlan(
    IReadOnlyList<Sitting> Qualification, IReadOnlyList<CertificateStep> Certificates, IReadOnlySet<Guid> FailsReviewExam,
    IReadOnlySet<Guid> ShortLastYear, Guid Retired);

/// <summary>
/// Plans the past: every established officer qualified (both parts) in one of the last six years, one in sixteen after
/// failing a part once and passing it the next year; most were issued a certificate some months after; the demo officer
/// qualified last year and holds none, so the certificate officer can issue it live. Supervisors sat the public part.
/// </summary>
public static class DemoHistoryPlanner
{
    static readonly ExamPurpose[] Parts = [ExamPurpose.QualificationPublic, ExamPurpose.QualificationProfessional];
    static readonly float[] QualifiedIn = [0.10f, 0.13f, 0.14f, 0.15f, 0.20f, 0.28f]; // the six years up to last year

    const string Article42 = "《河南省行政执法条例》第四十二条第（六）项";
    const string CardRules = "《河南省行政执法证件管理办法》";

    public static DemoHistoryPlan Plan(DemoCityPlan city, IReadOnlyList<RegisterOfficer> supervisors, int seed, DateOnly today)
    {
        var faker = new Faker("zh_CN") { Random = new Randomizer(seed * 7 + 3) };
        int last = today.Year - 1, first = last - 5;
        var demoOfficer = city.Accounts.Single(a => a.Role == Roles.Officer).OfficerId;
        var sittings = new List<Sitting>();
        var steps = new List<CertificateStep>();
        var holders = new List<(RegisterOfficer Officer, DateOnly IssuedOn)>();
        foreach (var o in city.Officers.Where(o => o.EmploymentType == EmploymentType.Established))
        {
            var demo = o.OfficerId == demoOfficer;
            var year = demo ? last : faker.Random.WeightedRandom(Enumerable.Range(first, 6).ToArray(), QualifiedIn);
            ExamPurpose? failed = !demo && year < last && faker.Random.Bool(0.065f) ? faker.PickRandom(Parts) : null;
            sittings.AddRange(Parts.Select(part => new Sitting(o.OfficerId, year, part, part != failed)));
            if (failed is { } again) sittings.Add(new Sitting(o.OfficerId, year + 1, again, true));
            var passed = failed is null ? year : year + 1;
            if (demo || passed == last && !faker.Random.Bool(0.45f)) continue;
            var on = IssueDate(faker, passed, first, last);
            steps.Add(new CertificateStep(on, o.OfficerId, CertificateStepKind.Issue));
            holders.Add((o, on));
        }
        for (var i = 0; i < supervisors.Count; i++)
        {
            var invited = supervisors[i].EmploymentType == EmploymentType.InvitedSupervisor;
            sittings.Add(new Sitting(supervisors[i].OfficerId, invited ? last : first + 1, ExamPurpose.QualificationPublic, true));
            var on = invited ? new DateOnly(last, 11, 12) : new DateOnly(first + 2, 3, 10).AddDays(faker.Random.Int(0, 30));
            steps.Add(new CertificateStep(on, supervisors[i].OfficerId, CertificateStepKind.Issue, CertificateKind.Supervision));
        }
        steps.AddRange(Changes(faker, holders, first, last, today, out var retired));

        var shortLastYear = city.Officers.Where(o => o.OfficerId != demoOfficer && faker.Random.Bool(0.1f)).Select(o => o.OfficerId).ToHashSet();
        var failsExam = city.Officers.Concat(supervisors).Where(_ => faker.Random.Bool(0.1f)).Select(o => o.OfficerId).ToHashSet();
        return new DemoHistoryPlan(sittings, [.. steps.OrderBy(s => s.On).ThenBy(s => s.Step)], failsExam, shortLastYear, retired);
    }

    /// <summary>Some months after passing; the first two years' cards at the end of the second year (five years on they
    /// come up for renewal now, a few have just expired); last year's before its annual review exam.</summary>
    static DateOnly IssueDate(Faker faker, int passed, int first, int last) => passed <= first + 1
        ? new DateOnly(first + 1, 11, 25).AddDays(faker.Random.Int(0, 33))
        : Min(new DateOnly(passed, 5, 20).AddDays(faker.Random.Int(45, 200)), new DateOnly(passed, passed == last ? 11 : 12, passed == last ? 10 : 20));

    /// <summary>A little history on cards of middle age (neither expiring nor new): one replaced after loss, one
    /// suspended and then revoked, one cancelled on leaving the post, the oldest holder's cancelled on retiring, and
    /// three suspended this year at a supervisor's request.</summary>
    static IEnumerable<CertificateStep> Changes(Faker faker, List<(RegisterOfficer Officer, DateOnly IssuedOn)> holders,
        int first, int last, DateOnly today, out Guid retired)
    {
        var pool = faker.Random.Shuffle(holders.Where(h => h.IssuedOn.Year >= first + 2 && h.IssuedOn.Year <= last - 2)).ToList();
        var oldest = pool.MinBy(h => h.Officer.NationalId.BirthDate);
        pool.Remove(oldest);
        retired = oldest.Officer.OfficerId;
        var id = pool.Select(h => h.Officer.OfficerId).ToList();
        DateOnly ThisYear(int month, int day) => Min(new DateOnly(today.Year, month, day), today.AddDays(-1));
        return
        [
            new(new DateOnly(last - 1, 8, 15), id[0], CertificateStepKind.Replace, Reason: "执法证件遗失，已登报声明作废，申请补发",
                LegalBasis: CardRules),
            new(new DateOnly(last, 6, 10), id[1], CertificateStepKind.Suspend, Reason: "群众举报其在执法中滥用职权，立案调查期间暂扣",
                LegalBasis: Article42),
            new(new DateOnly(last, 8, 20), id[1], CertificateStepKind.Revoke, Reason: "经调查，在执法中滥用职权，情节严重，取消行政执法资格",
                LegalBasis: "《河南省行政执法条例》第四十五条第（五）项"),
            new(new DateOnly(last, 10, 9), id[2], CertificateStepKind.Cancel, Reason: "调离行政执法岗位", LegalBasis: CardRules,
                Cause: CancellationCause.LeftPost),
            new(ThisYear(1, 31), retired, CertificateStepKind.Cancel, Reason: "办理退休手续", LegalBasis: CardRules,
                Cause: CancellationCause.Retired),
            new(ThisYear(3, 20), id[3], CertificateStepKind.Suspend, Reason: "执法监督检查发现其在现场检查中未出示行政执法证",
                LegalBasis: Article42, Until: ThisYear(3, 20).AddDays(365)),
            new(ThisYear(6, 18), id[4], CertificateStepKind.Suspend, Reason: "群众投诉其执法中态度粗暴、有不文明行为，核查期间暂扣",
                LegalBasis: Article42),
            new(ThisYear(9, 9), id[5], CertificateStepKind.Suspend, Reason: "涉嫌违反法定程序实施行政处罚，停职接受调查",
                LegalBasis: Article42),
        ];
    }

    static DateOnly Min(DateOnly a, DateOnly b) => a < b ? a : b;

    /// <summary>Who attends a department's sessions in a year: its officers (the retired one not this year); the
    /// bureau's invited supervisors since they were appointed last year.</summary>
    public static Func<int, Guid, IReadOnlyList<Guid>> Staff(DemoCityPlan city, IReadOnlyList<RegisterOfficer> supervisors,
        DemoHistoryPlan plan, DateOnly today)
    {
        var byAgency = city.Officers.Concat(supervisors).ToLookup(o => o.AgencyId);
        return (year, agencyId) => [.. byAgency[agencyId]
            .Where(o => o.EmploymentType != EmploymentType.InvitedSupervisor || year >= today.Year - 1)
            .Where(o => year < today.Year || o.OfficerId != plan.Retired)
            .Select(o => o.OfficerId)];
    }
}
