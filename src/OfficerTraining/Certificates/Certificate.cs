using JasperFx.Events.Aggregation;
using OfficerTraining.Agencies;

namespace OfficerTraining.Certificates;

/// <summary>行政执法证 for officers; 行政执法监督证 for supervisors (government staff and invited supervisors).</summary>
public enum CertificateKind { Enforcement, Supervision }

/// <summary>As recorded. Expiry and the end of a dated suspension happen by themselves: see <see cref="Certificate.StatusOn"/>.</summary>
public enum CertificateStatus { Valid, Suspended, Revoked, Cancelled, Expired, Replaced, Renewed }

/// <summary>Why a certificate was cancelled (注销).</summary>
public enum CancellationCause { LeftPost, Retired, Transferred, Deceased }

/// <summary>Why a certificate was replaced under a new number (遗失补发 / 损毁换发).</summary>
public enum ReplacementCause { Lost, Damaged }

/// <summary>What the card says about its holder, copied at issue: a later transfer does not rewrite an issued card.</summary>
public sealed record CertificateHolder(Guid OfficerId, string Name, Guid AgencyId, string AgencyName, IReadOnlyList<EnforcementDomain> Domains);

/// <param name="Token">The unguessable token of the card's QR code (≥ 128 random bits); the public page looks it up.</param>
/// <param name="Predecessor">The certificate this one replaces or renews, if any.</param>
public sealed record CertificateIssued(
    Guid CertificateId, string Number, CertificateKind Kind, CertificateHolder Holder, DateOnly ValidFrom, DateOnly ValidUntil,
    string Issuer, string Token, string Reason, string LegalBasis, Guid? Predecessor = null);

/// <param name="Until">The suspension ends by itself after this date; null: until reinstated.</param>
/// <param name="ReviewYear">Set when the annual review of that year suspended it.</param>
public sealed record CertificateSuspended(Guid CertificateId, string Reason, string LegalBasis, DateOnly? Until, int? ReviewYear = null);

public sealed record CertificateReinstated(Guid CertificateId, string Reason, string LegalBasis);

/// <summary>吊销: final. The holder may not apply again until after <paramref name="BannedUntil"/>.</summary>
public sealed record CertificateRevoked(Guid CertificateId, string Reason, string LegalBasis, DateOnly BannedUntil, int? ReviewYear = null);

public sealed record CertificateCancelled(Guid CertificateId, CancellationCause Cause, string Reason, string LegalBasis);

/// <summary>The old certificate is void from now; the new one (same validity, new number and token) is issued with it.</summary>
public sealed record CertificateReplaced(Guid CertificateId, Guid Successor, string SuccessorNumber, ReplacementCause Cause, string Reason, string LegalBasis);

/// <summary>换证: a new certificate with a new validity takes over; the old one ends.</summary>
public sealed record CertificateRenewed(Guid CertificateId, Guid Successor, string SuccessorNumber, string Reason, string LegalBasis);

/// <param name="AfterMakeUp">Decided by the second run, after the make-up exam (补考).</param>
public sealed record AnnualReviewPassed(Guid CertificateId, int Year, decimal Hours, bool AfterMakeUp);

public sealed record AnnualReviewFailed(Guid CertificateId, int Year, decimal Hours, decimal Required, bool ExamPassed, bool AfterMakeUp);

public enum ReviewOutcome { Passed, PassedAfterMakeUp, Suspended, Revoked }

/// <summary>
/// A certificate: an inline snapshot of its stream, also reachable by its number (a Marten natural key) and its
/// verification token (a unique index). Nothing is ever deleted: a revoked, cancelled or replaced certificate keeps its
/// record, so a verifier can tell it from one that never existed.
/// </summary>
public sealed record Certificate
{
    public Guid Id { get; init; }
    [NaturalKey] public string Number { get; init; } = "";
    public CertificateKind Kind { get; init; }
    public CertificateHolder Holder { get; init; } = null!;
    public DateOnly ValidFrom { get; init; }
    public DateOnly ValidUntil { get; init; }
    public string Issuer { get; init; } = "";
    public string Token { get; init; } = "";
    public Guid? Predecessor { get; init; }
    public Guid? Successor { get; init; }
    public string? SuccessorNumber { get; init; }
    public CertificateStatus Status { get; init; }
    public string StatusReason { get; init; } = "";
    public string LegalBasis { get; init; } = "";
    public DateOnly? SuspendedUntil { get; init; }
    public int? SuspendedForReview { get; init; }
    public DateOnly? BannedUntil { get; init; }
    public CancellationCause? CancellationCause { get; init; }
    public IReadOnlyDictionary<int, ReviewOutcome> Reviews { get; init; } = new Dictionary<int, ReviewOutcome>();
    public long Version { get; init; }

    /// <summary>The status on a (China-time) date: a valid or suspended certificate past its validity is expired, and a
    /// suspension with an end date is over after it.</summary>
    public CertificateStatus StatusOn(DateOnly date) => StatusOn(Status, ValidUntil, SuspendedUntil, date);

    /// <summary>The status on a date of a certificate recorded as <paramref name="status"/>: the one rule, for the
    /// certificate and for the read models that copy its dates.</summary>
    public static CertificateStatus StatusOn(CertificateStatus status, DateOnly validUntil, DateOnly? suspendedUntil, DateOnly date) =>
        status switch
        {
            CertificateStatus.Valid or CertificateStatus.Suspended when date > validUntil => CertificateStatus.Expired,
            CertificateStatus.Suspended when suspendedUntil is { } until && date > until => CertificateStatus.Valid,
            _ => status,
        };

    /// <summary>The holder may enforce with it on that date.</summary>
    public bool InForceOn(DateOnly date) => date >= ValidFrom && StatusOn(date) == CertificateStatus.Valid;

    [NaturalKeySource]
    public static Certificate Create(CertificateIssued e) => new()
    {
        Id = e.CertificateId, Number = e.Number, Kind = e.Kind, Holder = e.Holder, ValidFrom = e.ValidFrom, ValidUntil = e.ValidUntil,
        Issuer = e.Issuer, Token = e.Token, Predecessor = e.Predecessor, Status = CertificateStatus.Valid, StatusReason = e.Reason,
        LegalBasis = e.LegalBasis,
    };

    public static Certificate Apply(CertificateSuspended e, Certificate c) => c with
    {
        Status = CertificateStatus.Suspended, StatusReason = e.Reason, LegalBasis = e.LegalBasis, SuspendedUntil = e.Until,
        SuspendedForReview = e.ReviewYear,
        Reviews = e.ReviewYear is { } y ? With(c.Reviews, y, ReviewOutcome.Suspended) : c.Reviews,
    };

    public static Certificate Apply(CertificateReinstated e, Certificate c) => c with
    {
        Status = CertificateStatus.Valid, StatusReason = e.Reason, LegalBasis = e.LegalBasis, SuspendedUntil = null, SuspendedForReview = null,
    };

    public static Certificate Apply(CertificateRevoked e, Certificate c) => c with
    {
        Status = CertificateStatus.Revoked, StatusReason = e.Reason, LegalBasis = e.LegalBasis, BannedUntil = e.BannedUntil,
        SuspendedUntil = null, Reviews = e.ReviewYear is { } y ? With(c.Reviews, y, ReviewOutcome.Revoked) : c.Reviews,
    };

    public static Certificate Apply(CertificateCancelled e, Certificate c) => c with
    {
        Status = CertificateStatus.Cancelled, StatusReason = e.Reason, LegalBasis = e.LegalBasis, CancellationCause = e.Cause,
        SuspendedUntil = null,
    };

    public static Certificate Apply(CertificateReplaced e, Certificate c) => c with
    {
        Status = CertificateStatus.Replaced, StatusReason = e.Reason, LegalBasis = e.LegalBasis, Successor = e.Successor,
        SuccessorNumber = e.SuccessorNumber,
    };

    public static Certificate Apply(CertificateRenewed e, Certificate c) => c with
    {
        Status = CertificateStatus.Renewed, StatusReason = e.Reason, LegalBasis = e.LegalBasis, Successor = e.Successor,
        SuccessorNumber = e.SuccessorNumber,
    };

    public static Certificate Apply(AnnualReviewPassed e, Certificate c) =>
        c with { Reviews = With(c.Reviews, e.Year, e.AfterMakeUp ? ReviewOutcome.PassedAfterMakeUp : ReviewOutcome.Passed) };

    // A failure is recorded with the suspension or revocation it causes; the outcome is set by those.
    public static Certificate Apply(AnnualReviewFailed e, Certificate c) => c;

    static Dictionary<int, ReviewOutcome> With(IReadOnlyDictionary<int, ReviewOutcome> all, int year, ReviewOutcome outcome) =>
        new(all) { [year] = outcome };
}
