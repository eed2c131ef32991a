using Marten;
using OfficerTraining.Agencies;
using OfficerTraining.Infrastructure;
using OfficerTraining.IntegrationTests.Harness;
using OfficerTraining.Officers;
using OfficerTraining.Settings;
using OfficerTraining.Training;

namespace OfficerTraining.IntegrationTests.Training;

static class TrainingArrange
{
    public static readonly Actor Trainer = new("trainer", [Roles.Trainer]);
    public static readonly Actor OtherTrainer = new("trainer2", [Roles.Trainer]);
    public static readonly Actor Certifier = new("certifier", [Roles.CertificateOfficer]);
    public static readonly Actor TrainerAndCertifier = new("both", [Roles.Trainer, Roles.CertificateOfficer]);

    public static async Task<List<RegisterOfficer>> Officers(StoreFixture f, Agency agency, int count)
    {
        var commands = f.Get<OfficerCommands>();
        var officers = Enumerable.Range(0, count).Select(i => Arrange.Officer(agency, name: "参训" + i)).ToList();
        foreach (var o in officers) await commands.Handle(o, Arrange.Admin);
        return officers;
    }

    public static RecordInPersonSession Session(IEnumerable<Guid> attendees, decimal hours = 3, DateOnly? heldOn = null) =>
        new(Guid.CreateVersion7(), heldOn ?? new DateOnly(2026, 3, 2), "行政处罚法专题", hours, TrainingCategory.PublicLaw,
            attendees.ToList());
}

public class when_an_in_person_session_is_recorded(StoreFixture f) : IClassFixture<StoreFixture>
{
    [Fact]
    public async Task a_session_for_30_officers_credits_all_30_ledgers_in_one_transaction()
    {
        var (_, department) = await Arrange.CityWithDepartment(f, "S1");
        var officers = await TrainingArrange.Officers(f, department, 30);
        var session = TrainingArrange.Session(officers.Select(o => o.OfficerId), hours: 3.5m);

        await f.Get<TrainingCommands>().Handle(session, TrainingArrange.Trainer);

        var ledgers = f.Get<TrainingLedgers>();
        foreach (var o in officers)
            (await ledgers.For(o.OfficerId, 2026)).Should().BeEquivalentTo(new
            {
                Total = 3.5m, Remaining = 56.5m, Credits = new[] { TrainingRecord.CreditIdFor(session.SessionId, o.OfficerId) },
            });
        await using var q = f.Store.QuerySession();
        (await q.LoadAsync<InPersonSession>(session.SessionId))!.Attendees.Should().HaveCount(30);
        var credits = await q.Events.QueryRawEventDataOnly<ClassHoursCredited>()
            .Where(c => c.SourceId == session.SessionId).ToListAsync();
        credits.Should().HaveCount(30).And.OnlyContain(c => c.Source == CreditSource.InPerson && c.StudiedOn == session.HeldOn);
        // One transaction: the 31 events were appended as one contiguous block of the event sequence.
        var sequences = (await q.Events.QueryAllRawEvents().ToListAsync())
            .Where(e => e.Data is ClassHoursCredited c && c.SourceId == session.SessionId
                        || e.Data is InPersonSessionRecorded s && s.SessionId == session.SessionId)
            .Select(e => e.Sequence).Order().ToList();
        sequences.Should().HaveCount(31);
        (sequences[^1] - sequences[0]).Should().Be(30);
    }

    [Fact]
    public async Task one_inactive_attendee_refuses_the_whole_session_and_credits_nobody()
    {
        var (_, department) = await Arrange.CityWithDepartment(f, "S2");
        var officers = await TrainingArrange.Officers(f, department, 3);
        await f.Get<OfficerCommands>().Handle(new DeactivateOfficer(officers[2].OfficerId, new DateOnly(2026, 1, 5), "调离"), Arrange.Admin);
        var session = TrainingArrange.Session(officers.Select(o => o.OfficerId));

        var act = () => f.Get<TrainingCommands>().Handle(session, TrainingArrange.Trainer);
        (await act.Should().ThrowAsync<DomainException>()).Which.Key.Should().Be("Training.AttendeeInactive");

        (await f.Get<TrainingLedgers>().For(officers[0].OfficerId, 2026)).Total.Should().Be(0);
        await using var q = f.Store.QuerySession();
        (await q.LoadAsync<InPersonSession>(session.SessionId)).Should().BeNull();
    }

    [Fact]
    public async Task only_trainers_and_administrators_record_sessions()
    {
        var act = () => f.Get<TrainingCommands>().Handle(TrainingArrange.Session([Guid.NewGuid()]), TrainingArrange.Certifier);
        (await act.Should().ThrowAsync<DomainException>()).Which.Key.Should().Be("NotAllowed");
    }

    [Fact]
    public async Task a_credit_on_31_december_and_one_on_1_january_fall_into_their_own_years()
    {
        var (_, department) = await Arrange.CityWithDepartment(f, "S3");
        var officer = (await TrainingArrange.Officers(f, department, 1))[0].OfficerId;
        var commands = f.Get<TrainingCommands>();
        await commands.Handle(TrainingArrange.Session([officer], 2, new DateOnly(2026, 12, 31)), TrainingArrange.Trainer);
        await commands.Handle(TrainingArrange.Session([officer], 3, new DateOnly(2027, 1, 1)), TrainingArrange.Trainer);

        var ledgers = f.Get<TrainingLedgers>();
        (await ledgers.For(officer, 2026)).Total.Should().Be(2);
        (await ledgers.For(officer, 2027)).Total.Should().Be(3);
    }
}

public class when_attendance_is_imported_from_csv(StoreFixture f) : IClassFixture<StoreFixture>
{
    static TextReader Csv(params string[] lines) => new StringReader(string.Join("\n", lines) + "\n");

    [Fact]
    public async Task a_clean_list_records_the_session_for_everyone_on_it()
    {
        var (_, department) = await Arrange.CityWithDepartment(f, "A1");
        var officers = await TrainingArrange.Officers(f, department, 3);
        var session = TrainingArrange.Session([]);

        var result = await f.Get<InPersonAttendanceImport>().Run("attendance.csv",
            Csv(["身份证号,姓名", .. officers.Select(o => $"{o.NationalId.Value},{o.Name}")]), session, TrainingArrange.Trainer);

        result.Should().BeEquivalentTo(new { Attendees = 3, Saved = true, Succeeded = true });
        foreach (var o in officers) (await f.Get<TrainingLedgers>().For(o.OfficerId, 2026)).Total.Should().Be(3);
    }

    [Fact]
    public async Task one_bad_line_writes_nothing_and_names_the_line()
    {
        var (_, department) = await Arrange.CityWithDepartment(f, "A2");
        var officers = await TrainingArrange.Officers(f, department, 3);
        var session = TrainingArrange.Session([]);

        var result = await f.Get<InPersonAttendanceImport>().Run("attendance.csv", Csv(
            "national_id,name",
            $"{officers[0].NationalId.Value},{officers[0].Name}",
            $"{officers[1].NationalId.Value},冒名",
            $"{officers[2].NationalId.Value},{officers[2].Name}"), session, TrainingArrange.Trainer);

        result.Saved.Should().BeFalse();
        result.Errors.Select(e => (e.File, e.Line, e.Field)).Should().Equal(("attendance.csv", 3, "name"));
        foreach (var o in officers) (await f.Get<TrainingLedgers>().For(o.OfficerId, 2026)).Total.Should().Be(0);
        await using var q = f.Store.QuerySession();
        (await q.LoadAsync<InPersonSession>(session.SessionId)).Should().BeNull();
    }

    [Fact]
    public async Task unknown_repeated_and_malformed_id_numbers_are_reported_by_line()
    {
        var (_, department) = await Arrange.CityWithDepartment(f, "A3");
        var o = (await TrainingArrange.Officers(f, department, 1))[0];

        var result = await f.Get<InPersonAttendanceImport>().Run("a.csv", Csv(
            "身份证号,姓名", $"{o.NationalId.Value},{o.Name}", "12345,某人", $"{o.NationalId.Value},{o.Name}", ",某人",
            $"{Arrange.UniqueNationalId().Value},无此人"),
            TrainingArrange.Session([]), TrainingArrange.Trainer);

        result.Errors.Select(e => (e.Line, e.Field)).Should()
            .Equal((3, "national_id"), (4, "national_id"), (5, "national_id"), (6, "national_id"));
        (await f.Get<TrainingLedgers>().For(o.OfficerId, 2026)).Total.Should().Be(0);
    }
}

public class when_class_hours_are_adjusted(StoreFixture f) : IClassFixture<StoreFixture>
{
    static ProposeClassHoursAdjustment Adjustment(Guid officer, decimal hours) =>
        new(Guid.CreateVersion7(), officer, new DateOnly(2026, 4, 1), hours, TrainingCategory.Skills, "补录线下培训");

    [Fact]
    public async Task an_approved_adjustment_changes_the_ledger_and_a_rejected_one_does_not()
    {
        var (_, department) = await Arrange.CityWithDepartment(f, "J1");
        var officer = (await TrainingArrange.Officers(f, department, 1))[0].OfficerId;
        var commands = f.Get<TrainingCommands>();
        var ledgers = f.Get<TrainingLedgers>();
        await commands.Handle(TrainingArrange.Session([officer], 6), TrainingArrange.Trainer);

        var rejected = Adjustment(officer, 10);
        await commands.Handle(rejected, TrainingArrange.Trainer);
        await commands.Handle(new RejectClassHoursAdjustment(rejected.AdjustmentId, "无培训记录"), TrainingArrange.Certifier);
        (await ledgers.For(officer, 2026)).Total.Should().Be(6);

        var added = Adjustment(officer, 4);
        await commands.Handle(added, TrainingArrange.Trainer);
        (await ledgers.For(officer, 2026)).Total.Should().Be(6, "a proposal alone credits nothing");
        await commands.Handle(new ApproveClassHoursAdjustment(added.AdjustmentId), TrainingArrange.Certifier);
        var ledger = await ledgers.For(officer, 2026);
        (ledger.Total, ledger.BySource[CreditSource.Adjustment]).Should().Be((10m, 4m));

        var withdrawn = Adjustment(officer, -1.5m);
        await commands.Handle(withdrawn, TrainingArrange.Trainer);
        await commands.Handle(new ApproveClassHoursAdjustment(withdrawn.AdjustmentId), Arrange.Admin);
        (await ledgers.For(officer, 2026)).Total.Should().Be(8.5m);

        await using var q = f.Store.QuerySession();
        (await q.LoadAsync<ClassHoursAdjustment>(rejected.AdjustmentId))!.Status.Should().Be(AdjustmentStatus.Rejected);
        (await q.LoadAsync<ClassHoursAdjustment>(added.AdjustmentId))!.Should()
            .BeEquivalentTo(new { Status = AdjustmentStatus.Approved, DecidedBy = "certifier", ProposedBy = "trainer" });
    }

    [Fact]
    public async Task the_proposer_cannot_approve_and_a_decided_adjustment_stays_decided()
    {
        var (_, department) = await Arrange.CityWithDepartment(f, "J2");
        var officer = (await TrainingArrange.Officers(f, department, 1))[0].OfficerId;
        var commands = f.Get<TrainingCommands>();
        var adjustment = Adjustment(officer, 4);
        await commands.Handle(adjustment, TrainingArrange.TrainerAndCertifier);

        var own = () => commands.Handle(new ApproveClassHoursAdjustment(adjustment.AdjustmentId), TrainingArrange.TrainerAndCertifier);
        (await own.Should().ThrowAsync<DomainException>()).Which.Key.Should().Be("Training.OwnAdjustment");
        var trainer = () => commands.Handle(new ApproveClassHoursAdjustment(adjustment.AdjustmentId), TrainingArrange.OtherTrainer);
        (await trainer.Should().ThrowAsync<DomainException>()).Which.Key.Should().Be("NotAllowed");
        var certifierProposes = () => commands.Handle(Adjustment(officer, 1), TrainingArrange.Certifier);
        (await certifierProposes.Should().ThrowAsync<DomainException>()).Which.Key.Should().Be("NotAllowed");
        (await f.Get<TrainingLedgers>().For(officer, 2026)).Total.Should().Be(0);

        await commands.Handle(new ApproveClassHoursAdjustment(adjustment.AdjustmentId), TrainingArrange.Certifier);
        var twice = () => commands.Handle(new ApproveClassHoursAdjustment(adjustment.AdjustmentId), Arrange.Admin);
        (await twice.Should().ThrowAsync<DomainException>()).Which.Key.Should().Be("Training.AdjustmentDecided");
        (await f.Get<TrainingLedgers>().For(officer, 2026)).Total.Should().Be(4);
    }

    [Fact]
    public async Task the_ledger_as_of_a_time_before_the_adjustment_is_the_earlier_ledger()
    {
        var (_, department) = await Arrange.CityWithDepartment(f, "J3");
        var officer = (await TrainingArrange.Officers(f, department, 1))[0].OfficerId;
        var commands = f.Get<TrainingCommands>();
        await commands.Handle(TrainingArrange.Session([officer], 6), TrainingArrange.Trainer);
        var adjustment = Adjustment(officer, 4);
        await commands.Handle(adjustment, TrainingArrange.Trainer);
        await commands.Handle(new ApproveClassHoursAdjustment(adjustment.AdjustmentId), TrainingArrange.Certifier);

        await using var q = f.Store.QuerySession();
        var events = await q.Events.FetchStreamAsync(TrainingRecord.StreamIdFor(officer));
        events.Should().HaveCount(2);
        var between = events[0].Timestamp + (events[1].Timestamp - events[0].Timestamp) / 2;

        var ledgers = f.Get<TrainingLedgers>();
        (await ledgers.AsOf(officer, 2026, between)).Total.Should().Be(6);
        (await ledgers.AsOf(officer, 2026, events[1].Timestamp.AddSeconds(1))).Total.Should().Be(10);
        (await ledgers.AsOf(officer, 2026, events[0].Timestamp.AddSeconds(-1))).Total.Should().Be(0);
        (await ledgers.For(officer, 2026)).Total.Should().Be(10);
    }
}

public class when_an_agency_looks_for_officers_below_target(StoreFixture f) : IClassFixture<StoreFixture>
{
    [Fact]
    public async Task officers_under_60_hours_are_listed_furthest_behind_first()
    {
        var (city, department) = await Arrange.CityWithDepartment(f, "B1");
        var officers = await TrainingArrange.Officers(f, department, 4);
        var elsewhere = (await TrainingArrange.Officers(f, city, 1))[0];
        var (done, halfway, none, gone) = (officers[0].OfficerId, officers[1].OfficerId, officers[2].OfficerId, officers[3].OfficerId);
        var commands = f.Get<TrainingCommands>();
        for (var i = 0; i < 3; i++)
            await commands.Handle(TrainingArrange.Session([done], 20), TrainingArrange.Trainer);
        await commands.Handle(TrainingArrange.Session([halfway], 24), TrainingArrange.Trainer);
        await commands.Handle(TrainingArrange.Session([done, halfway], 6, new DateOnly(2025, 6, 1)), TrainingArrange.Trainer);
        await f.Get<OfficerCommands>().Handle(new DeactivateOfficer(gone, new DateOnly(2026, 1, 5), "调离"), Arrange.Admin);

        var below = await f.Get<TrainingLedgers>().BelowTarget([department.Id], 2026);

        below.Select(x => (x.Officer.Id, x.Ledger.Total)).Should().Equal((none, 0m), (halfway, 24m));
        below.Should().OnlyContain(x => x.Ledger.Remaining > 0 && x.Ledger.Year == 2026);
        (await f.Get<TrainingLedgers>().BelowTarget(null, 2026)).Select(x => x.Officer.Id)
            .Should().Contain([none, halfway, elsewhere.OfficerId]).And.NotContain([done, gone]);
        (await f.Get<TrainingLedgers>().BelowTarget([city.Id, department.Id], 2026)).Select(x => x.Officer.Id)
            .Should().BeEquivalentTo([none, halfway, elsewhere.OfficerId], "a city with its departments lists both");
    }

    [Fact]
    public async Task the_requirement_is_the_one_set_for_the_year()
    {
        var (_, department) = await Arrange.CityWithDepartment(f, "B2");
        var officer = (await TrainingArrange.Officers(f, department, 1))[0].OfficerId;
        for (var i = 0; i < 3; i++)
            await f.Get<TrainingCommands>().Handle(TrainingArrange.Session([officer], 20, new DateOnly(2027, 3, 2)), TrainingArrange.Trainer);
        (await f.Get<TrainingLedgers>().BelowTarget([department.Id], 2027)).Should().BeEmpty("60 hours meet the default");

        await f.Get<SettingsCommands>().Handle(new SetPolicy(2027, Policy.Defaults with { RequiredClassHours = 72m }, "省定标准提高"),
            Arrange.Admin);

        var below = await f.Get<TrainingLedgers>().BelowTarget([department.Id], 2027);
        below.Should().ContainSingle().Which.Ledger.Should().BeEquivalentTo(new { Required = 72m, Total = 60m, Remaining = 12m });
        (await f.Get<TrainingLedgers>().For(officer, 2026)).Required.Should().Be(60m, "2026 keeps its own requirement");
    }
}
