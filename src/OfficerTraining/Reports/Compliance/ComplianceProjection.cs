using JasperFx.Events;
using Marten;
using Marten.Events.Projections;
using OfficerTraining.Certificates;
using OfficerTraining.Exams;
using OfficerTraining.Officers;
using OfficerTraining.Training;

namespace OfficerTraining.Reports.Compliance;

/// <summary>
/// Keeps <see cref="OfficerCompliance"/> per officer from the events of several streams (async). Events that name the
/// officer are grouped by that id; a grade or a void names only its attempt, and a certificate change only its
/// certificate, so those are grouped by looking the attempt or certificate up (their ids never change hands).
/// </summary>
public sealed partial class ComplianceProjection : MultiStreamProjection<OfficerCompliance, Guid>
{
    public ComplianceProjection()
    {
        Identity<OfficerRegistered>(e => e.OfficerId);
        Identity<OfficerDetailsEdited>(e => e.OfficerId);
        Identity<OfficerTransferred>(e => e.OfficerId);
        Identity<OfficerDeactivated>(e => e.OfficerId);
        Identity<OfficerReactivated>(e => e.OfficerId);
        Identity<ClassHoursCredited>(e => e.OfficerId);
        Identity<ClassHoursWithdrawn>(e => e.OfficerId);
        Identity<ExamAttemptStarted>(e => e.OfficerId);
        Identity<CertificateIssued>(e => e.Holder.OfficerId);
        CustomGrouping(async (session, events, grouping) =>
        {
            var attempts = events.Where(e => e.Data is ExamAttemptGraded or ExamAttemptVoided).ToList();
            if (attempts.Count > 0)
            {
                var owners = (await session.LoadManyAsync<ExamAttempt>(attempts.Select(e => e.StreamId).Distinct()))
                    .ToDictionary(a => a.Id, a => a.OfficerId);
                foreach (var e in attempts)
                    if (owners.TryGetValue(e.StreamId, out var officer)) grouping.AddEvent(officer, e);
            }
            var changes = events.Where(e => e.Data is CertificateSuspended or CertificateReinstated or CertificateRevoked
                or CertificateCancelled or CertificateReplaced or CertificateRenewed).ToList();
            if (changes.Count > 0)
            {
                var holders = (await session.LoadManyAsync<Certificate>(changes.Select(e => e.StreamId).Distinct()))
                    .ToDictionary(c => c.Id, c => c.Holder.OfficerId);
                foreach (var e in changes)
                    if (holders.TryGetValue(e.StreamId, out var officer)) grouping.AddEvent(officer, e);
            }
        });
    }

    public void Apply(OfficerRegistered e, OfficerCompliance c)
    {
        (c.Id, c.Name, c.AgencyId, c.Domains, c.EmploymentType, c.Active) = (e.OfficerId, e.Name, e.AgencyId, [.. e.Domains], e.EmploymentType, true);
    }

    public void Apply(OfficerDetailsEdited e, OfficerCompliance c) =>
        (c.Name, c.Domains, c.EmploymentType) = (e.Name, [.. e.Domains], e.EmploymentType);

    public void Apply(OfficerTransferred e, OfficerCompliance c) => c.AgencyId = e.ToAgencyId;

    public void Apply(OfficerDeactivated e, OfficerCompliance c) => c.Active = false;

    public void Apply(OfficerReactivated e, OfficerCompliance c) => c.Active = true;

    public void Apply(ClassHoursCredited e, OfficerCompliance c) => c.Credits[e.CreditId] = new ComplianceCredit(e.StudiedOn.Year, e.Hours);

    public void Apply(ClassHoursWithdrawn e, OfficerCompliance c) => c.Credits.Remove(e.CreditId);

    public void Apply(ExamAttemptStarted e, OfficerCompliance c) =>
        c.Attempts[e.AttemptId] = new ComplianceAttempt(e.Rules.Purpose, e.Rules.Year, Infrastructure.ChinaTime.DateOf(e.StartedAt), null);

    public void Apply(ExamAttemptGraded e, OfficerCompliance c)
    {
        if (c.Attempts.TryGetValue(e.AttemptId, out var a)) c.Attempts[e.AttemptId] = a with { Passed = e.Passed };
    }

    public void Apply(ExamAttemptVoided e, OfficerCompliance c) => c.Attempts.Remove(e.AttemptId);

    public void Apply(CertificateIssued e, OfficerCompliance c) =>
        c.Certificates[e.CertificateId] = new ComplianceCertificate(e.Number, e.Kind, e.ValidUntil, CertificateStatus.Valid, null);

    public void Apply(CertificateSuspended e, OfficerCompliance c) => Change(c, e.CertificateId, x => x with { Status = CertificateStatus.Suspended, SuspendedUntil = e.Until });

    public void Apply(CertificateReinstated e, OfficerCompliance c) => Change(c, e.CertificateId, x => x with { Status = CertificateStatus.Valid, SuspendedUntil = null });

    public void Apply(CertificateRevoked e, OfficerCompliance c) => Change(c, e.CertificateId, x => x with { Status = CertificateStatus.Revoked });

    public void Apply(CertificateCancelled e, OfficerCompliance c) => Change(c, e.CertificateId, x => x with { Status = CertificateStatus.Cancelled });

    public void Apply(CertificateReplaced e, OfficerCompliance c) => Change(c, e.CertificateId, x => x with { Status = CertificateStatus.Replaced });

    public void Apply(CertificateRenewed e, OfficerCompliance c) => Change(c, e.CertificateId, x => x with { Status = CertificateStatus.Renewed });

    static void Change(OfficerCompliance c, Guid id, Func<ComplianceCertificate, ComplianceCertificate> change)
    {
        if (c.Certificates.TryGetValue(id, out var x)) c.Certificates[id] = change(x);
    }
}
