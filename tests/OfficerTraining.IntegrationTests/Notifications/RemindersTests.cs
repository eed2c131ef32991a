using Marten;
using OfficerTraining.IntegrationTests.Exams;
using OfficerTraining.Notifications;
using OfficerTraining.Training;

namespace OfficerTraining.IntegrationTests.Notifications;

public class when_an_officer_looks_at_their_reminders(ExamFixture f) : IClassFixture<ExamFixture>
{
    [Fact]
    public async Task being_behind_pace_and_a_newly_open_exam_show_unread_until_read_and_reading_is_recorded_once()
    {
        var center = f.Get<NotificationCenter>();
        (await center.For(f.Officer(20))).Should().ContainSingle()
            .Which.Should().BeEquivalentTo(new { Kind = NotificationKind.BehindPace, Read = false, Link = "/courses" },
                "on 1 June an officer with no hours is behind the even pace to 60");

        var session = await f.Schedule();
        var both = await center.For(f.Officer(20));
        both.Where(n => !n.Read).Select(n => n.Kind).Should().BeEquivalentTo([NotificationKind.BehindPace, NotificationKind.ExamOpen]);
        var exam = both.Single(n => n.Kind == NotificationKind.ExamOpen);
        exam.Args[0].Should().Be("2026年度年审考试");

        await center.MarkRead([exam.Key], f.Officer(20));
        await center.MarkRead([exam.Key], f.Officer(20));
        (await center.For(f.Officer(20))).Should().ContainSingle(n => !n.Read).Which.Kind.Should().Be(NotificationKind.BehindPace);
        var read = await f.Events(Inbox.StreamIdFor("officer20"));
        read.Should().ContainSingle("reading twice is recorded once").Which.UserName.Should().Be("officer20");

        await f.Start(session, 21);
        (await center.For(f.Officer(21))).Should().NotContain(n => n.Kind == NotificationKind.ExamOpen, "an exam already started needs no reminder");

        await center.MarkRead([.. (await center.For(f.Officer(20))).Select(n => n.Key)], f.Officer(20));
        (await center.For(f.Officer(20))).Should().OnlyContain(n => n.Read);
        f.Clock.Advance(TimeSpan.FromDays(7));
        (await center.For(f.Officer(20))).Should().ContainSingle(n => !n.Read, "still behind a week later is a new reminder")
            .Which.Kind.Should().Be(NotificationKind.BehindPace);
    }

    [Fact]
    public async Task an_officer_on_pace_gets_no_pace_reminder()
    {
        foreach (var day in new[] { 10, 20 })
            await f.Get<TrainingCommands>().Handle(new RecordInPersonSession(Guid.CreateVersion7(), new DateOnly(2026, 5, day),
                "行政执法专题培训", 20m, TrainingCategory.PublicLaw, [f.Officers[22]]), ExamFixture.Trainer);

        (await f.Get<NotificationCenter>().For(f.Officer(22))).Should().NotContain(n => n.Kind == NotificationKind.BehindPace);
    }
}
