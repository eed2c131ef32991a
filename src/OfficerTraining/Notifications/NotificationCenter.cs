using System.Globalization;
using Marten;
using OfficerTraining.Certificates;
using OfficerTraining.Exams;
using OfficerTraining.Infrastructure;
using OfficerTraining.Officers;
using OfficerTraining.Training;

namespace OfficerTraining.Notifications;

/// <param name="CertificateExpiryDays">How long before a certificate expires its holder and the office are reminded.</param>
/// <param name="ReviewRemindersFromMonth">From this month on, open annual-review requirements of the year are reminded.</param>
public sealed record NotificationOptions(int CertificateExpiryDays = 90, int ReviewRemindersFromMonth = 9)
{
    public static readonly NotificationOptions Default = new();
}

/// <summary>
/// A user's reminders, newest first, derived when asked (so never stale); only reading them is recorded, on the user's
/// inbox stream. An officer: behind the pace to the year's requirement (args: hours expected by now, earned, still
/// needed; weekly), each exam session open to them not yet started (title, closes), their certificate expiring (number,
/// valid until, days left), and from <see cref="NotificationOptions.ReviewRemindersFromMonth"/> this year's annual review
/// not yet met (year, hours, required, exam passed "1"/"0"; monthly). The certificate office (certificate officers,
/// supervisors, administrators): how many certificates expire soon (count, days; weekly) and how many holders have not
/// yet met this year's review (count, year; monthly).
/// </summary>
public sealed class NotificationCenter(
    IDocumentStore store, TrainingLedgers ledgers, ExamResults exams, NotificationOptions options, TimeProvider clock)
{
    public async Task<IReadOnlyList<Notification>> For(Actor actor, CancellationToken ct = default)
    {
        var now = clock.GetUtcNow();
        var today = ChinaTime.DateOf(now);
        var found = new List<Notification>();
        if (actor.IsIn(Roles.Officer) && actor.OfficerId is { } officerId) found.AddRange(await ForOfficer(officerId, now, today, ct));
        if (actor.IsIn(Roles.CertificateOfficer) || actor.IsIn(Roles.Supervisor) || actor.IsIn(Roles.Administrator))
            found.AddRange(await ForCertificateOffice(today, ct));
        await using var session = store.QuerySession();
        var read = (await session.LoadAsync<Inbox>(Inbox.StreamIdFor(actor.UserName), ct))?.ReadKeys.ToHashSet() ?? [];
        return [.. found.Select(n => n with { Read = read.Contains(n.Key) }).OrderByDescending(n => n.At)];
    }

    /// <summary>Marks reminders read; keys already read are left out, so reading twice records once.</summary>
    public async Task MarkRead(IReadOnlyList<string> keys, Actor actor, CancellationToken ct = default)
    {
        actor.Require([.. Roles.All]); // anyone signed in, into their own inbox only
        await using var session = store.OpenSession(actor);
        var id = Inbox.StreamIdFor(actor.UserName);
        var inbox = await session.LoadAsync<Inbox>(id, ct);
        var fresh = keys.Where(k => !string.IsNullOrWhiteSpace(k)).Except(inbox?.ReadKeys ?? []).Distinct().ToList();
        if (fresh.Count == 0) return;
        var read = new NotificationsRead(actor.UserName, fresh);
        if (inbox is null) session.Events.StartStream<Inbox>(id, read);
        else session.Events.Append(id, read);
        await session.SaveChangesTranslated(ct);
    }

    async Task<IEnumerable<Notification>> ForOfficer(Guid officerId, DateTimeOffset now, DateOnly today, CancellationToken ct)
    {
        await using var session = store.QuerySession();
        var officer = await session.LoadAsync<Officer>(officerId, ct);
        if (officer is null || !officer.Active) return [];
        var found = new List<Notification>();
        var ledger = await ledgers.For(officerId, today.Year, ct);
        if (Pace.Behind(ledger, today))
            found.Add(Note($"pace/{Week(today)}", NotificationKind.BehindPace, Monday(today), "/courses",
                Hours(Pace.ExpectedBy(today, ledger.Required)), Hours(ledger.Total), Hours(ledger.Remaining)));

        var open = await session.Query<ExamSession>()
            .Where(s => !s.Cancelled && s.Opens <= now && s.Closes > now && s.Purpose != ExamPurpose.CourseQuiz)
            .ToListAsync(ct);
        var started = (await session.Query<ExamAttempt>().Where(a => a.OfficerId == officerId).Select(a => a.SessionId).ToListAsync(ct))
            .ToHashSet();
        found.AddRange(open.Where(s => s.Roster.Includes(officer.Id, officer.AgencyId, officer.Domains) && !started.Contains(s.Id))
            .Select(s => Note($"exam/{s.Id:N}", NotificationKind.ExamOpen, s.Opens, "/exams", s.Title, ChinaTime.Format(s.Closes))));

        var inForce = (await session.Query<Certificate>().Where(c => c.Holder.OfficerId == officerId).ToListAsync(ct))
            .Where(c => c.InForceOn(today)).ToList();
        foreach (var c in inForce.Where(c => c.ValidUntil.DayNumber - today.DayNumber <= options.CertificateExpiryDays))
            found.Add(Note($"cert-expiry/{c.Id:N}", NotificationKind.CertificateExpiring, Start(c.ValidUntil.AddDays(-options.CertificateExpiryDays)),
                "/my/certificate", c.Number, Date(c.ValidUntil), (c.ValidUntil.DayNumber - today.DayNumber).ToString(CultureInfo.InvariantCulture)));
        if (inForce.Count > 0 && today.Month >= options.ReviewRemindersFromMonth)
        {
            var examPassed = await exams.PassedAnnualReview(officerId, today.Year, ct);
            if (!ledger.Met || !examPassed)
                found.Add(Note($"review/{today.Year}-{today.Month:D2}", NotificationKind.ReviewRequirementsOpen,
                    Start(new DateOnly(today.Year, today.Month, 1)), ledger.Met ? "/exams" : "/courses",
                    today.Year.ToString(CultureInfo.InvariantCulture), Hours(ledger.Total), Hours(ledger.Required), examPassed ? "1" : "0"));
        }
        return found;
    }

    async Task<IEnumerable<Notification>> ForCertificateOffice(DateOnly today, CancellationToken ct)
    {
        List<Certificate> inForce;
        await using (var session = store.QuerySession())
            inForce = [.. (await session.Query<Certificate>().Where(c => c.Status == CertificateStatus.Valid).ToListAsync(ct))
                .Where(c => c.InForceOn(today))];
        var found = new List<Notification>();
        var expiring = inForce.Count(c => c.ValidUntil.DayNumber - today.DayNumber <= options.CertificateExpiryDays);
        if (expiring > 0)
            found.Add(Note($"office/expiring/{Week(today)}", NotificationKind.CertificatesExpiringSoon, Monday(today), "/certificates",
                expiring.ToString(CultureInfo.InvariantCulture), options.CertificateExpiryDays.ToString(CultureInfo.InvariantCulture)));
        if (today.Month >= options.ReviewRemindersFromMonth && inForce.Count > 0)
        {
            var holders = inForce.Select(c => c.Holder.OfficerId).Distinct().ToArray();
            var yearLedgers = await ledgers.ForMany(holders, today.Year, ct);
            var passed = await exams.PassedAnnualReview(today.Year, ct);
            var open = holders.Count(h => !yearLedgers[h].Met || !passed.Contains(h));
            if (open > 0)
                found.Add(Note($"office/review/{today.Year}-{today.Month:D2}", NotificationKind.HoldersWithOpenReview,
                    Start(new DateOnly(today.Year, today.Month, 1)), "/certificates", open.ToString(CultureInfo.InvariantCulture),
                    today.Year.ToString(CultureInfo.InvariantCulture)));
        }
        return found;
    }

    static Notification Note(string key, NotificationKind kind, DateTimeOffset at, string link, params string[] args) =>
        new(key, kind, args, at, link, false);

    static string Week(DateOnly d) =>
        $"{ISOWeek.GetYear(d.ToDateTime(TimeOnly.MinValue))}-W{ISOWeek.GetWeekOfYear(d.ToDateTime(TimeOnly.MinValue)):D2}";

    static DateTimeOffset Monday(DateOnly d) => Start(d.AddDays(-(((int)d.DayOfWeek + 6) % 7)));

    static DateTimeOffset Start(DateOnly d) => new(d.ToDateTime(TimeOnly.MinValue), ChinaTime.Offset);

    static string Date(DateOnly d) => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    static string Hours(decimal h) => h.ToString("0.#", CultureInfo.InvariantCulture);
}
