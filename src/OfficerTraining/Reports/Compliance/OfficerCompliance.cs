using OfficerTraining.Agencies;
using OfficerTraining.Certificates;
using OfficerTraining.Exams;
using OfficerTraining.Officers;

namespace OfficerTraining.Reports.Compliance;

/// <summary>A certificate as the dashboards count it.</summary>
public sealed record ComplianceCertificate(string Number, CertificateKind Kind, DateOnly ValidUntil, CertificateStatus Status, DateOnly? SuspendedUntil)
{
    /// <summary>As <see cref="Certificate.StatusOn"/>.</summary>
    public CertificateStatus StatusOn(DateOnly date) => Certificate.StatusOn(Status, ValidUntil, SuspendedUntil, date);
}

/// <summary>A credit as the dashboards count it: the year it counts for and its hours.</summary>
public sealed record ComplianceCredit(int Year, decimal Hours);

/// <summary>An exam attempt as the dashboards count it: its purpose and year, and whether it passed once graded.</summary>
public sealed record ComplianceAttempt(ExamPurpose Purpose, int? Year, DateOnly StartedOn, bool? Passed);

/// <summary>
/// One officer's compliance, across their record, training credits, exam attempts and certificates: the read model of
/// the dashboards, kept by an async projection (<see cref="ComplianceProjection"/>) so reports never slow down a command.
/// </summary>
public sealed class OfficerCompliance
{
    public Guid Id { get; set; }
    public string Name { get; set; } = "";
    public Guid AgencyId { get; set; }
    public List<EnforcementDomain> Domains { get; set; } = [];
    public EmploymentType EmploymentType { get; set; }
    public bool Active { get; set; }

    /// <summary>Each credit's year and hours by credit id (recorded twice is once; a withdrawn credit is removed).</summary>
    public Dictionary<Guid, ComplianceCredit> Credits { get; set; } = [];
    public Dictionary<Guid, ComplianceAttempt> Attempts { get; set; } = [];
    public Dictionary<Guid, ComplianceCertificate> Certificates { get; set; } = [];

    public decimal HoursIn(int year) => Credits.Values.Where(c => c.Year == year).Sum(c => c.Hours);

    /// <summary>The year's annual review exam and its make-up: what the dashboard counts as sitting the review.</summary>
    public IEnumerable<ComplianceAttempt> ReviewAttemptsIn(int year) =>
        Attempts.Values.Where(a => a.Year == year && a.Purpose is ExamPurpose.AnnualReview or ExamPurpose.MakeUp);
}
