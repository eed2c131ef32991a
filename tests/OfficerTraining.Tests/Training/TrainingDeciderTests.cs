using OfficerTraining.Agencies;
using OfficerTraining.Infrastructure;
using OfficerTraining.Officers;
using OfficerTraining.Training;

namespace OfficerTraining.Tests.Training;

public class when_an_in_person_session_is_recorded
{
    static Officer NewOfficer(string name = "张伟", bool active = true) => new(
        Guid.NewGuid(), name, Gender.Male, new DateOnly(1985, 1, 1), Guid.NewGuid(), "科员", [EnforcementDomain.UrbanManagement],
        EmploymentType.Established, new ProtectedNationalId("h", "1234", "c"), active, DateTimeOffset.UnixEpoch);

    static RecordInPersonSession Session(decimal hours = 3, string topic = "行政处罚法专题", params Guid[] attendees) =>
        new(Guid.NewGuid(), new DateOnly(2026, 3, 2), topic, hours, TrainingCategory.PublicLaw, attendees);

    static Dictionary<Guid, Officer> Known(params Officer[] officers) => officers.ToDictionary(o => o.Id);

    static string KeyOf(Action act) => act.Should().Throw<DomainException>().Which.Key;

    [Fact]
    public void each_attendee_is_credited_the_sessions_hours_on_the_day_it_was_held()
    {
        var (a, b) = (NewOfficer(), NewOfficer("李娜"));
        var c = Session(3.5m, " 行政处罚法专题 ", a.Id, b.Id);
        var decision = TrainingDecider.Decide(c, Known(a, b), "trainer");

        decision.Session.Should().BeEquivalentTo(new { c.SessionId, Topic = "行政处罚法专题", Trainer = "trainer", Hours = 3.5m });
        decision.Credits.Should().HaveCount(2).And.AllSatisfy(x =>
        {
            x.Should().BeEquivalentTo(new
            {
                StudiedOn = new DateOnly(2026, 3, 2), Hours = 3.5m, Source = CreditSource.InPerson, SourceId = c.SessionId,
                Category = TrainingCategory.PublicLaw,
            });
        });
        decision.Credits.Select(x => x.OfficerId).Should().Equal(a.Id, b.Id);
        decision.Credits[0].CreditId.Should().Be(TrainingRecord.CreditIdFor(c.SessionId, a.Id));
    }

    [Theory]
    [InlineData(0.4)]
    [InlineData(24.5)]
    public void hours_outside_half_an_hour_to_a_day_are_refused(double hours)
    {
        var a = NewOfficer();
        KeyOf(() => TrainingDecider.Decide(Session((decimal)hours, "专题", a.Id), Known(a), "t")).Should().Be("Training.SessionHours");
    }

    [Fact]
    public void the_bounds_themselves_are_accepted()
    {
        var a = NewOfficer();
        TrainingDecider.Decide(Session(0.5m, "专题", a.Id), Known(a), "t").Credits.Should().ContainSingle();
        TrainingDecider.Decide(Session(24m, "专题", a.Id), Known(a), "t").Credits.Should().ContainSingle();
    }

    [Fact]
    public void a_topic_and_an_attendee_are_required()
    {
        var a = NewOfficer();
        KeyOf(() => TrainingDecider.Decide(Session(3, "  ", a.Id), Known(a), "t")).Should().Be("Training.TopicRequired");
        KeyOf(() => TrainingDecider.Decide(Session(3, "专题"), Known(), "t")).Should().Be("Training.NoAttendees");
    }

    [Fact]
    public void attendees_must_be_known_active_and_listed_once()
    {
        var (a, gone) = (NewOfficer(), NewOfficer("王强", active: false));
        KeyOf(() => TrainingDecider.Decide(Session(3, "专题", a.Id, a.Id), Known(a), "t")).Should().Be("Training.DuplicateAttendee");
        KeyOf(() => TrainingDecider.Decide(Session(3, "专题", a.Id, gone.Id), Known(a, gone), "t")).Should().Be("Training.AttendeeInactive");
        KeyOf(() => TrainingDecider.Decide(Session(3, "专题", a.Id, Guid.NewGuid()), Known(a), "t")).Should().Be("Officer.NotFound");
    }
}

public class when_class_hours_are_adjusted
{
    static readonly Officer Someone = new(
        Guid.NewGuid(), "张伟", Gender.Male, new DateOnly(1985, 1, 1), Guid.NewGuid(), "科员", [EnforcementDomain.UrbanManagement],
        EmploymentType.Established, new ProtectedNationalId("h", "1234", "c"), true, DateTimeOffset.UnixEpoch);

    static ClassHoursAdjustment Proposed(decimal hours = 4, string by = "trainer")
    {
        var c = new ProposeClassHoursAdjustment(Guid.NewGuid(), Someone.Id, new DateOnly(2026, 6, 1), hours,
            TrainingCategory.Skills, "补录线下培训");
        var e = TrainingDecider.Decide(c, Someone, by);
        return new(e.AdjustmentId, e.OfficerId, e.StudiedOn, e.Hours, e.Category, e.Reason, e.ProposedBy,
            AdjustmentStatus.Proposed, null, DateTimeOffset.UnixEpoch);
    }

    static string KeyOf(Action act) => act.Should().Throw<DomainException>().Which.Key;

    [Fact]
    public void a_proposal_needs_a_reason_nonzero_hours_and_a_known_officer()
    {
        var c = new ProposeClassHoursAdjustment(Guid.NewGuid(), Someone.Id, new DateOnly(2026, 6, 1), 4, TrainingCategory.Skills, " ");
        KeyOf(() => TrainingDecider.Decide(c, Someone, "t")).Should().Be("Training.ReasonRequired");
        KeyOf(() => TrainingDecider.Decide(c with { Reason = "r", Hours = 0 }, Someone, "t")).Should().Be("Training.AdjustmentZero");
        KeyOf(() => TrainingDecider.Decide(c with { Reason = "r" }, null, "t")).Should().Be("Officer.NotFound");
    }

    [Fact]
    public void approval_by_a_different_person_credits_the_officer_from_the_adjustment()
    {
        var adjustment = Proposed();
        var (approved, credit) = TrainingDecider.Decide(new ApproveClassHoursAdjustment(adjustment.Id), adjustment, "certifier");
        approved.ApprovedBy.Should().Be("certifier");
        credit.Should().BeEquivalentTo(new
        {
            OfficerId = Someone.Id, Hours = 4m, Source = CreditSource.Adjustment, SourceId = adjustment.Id,
            StudiedOn = new DateOnly(2026, 6, 1), Category = TrainingCategory.Skills, Description = "补录线下培训",
        });
    }

    [Fact]
    public void the_proposer_can_neither_approve_nor_reject()
    {
        var adjustment = Proposed(by: "trainer");
        KeyOf(() => TrainingDecider.Decide(new ApproveClassHoursAdjustment(adjustment.Id), adjustment, "trainer"))
            .Should().Be("Training.OwnAdjustment");
        KeyOf(() => TrainingDecider.Decide(new RejectClassHoursAdjustment(adjustment.Id, "不符合"), adjustment, "trainer"))
            .Should().Be("Training.OwnAdjustment");
    }

    [Fact]
    public void a_decided_adjustment_cannot_be_decided_again_and_a_rejection_needs_a_comment()
    {
        var adjustment = Proposed();
        KeyOf(() => TrainingDecider.Decide(new RejectClassHoursAdjustment(adjustment.Id, ""), adjustment, "c"))
            .Should().Be("Training.CommentRequired");
        var approved = adjustment with { Status = AdjustmentStatus.Approved };
        KeyOf(() => TrainingDecider.Decide(new ApproveClassHoursAdjustment(adjustment.Id), approved, "c"))
            .Should().Be("Training.AdjustmentDecided");
    }

    [Fact]
    public void a_negative_adjustment_is_a_negative_credit_that_lowers_the_ledger()
    {
        var adjustment = Proposed(hours: -2.5m);
        var (_, credit) = TrainingDecider.Decide(new ApproveClassHoursAdjustment(adjustment.Id), adjustment, "c");
        credit.Hours.Should().Be(-2.5m);
        var course = new ClassHoursCredited(Someone.Id, Guid.NewGuid(), new DateOnly(2026, 2, 1), 10, TrainingCategory.Skills,
            CreditSource.Course, Guid.NewGuid(), "课程");
        var ledger = AnnualLedger.Fold(Someone.Id, 2026, 60, [course, credit]);
        (ledger.Total, ledger.Remaining, ledger.ByCategory[TrainingCategory.Skills], ledger.BySource[CreditSource.Adjustment])
            .Should().Be((7.5m, 52.5m, 7.5m, -2.5m));
    }
}

public class when_a_training_record_is_folded
{
    [Fact]
    public void its_ledger_matches_the_fold_of_its_events()
    {
        var officer = Guid.NewGuid();
        ClassHoursCredited Credit(decimal h, DateOnly on) =>
            new(officer, Guid.NewGuid(), on, h, TrainingCategory.PublicLaw, CreditSource.Course, Guid.NewGuid(), "课程");
        var (a, b, c) = (Credit(3, new(2026, 12, 31)), Credit(5, new(2027, 1, 1)), Credit(2, new(2026, 5, 1)));
        var withdrawn = new ClassHoursWithdrawn(officer, c.CreditId, "重复");
        var record = new TrainingRecord(TrainingRecord.StreamIdFor(officer), officer, []);
        record = TrainingRecord.Apply(a, record);
        record = TrainingRecord.Apply(b, record);
        record = TrainingRecord.Apply(c, record);
        record = TrainingRecord.Apply(withdrawn, record);
        record = TrainingRecord.Apply(a, record); // recorded twice

        object[] events = [a, b, c, withdrawn, a];
        record.LedgerFor(2026, 60).Should().BeEquivalentTo(AnnualLedger.Fold(officer, 2026, 60, events));
        record.LedgerFor(2027, 60).Total.Should().Be(5);
        record.Credits.Should().HaveCount(3).And.Contain(x => x.CreditId == c.CreditId && x.Withdrawn);
    }

    [Fact]
    public void stream_ids_are_stable_per_officer()
    {
        var officer = Guid.NewGuid();
        TrainingRecord.StreamIdFor(officer).Should().Be(TrainingRecord.StreamIdFor(officer))
            .And.NotBe(TrainingRecord.StreamIdFor(Guid.NewGuid())).And.NotBe(officer);
    }
}
