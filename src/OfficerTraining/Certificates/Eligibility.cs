using System.Globalization;
using OfficerTraining.Exams;
using OfficerTraining.Officers;
using OfficerTraining.Settings;
using OfficerTraining.Training;

namespace OfficerTraining.Certificates;

/// <summary>One condition of issue, met or not, with what the message names (dates, hours).</summary>
/// <param name="Key">A Messages key under "Eligibility." (the message says what is required and how it stands).</param>
public sealed record Requirement(string Key, bool Met, IReadOnlyList<string> Args);

public sealed record EligibilityCheck(CertificateKind Kind, IReadOnlyList<Requirement> Requirements)
{
    public bool Eligible => Requirements.All(r => r.Met);

    public IReadOnlyList<Requirement> Missing => [.. Requirements.Where(r => !r.Met)];
}

/// <summary>What an officer's record shows about the conditions of issue, read by the handler and passed in.</summary>
/// <param name="Exams">The officer's graded, not voided exam results.</param>
/// <param name="ThisYear">The ledger of the year of issue; <paramref name="LastYear"/> the year before.</param>
/// <param name="Certificates">Every certificate the officer has held, any kind and state.</param>
public sealed record OfficerStanding(
    Officer Officer, IReadOnlyList<ExamResult> Exams, AnnualLedger ThisYear, AnnualLedger LastYear, IReadOnlyList<Certificate> Certificates);

/// <summary>
/// Who may be issued a certificate (河南省行政执法条例 Art. 20–21), every condition checked and reported, so the
/// certificate officer sees exactly what is missing: serving; an established post (enforcement) or a supervisor's post,
/// invited supervisors included (supervision); 18 or older; the qualification exam passed within its validity (both the
/// public and the professional part for enforcement, the public part for supervision); the year's required class hours
/// met this year or last; no certificate of the kind still in force; no re-application ban from a revocation.
/// </summary>
public static class Eligibility
{
    public static EligibilityCheck Check(CertificateKind kind, OfficerStanding s, Policy policy, DateOnly today)
    {
        var o = s.Officer;
        var age = today.Year - o.BirthDate.Year - (today < o.BirthDate.AddYears(today.Year - o.BirthDate.Year) ? 1 : 0);
        var since = today.AddYears(-policy.QualificationValidityYears);
        Requirement Passed(ExamPurpose part)
        {
            var last = s.Exams.Where(r => r.Passed && r.Purpose == part).Select(r => Infrastructure.ChinaTime.DateOf(r.ClosedAt))
                .DefaultIfEmpty().Max();
            return new($"Eligibility.{part}", last != default && last >= since,
                [last == default ? "—" : Date(last), policy.QualificationValidityYears.ToString(CultureInfo.InvariantCulture)]);
        }
        var hours = s.ThisYear.Met ? s.ThisYear : s.LastYear.Met ? s.LastYear : s.ThisYear;
        var inForce = s.Certificates.FirstOrDefault(c => c.Kind == kind && c.InForceOn(today) || c.Kind == kind && c.StatusOn(today) == CertificateStatus.Suspended);
        var ban = s.Certificates.Where(c => c.BannedUntil is { } b && b >= today).Select(c => c.BannedUntil!.Value).DefaultIfEmpty().Max();
        List<Requirement> requirements =
        [
            new("Eligibility.Active", o.Active, []),
            new(kind == CertificateKind.Enforcement ? "Eligibility.EstablishedPost" : "Eligibility.SupervisorPost", MayHold(kind, o.EmploymentType), []),
            new("Eligibility.Adult", age >= 18, [age.ToString(CultureInfo.InvariantCulture)]),
            Passed(ExamPurpose.QualificationPublic),
        ];
        if (kind == CertificateKind.Enforcement) requirements.Add(Passed(ExamPurpose.QualificationProfessional));
        requirements.Add(new("Eligibility.TrainingHours", hours.Met,
            [hours.Year.ToString(CultureInfo.InvariantCulture), Hours(hours.Total), Hours(hours.Required)]));
        requirements.Add(new("Eligibility.NoneInForce", inForce is null, [inForce?.Number ?? "—"]));
        requirements.Add(new("Eligibility.NotBanned", ban == default, [ban == default ? "—" : Date(ban)]));
        return new(kind, requirements);
    }

    /// <summary>Art. 20: contract, auxiliary and temporary staff never hold an enforcement certificate; supervision
    /// certificates also go to invited supervisors from outside government.</summary>
    public static bool MayHold(CertificateKind kind, EmploymentType type) => kind == CertificateKind.Enforcement
        ? type == EmploymentType.Established
        : type is EmploymentType.Established or EmploymentType.InvitedSupervisor;

    static string Date(DateOnly d) => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    static string Hours(decimal h) => h.ToString("0.#", CultureInfo.InvariantCulture);
}
