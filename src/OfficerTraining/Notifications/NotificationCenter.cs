using System.Globalization;
using Marten;
using OfficerTraining.Exams;
using OfficerTraining.Infrastructure;
using OfficerTraining.Officers;
using OfficerTraining.Training;

namespace OfficerTraining.Notifications;

/// <summary>
/// An officer's reminders, newest first: behind the pace needed to reach the year's requirement (a new reminder each
/// week while behind), and each exam session open to them now that they have not started. They are derived when asked,
/// so they are never stale; reading them is an event on the officer's inbox stream.
/// </summary>
public sealed class NotificationCenter(IDocumentStore store, TrainingLedgers ledgers, TimeProvider clock)
{
    public async Task<IReadOnlyList<Notification>> For(Guid officerId, CancellationToken ct = default)
    {
        var now = clock.GetUtcNow();
        var today = ChinaTime.DateOf(now);
        await using var session = store.QuerySession();
        var officer = await session.LoadAsync<Officer>(officerId, ct);
        if (officer is null || !officer.Active) return [];
        var read = (await session.LoadAsync<Inbox>(Inbox.StreamIdFor(officerId), ct))?.ReadKeys.ToHashSet() ?? [];

        var found = new List<Notification>();
        var ledger = await ledgers.For(officerId, today.Year, ct);
        if (Pace.Behind(ledger, today))
        {
            var week = ISOWeek.GetWeekOfYear(today.ToDateTime(TimeOnly.MinValue));
            var monday = today.AddDays(-(((int)today.DayOfWeek + 6) % 7));
            var key = $"pace/{ISOWeek.GetYear(today.ToDateTime(TimeOnly.MinValue))}-W{week:D2}";
            found.Add(new Notification(key, NotificationKind.BehindPace,
                [Hours(Pace.ExpectedBy(today, ledger.Required)), Hours(ledger.Total), Hours(ledger.Remaining)],
                new DateTimeOffset(monday.ToDateTime(TimeOnly.MinValue), ChinaTime.Offset), "/courses", read.Contains(key)));
        }

        var open = await session.Query<ExamSession>()
            .Where(s => !s.Cancelled && s.Opens <= now && s.Closes > now && s.Purpose != ExamPurpose.CourseQuiz)
            .ToListAsync(ct);
        var started = (await session.Query<ExamAttempt>().Where(a => a.OfficerId == officerId).Select(a => a.SessionId).ToListAsync(ct))
            .ToHashSet();
        foreach (var s in open.Where(s => s.Roster.Includes(officer.Id, officer.AgencyId, officer.Domains) && !started.Contains(s.Id)))
        {
            var key = $"exam/{s.Id:N}";
            found.Add(new Notification(key, NotificationKind.ExamOpen, [s.Title, ChinaTime.Format(s.Closes)], s.Opens, "/exams",
                read.Contains(key)));
        }
        return [.. found.OrderByDescending(n => n.At)];
    }

    /// <summary>Marks reminders read; keys already read are left out, so reading twice records once.</summary>
    public async Task MarkRead(IReadOnlyList<string> keys, Actor actor, CancellationToken ct = default)
    {
        actor.Require(Roles.Officer);
        var officerId = actor.OfficerId ?? throw new DomainException("Exam.OnlyYourself");
        await using var session = store.OpenSession(actor);
        var id = Inbox.StreamIdFor(officerId);
        var inbox = await session.LoadAsync<Inbox>(id, ct);
        var fresh = keys.Where(k => !string.IsNullOrWhiteSpace(k)).Except(inbox?.ReadKeys ?? []).Distinct().ToList();
        if (fresh.Count == 0) return;
        var read = new NotificationsRead(officerId, fresh);
        if (inbox is null) session.Events.StartStream<Inbox>(id, read);
        else session.Events.Append(id, read);
        await session.SaveChangesTranslated(ct);
    }

    static string Hours(decimal h) => h.ToString("0.#", CultureInfo.InvariantCulture);
}
