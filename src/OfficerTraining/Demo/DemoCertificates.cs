using OfficerTraining.Agencies;
using OfficerTraining.Certificates;
using OfficerTraining.Exams;
using OfficerTraining.Infrastructure;
using OfficerTraining.Officers;
using OfficerTraining.Settings;
using OfficerTraining.Training;

namespace OfficerTraining.Demo;

/// <summary>What the officers' record held on the day of a past decision: the exam results and training record as
/// stored, and the year's policy.</summary>
internal sealed record PastRecord(
    IReadOnlyDictionary<Guid, Officer> Officers, IReadOnlyDictionary<Guid, Agency> Agencies,
    IReadOnlyDictionary<Guid, IReadOnlyList<ExamResult>> Exams, IReadOnlyDictionary<Guid, TrainingRecord> Training,
    Func<int, Policy> Policy);

/// <summary>
/// Decides the certificates' past with <see cref="CertificateDecider"/>, step by step in date order, each on its own day:
/// the officer's eligibility is checked as it stood then (exams closed before, hours studied by then or the year before),
/// numbers count up per agency and year as live issues do, and the states are kept so later steps see earlier ones.
/// </summary>
internal sealed class DemoCertificates(PastRecord record, string issuer, int seed)
{
    public Dictionary<Guid, List<object>> Streams { get; } = [];
    public Dictionary<Guid, Certificate> States { get; } = [];
    public Dictionary<string, int> Serials { get; } = [];
    readonly Dictionary<Guid, List<Guid>> byOfficer = [];

    /// <summary>The officers holding a card in force at the end of <paramref name="date"/>.</summary>
    public HashSet<Guid> HoldersOn(DateOnly date) =>
        [.. States.Values.Where(c => c.InForceOn(date)).Select(c => c.Holder.OfficerId)];

    public void Apply(CertificateStep s)
    {
        var policy = record.Policy(s.On.Year);
        if (s.Step == CertificateStepKind.Issue)
        {
            var officer = record.Officers[s.OfficerId];
            var check = Eligibility.Check(s.Kind, Standing(officer, s.On, policy), policy, s.On);
            var (reason, basis) = s.Kind == CertificateKind.Enforcement
                ? ("经公共法律知识、专业法律知识培训并考试合格，申领行政执法证", "《河南省行政执法条例》第二十条、第二十一条")
                : ("经公共法律知识培训并考试合格，申领行政执法监督证", "《河南省行政执法条例》第二十一条");
            var command = new IssueCertificate(NewId(s.OfficerId), s.OfficerId, s.Kind, reason, basis);
            Start(CertificateDecider.Issue(command, check, Card(officer, s.On, policy), policy, s.On));
            return;
        }
        var current = States[byOfficer[s.OfficerId][^1]];
        switch (s.Step)
        {
            case CertificateStepKind.Suspend:
                Append(CertificateDecider.Suspend(new SuspendCertificate(current.Id, s.Reason, s.LegalBasis, s.Until), current, s.On));
                break;
            case CertificateStepKind.Revoke:
                Append(CertificateDecider.Revoke(new RevokeCertificate(current.Id, s.Reason, s.LegalBasis), current, policy, s.On));
                break;
            case CertificateStepKind.Cancel:
                Append(CertificateDecider.Cancel(new CancelCertificate(current.Id, s.Cause, s.Reason, s.LegalBasis), current, s.On));
                break;
            case CertificateStepKind.Replace:
                var (old, successor) = CertificateDecider.Replace(
                    new ReplaceCertificate(current.Id, NewId(s.OfficerId), ReplacementCause.Lost, s.Reason, s.LegalBasis),
                    current, Card(record.Officers[s.OfficerId], s.On, policy), s.On);
                Append(old);
                Start(successor);
                break;
        }
    }

    OfficerStanding Standing(Officer officer, DateOnly on, Policy policy)
    {
        var exams = record.Exams.GetValueOrDefault(officer.Id) ?? [];
        var training = record.Training.GetValueOrDefault(officer.Id);
        AnnualLedger Ledger(int year, DateOnly until) => AnnualLedger.Fold(officer.Id, year, policy.RequiredClassHours,
            (training?.Credits ?? []).Where(c => !c.Withdrawn && c.StudiedOn <= until).Select(c => (object)new ClassHoursCredited(
                officer.Id, c.CreditId, c.StudiedOn, c.Hours, c.Category, c.Source, c.SourceId, c.Description)));
        return new OfficerStanding(officer, [.. exams.Where(e => ChinaTime.DateOf(e.ClosedAt) < on)],
            Ledger(on.Year, on), Ledger(on.Year - 1, on),
            [.. byOfficer.GetValueOrDefault(officer.Id, []).Select(id => States[id])]);
    }

    /// <summary>The next number of the officer's agency for the year, as <c>CertificateCommands</c> numbers a live issue.</summary>
    NewCard Card(Officer officer, DateOnly on, Policy policy)
    {
        var agency = record.Agencies[officer.AgencyId];
        var prefix = CertificateNumbers.Prefix(policy.CertificateNumberPattern, agency.Code, on.Year);
        var serial = Serials[prefix] = Serials.GetValueOrDefault(prefix) + 1;
        return new NewCard(CertificateNumbers.Format(policy.CertificateNumberPattern, agency.Code, on.Year, serial),
            CertificateNumbers.NewToken(), new CertificateHolder(officer.Id, officer.Name, agency.Id, agency.Name, officer.Domains),
            issuer);
    }

    Guid NewId(Guid officerId) =>
        NameBasedId.For($"officer-training/demo/{seed}/certificate/{officerId:N}/{byOfficer.GetValueOrDefault(officerId, []).Count}");

    void Start(CertificateIssued e)
    {
        Streams[e.CertificateId] = [e];
        States[e.CertificateId] = Certificate.Create(e);
        if (!byOfficer.TryGetValue(e.Holder.OfficerId, out var ids)) byOfficer[e.Holder.OfficerId] = ids = [];
        ids.Add(e.CertificateId);
    }

    void Append(object e)
    {
        var id = e switch
        {
            CertificateSuspended x => x.CertificateId, CertificateRevoked x => x.CertificateId,
            CertificateCancelled x => x.CertificateId, CertificateReplaced x => x.CertificateId,
            _ => throw new ArgumentException(e.GetType().Name),
        };
        Streams[id].Add(e);
        States[id] = e switch
        {
            CertificateSuspended x => Certificate.Apply(x, States[id]), CertificateRevoked x => Certificate.Apply(x, States[id]),
            CertificateCancelled x => Certificate.Apply(x, States[id]), CertificateReplaced x => Certificate.Apply(x, States[id]),
            _ => States[id],
        };
    }
}
