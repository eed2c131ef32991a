using JasperFx;
using Marten.Exceptions;
using Marten;
using OfficerTraining.Agencies;
using OfficerTraining.Exams;
using OfficerTraining.Infrastructure;
using OfficerTraining.Officers;
using OfficerTraining.Settings;
using OfficerTraining.Training;

namespace OfficerTraining.Certificates;

/// <param name="Issuer">The issuing authority printed on the card.</param>
public sealed record CertificateOptions(string Issuer)
{
    public static readonly CertificateOptions Default = new("平顶山市司法局");
}

/// <summary>One officer's place in a batch issue: eligible (and, after the run, the number issued) or what is missing.</summary>
public sealed record BatchLine(Officer Officer, EligibilityCheck Check, string? Number);

/// <summary>
/// Certificate officers (and administrators) issue certificates, one or an agency's eligible officers at once, and
/// change them. Numbers come from the year's pattern and a serial counter saved in the same transaction; a lost race for
/// a serial is retried.
/// </summary>
public sealed class CertificateCommands(
    IDocumentStore store, PolicyReader policies, TrainingLedgers ledgers, ExamResults exams, CertificateOptions options,
    TimeProvider clock)
{
    /// <summary>Serials are contended only when issuers of one agency work at the same moment; each lost race costs a retry.</summary>
    const int Tries = 20;
    const int BatchSize = 50;

    DateOnly Today => ChinaTime.Today(clock);

    /// <summary>The conditions of issue for an officer, met and missing (for the issue page).</summary>
    public async Task<EligibilityCheck> Check(Guid officerId, CertificateKind kind, CancellationToken ct = default)
    {
        var standing = await Standing(officerId, ct) ?? throw new DomainException("Officer.NotFound", officerId);
        return Eligibility.Check(kind, standing, await policies.For(Today.Year, ct), Today);
    }

    public async Task<string> Handle(IssueCertificate c, Actor actor, CancellationToken ct = default)
    {
        actor.Require(Roles.CertificateOfficer, Roles.Administrator);
        var officer = await Standing(c.OfficerId, ct) ?? throw new DomainException("Officer.NotFound", c.OfficerId);
        var policy = await policies.For(Today.Year, ct);
        return await WithSerials(actor, officer.Officer.AgencyId, policy, 1, async (session, agency, numbers) =>
        {
            // Checked again on every try: when another issuer got in first (the agency's serial moved), what they issued
            // counts, so two certificate officers issuing to one officer at once make one certificate, not two.
            var standing = await Standing(c.OfficerId, ct) ?? throw new DomainException("Officer.NotFound", c.OfficerId);
            var issued = CertificateDecider.Issue(c, Eligibility.Check(c.Kind, standing, policy, Today),
                Card(numbers[0], standing.Officer, agency), policy, Today);
            session.Events.StartStream<Certificate>(issued.CertificateId, issued);
            return issued.Number;
        }, ct);
    }

    /// <summary>Every active officer of the agency with what they lack, or (not a preview) the numbers issued to all who
    /// are eligible, in transactions of <see cref="BatchSize"/>.</summary>
    public async Task<IReadOnlyList<BatchLine>> IssueToAgency(Guid agencyId, CertificateKind kind, string reason, string legalBasis,
        bool preview, Actor actor, CancellationToken ct = default)
    {
        actor.Require(Roles.CertificateOfficer, Roles.Administrator);
        if (!preview) (reason, legalBasis) = (Text.Required(reason, "Reason"), Text.Required(legalBasis, "LegalBasis"));
        var policy = await policies.For(Today.Year, ct);
        List<Officer> officers;
        await using (var q = store.QuerySession())
            officers = [.. (await q.Query<Officer>().Where(o => o.AgencyId == agencyId && o.Active).ToListAsync(ct)).OrderBy(o => o.Name, StringComparer.Ordinal)];
        var standings = await Standings(officers, ct);
        var lines = officers.Select(o => new BatchLine(o, Eligibility.Check(kind, standings[o.Id], policy, Today), null)).ToList();
        if (preview) return lines;
        var eligible = lines.Where(l => l.Check.Eligible).ToList();
        var numbered = new Dictionary<Guid, string>();
        foreach (var chunk in eligible.Chunk(BatchSize))
            await WithSerials(actor, agencyId, policy, chunk.Length, async (session, agency, numbers) =>
            {
                // Checked again on every try, as for one officer: another issuer may have got in first.
                var now = await Standings([.. chunk.Select(l => l.Officer)], ct);
                for (var i = 0; i < chunk.Length; i++)
                {
                    var issued = CertificateDecider.Issue(new IssueCertificate(Guid.CreateVersion7(), chunk[i].Officer.Id, kind, reason, legalBasis),
                        Eligibility.Check(kind, now[chunk[i].Officer.Id], policy, Today), Card(numbers[i], chunk[i].Officer, agency), policy, Today);
                    session.Events.StartStream<Certificate>(issued.CertificateId, issued);
                    numbered[chunk[i].Officer.Id] = issued.Number;
                }
                return 0;
            }, ct);
        return [.. lines.Select(l => l with { Number = numbered.GetValueOrDefault(l.Officer.Id) })];
    }

    public Task Handle(SuspendCertificate c, Actor actor, CancellationToken ct = default) =>
        Change(c.CertificateId, actor, (cert, _) => [CertificateDecider.Suspend(c, cert, Today)], ct);

    public Task Handle(ReinstateCertificate c, Actor actor, CancellationToken ct = default) =>
        Change(c.CertificateId, actor, (cert, _) => [CertificateDecider.Reinstate(c, cert, Today)], ct);

    public Task Handle(RevokeCertificate c, Actor actor, CancellationToken ct = default) =>
        Change(c.CertificateId, actor, (cert, policy) => [CertificateDecider.Revoke(c, cert, policy, Today)], ct);

    public Task Handle(CancelCertificate c, Actor actor, CancellationToken ct = default) =>
        Change(c.CertificateId, actor, (cert, _) => [CertificateDecider.Cancel(c, cert, Today)], ct);

    /// <summary>Replaces a lost or damaged card: the old stream records it void, the new one starts, in one transaction.</summary>
    public async Task<string> Handle(ReplaceCertificate c, Actor actor, CancellationToken ct = default)
    {
        actor.Require(Roles.CertificateOfficer, Roles.Administrator);
        var policy = await policies.For(Today.Year, ct);
        var current = await Load(c.CertificateId, ct);
        var officer = await LoadOfficer(current.Holder.OfficerId, ct);
        return await WithSerials(actor, officer.AgencyId, policy, 1, async (session, agency, numbers) =>
        {
            var stream = await session.Events.FetchForWriting<Certificate>(c.CertificateId, current.Version, ct);
            var (old, successor) = CertificateDecider.Replace(c, stream.Aggregate!, Card(numbers[0], officer, agency), Today);
            stream.AppendOne(old);
            session.Events.StartStream<Certificate>(successor.CertificateId, successor);
            return successor.Number;
        }, ct);
    }

    public async Task<string> Handle(RenewCertificate c, Actor actor, CancellationToken ct = default)
    {
        actor.Require(Roles.CertificateOfficer, Roles.Administrator);
        var policy = await policies.For(Today.Year, ct);
        var current = await Load(c.CertificateId, ct);
        var standing = await Standing(current.Holder.OfficerId, ct) ?? throw new DomainException("Officer.NotFound", current.Holder.OfficerId);
        // The certificate being renewed does not stand in its own way.
        var check = Eligibility.Check(current.Kind, standing with { Certificates = [.. standing.Certificates.Where(x => x.Id != current.Id)] },
            policy, Today);
        return await WithSerials(actor, standing.Officer.AgencyId, policy, 1, async (session, agency, numbers) =>
        {
            var stream = await session.Events.FetchForWriting<Certificate>(c.CertificateId, current.Version, ct);
            var (old, successor) = CertificateDecider.Renew(c, stream.Aggregate!, check, Card(numbers[0], standing.Officer, agency), policy, Today);
            stream.AppendOne(old);
            session.Events.StartStream<Certificate>(successor.CertificateId, successor);
            return successor.Number;
        }, ct);
    }

    async Task Change(Guid certificateId, Actor actor, Func<Certificate, Policy, object[]> decide, CancellationToken ct)
    {
        actor.Require(Roles.CertificateOfficer, Roles.Administrator);
        var policy = await policies.For(Today.Year, ct);
        await using var session = store.OpenSession(actor);
        await session.DecideAndSave<Certificate>(certificateId, null, cert => decide(cert, policy), ct);
    }

    /// <summary>Takes <paramref name="count"/> serials of the agency's prefix for the year and runs <paramref name="stage"/>
    /// in the same session; if another issuer took the serials first, it starts again with fresh ones.</summary>
    async Task<T> WithSerials<T>(Actor actor, Guid agencyId, Policy policy, int count,
        Func<IDocumentSession, Agency, IReadOnlyList<string>, Task<T>> stage, CancellationToken ct)
    {
        for (var tries = 1; ; tries++)
        {
            await using var session = store.OpenSession(actor);
            var agency = await session.LoadAsync<Agency>(agencyId, ct) ?? throw new DomainException("Agency.NotFound", agencyId);
            var prefix = CertificateNumbers.Prefix(policy.CertificateNumberPattern, agency.Code, Today.Year);
            var serial = await session.LoadAsync<CertificateSerial>(prefix, ct) ?? new CertificateSerial { Id = prefix };
            var numbers = Enumerable.Range(serial.Last + 1, count)
                .Select(n => CertificateNumbers.Format(policy.CertificateNumberPattern, agency.Code, Today.Year, n)).ToList();
            serial.Last += count;
            session.Store(serial);
            var result = await stage(session, agency, numbers);
            try
            {
                await session.SaveChangesAsync(ct);
                return result;
            }
            catch (Exception e) when (e is ConcurrencyException or DocumentAlreadyExistsException && tries < Tries)
            {
                await Task.Delay(Random.Shared.Next(5, 20 * tries), ct); // let the winner finish before reading again
            }
            catch (Exception e) when (e is ConcurrencyException or DocumentAlreadyExistsException)
            {
                throw new DomainException("Stream.Changed");
            }
        }
    }

    NewCard Card(string number, Officer officer, Agency agency) =>
        new(number, CertificateNumbers.NewToken(), new CertificateHolder(officer.Id, officer.Name, agency.Id, agency.Name, officer.Domains),
            options.Issuer);

    async Task<Certificate> Load(Guid id, CancellationToken ct)
    {
        await using var q = store.QuerySession();
        return await q.LoadAsync<Certificate>(id, ct) ?? throw new DomainException("Certificate.NotFound", id);
    }

    async Task<Officer> LoadOfficer(Guid id, CancellationToken ct)
    {
        await using var q = store.QuerySession();
        return await q.LoadAsync<Officer>(id, ct) ?? throw new DomainException("Officer.NotFound", id);
    }

    async Task<OfficerStanding?> Standing(Guid officerId, CancellationToken ct)
    {
        Officer? officer;
        await using (var q = store.QuerySession()) officer = await q.LoadAsync<Officer>(officerId, ct);
        return officer is null ? null : (await Standings([officer], ct))[officerId];
    }

    /// <summary>The standing of many officers in a handful of queries.</summary>
    async Task<IReadOnlyDictionary<Guid, OfficerStanding>> Standings(IReadOnlyList<Officer> officers, CancellationToken ct)
    {
        var ids = officers.Select(o => o.Id).ToArray();
        var thisYear = await ledgers.ForMany(ids, Today.Year, ct);
        var lastYear = await ledgers.ForMany(ids, Today.Year - 1, ct);
        var results = await exams.ForOfficers(ids, ct);
        List<Certificate> certificates;
        await using (var q = store.QuerySession())
            certificates = [.. await q.Query<Certificate>().Where(c => ids.Contains(c.Holder.OfficerId)).ToListAsync(ct)];
        return officers.ToDictionary(o => o.Id, o => new OfficerStanding(o,
            results.GetValueOrDefault(o.Id) ?? [], thisYear[o.Id], lastYear[o.Id],
            [.. certificates.Where(c => c.Holder.OfficerId == o.Id)]));
    }
}
