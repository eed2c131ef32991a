using JasperFx.Events;
using OfficerTraining.Infrastructure;
using OfficerTraining.QuestionBank;

namespace OfficerTraining.Tests.QuestionBank;

public class when_questions_are_written_and_reviewed
{
    const string Code = "XZCF-0001";

    static Question Fold(params object[] events)
    {
        Question? q = null;
        foreach (var e in events)
        {
            var wrapped = (IEvent)Activator.CreateInstance(typeof(Event<>).MakeGenericType(e.GetType()), e)!;
            wrapped.Timestamp = Given.Now;
            q = e switch
            {
                QuestionDrafted => Question.Create((IEvent<QuestionDrafted>)wrapped),
                QuestionRevised => Question.Apply((IEvent<QuestionRevised>)wrapped, q!),
                QuestionSubmittedForReview => Question.Apply((IEvent<QuestionSubmittedForReview>)wrapped, q!),
                QuestionApproved => Question.Apply((IEvent<QuestionApproved>)wrapped, q!),
                QuestionRejected => Question.Apply((IEvent<QuestionRejected>)wrapped, q!),
                QuestionRetired => Question.Apply((IEvent<QuestionRetired>)wrapped, q!),
                _ => throw new ArgumentException(e.GetType().Name),
            };
        }
        return q!;
    }

    static Question InReview(string author = "trainer") => Fold(
        QuestionDecider.Decide(new SaveQuestion(Code, Questions.Single(), "editor", ""), null, author)
            .Append(new QuestionSubmittedForReview(Question.StreamIdFor(Code), 1)).ToArray());

    [Fact]
    public void a_new_code_is_drafted_as_version_one_by_its_author()
    {
        var e = QuestionDecider.Decide(new SaveQuestion(Code, Questions.Single(), "editor", ""), null, "trainer");
        e.Should().ContainSingle().Which.Should().BeEquivalentTo(
            new QuestionDrafted(Question.StreamIdFor(Code), Code, 1, Questions.Single(), "trainer", "editor"));
    }

    [Fact]
    public void saving_the_same_content_again_records_nothing() =>
        QuestionDecider.Decide(new SaveQuestion(Code, Questions.Single(), "x.yaml", "import"), InReview(), "trainer").Should().BeEmpty();

    [Fact]
    public void the_same_code_always_names_the_same_stream() =>
        Question.StreamIdFor("xzcf-0001 ").Should().Be(Question.StreamIdFor(Code)).And.NotBe(Question.StreamIdFor("XZCF-0002"));

    [Fact]
    public void a_reviewer_approves_the_version_under_review()
    {
        QuestionDecider.Decide(new ApproveQuestion(Code, 1), InReview(), "reviewer")
            .Should().Equal(new QuestionApproved(Question.StreamIdFor(Code), 1, "reviewer"));
    }

    [Fact]
    public void nobody_approves_a_version_they_wrote() =>
        FluentActions.Invoking(() => QuestionDecider.Decide(new ApproveQuestion(Code, 1), InReview("zhang"), "ZHANG"))
            .Should().Throw<DomainException>().Which.Key.Should().Be("Question.OwnVersion");

    [Fact]
    public void a_draft_cannot_be_approved_before_it_is_submitted()
    {
        var draft = Fold(QuestionDecider.Decide(new SaveQuestion(Code, Questions.Single(), "editor", ""), null, "trainer"));
        FluentActions.Invoking(() => QuestionDecider.Decide(new ApproveQuestion(Code, 1), draft, "reviewer"))
            .Should().Throw<DomainException>().Which.Key.Should().Be("Question.NotInReview");
    }

    [Fact]
    public void an_incomplete_draft_cannot_go_to_review()
    {
        var draft = Fold(QuestionDecider.Decide(new SaveQuestion(Code, Questions.Single() with { Citations = [] }, "q.gift", ""), null, "trainer"));
        FluentActions.Invoking(() => QuestionDecider.Decide(new SubmitQuestion(Code), draft, LawLibrary.Shipped))
            .Should().Throw<DomainException>().Which.Key.Should().Be("Question.Incomplete");
    }

    static readonly Guid Id = Question.StreamIdFor(Code);

    static readonly object[] ApprovedHistory =
    [
        new QuestionDrafted(Id, Code, 1, Questions.Single(), "trainer", "editor"),
        new QuestionSubmittedForReview(Id, 1), new QuestionApproved(Id, 1, "reviewer"),
    ];

    [Fact]
    public void editing_an_approved_question_makes_a_new_draft_and_keeps_the_approved_version_usable()
    {
        var edited = Questions.Single("限制人身自由的行政处罚由哪种规范设定？");
        var revised = QuestionDecider.Decide(new SaveQuestion(Code, edited, "editor", "措辞"), Fold(ApprovedHistory), "trainer");
        revised.Should().ContainSingle().Which.Should().BeOfType<QuestionRevised>().Which.Version.Should().Be(2);

        var after = Fold([.. ApprovedHistory, .. revised]);
        after.Should().BeEquivalentTo(new { CurrentVersion = 2, Status = QuestionStatus.Draft, ApprovedVersion = 1 });
        after.ContentOf(1).Stem.Should().Be(Questions.Single().Stem);
        after.ContentOf(2).Stem.Should().Be(edited.Stem);
    }

    [Fact]
    public void a_reviewer_who_saw_an_older_version_is_told_to_review_again()
    {
        var q = InReview() with { CurrentVersion = 2 };
        FluentActions.Invoking(() => QuestionDecider.Decide(new ApproveQuestion(Code, 1), q, "reviewer"))
            .Should().Throw<DomainException>().Which.Key.Should().Be("Question.VersionChanged");
    }

    [Fact]
    public void a_rejection_needs_a_comment_and_a_retired_question_stays_retired()
    {
        FluentActions.Invoking(() => QuestionDecider.Decide(new RejectQuestion(Code, 1, ""), InReview(), "reviewer"))
            .Should().Throw<DomainException>().Which.Key.Should().Be("Field.Required");
        var retired = Fold([.. QuestionDecider.Decide(new SaveQuestion(Code, Questions.Single(), "editor", ""), null, "trainer"),
            new QuestionRetired(Question.StreamIdFor(Code), "法律修订")]);
        FluentActions.Invoking(() => QuestionDecider.Decide(new SaveQuestion(Code, Questions.TrueFalse(), "editor", "x"), retired, "trainer"))
            .Should().Throw<DomainException>().Which.Key.Should().Be("Question.Retired");
    }

    [Theory]
    [InlineData("XZCF 0001")]
    [InlineData("new")]   // names a page under /questions/
    [InlineData("Review")]
    public void a_bad_code_is_refused(string code) =>
        FluentActions.Invoking(() => QuestionDecider.CheckCode(code)).Should().Throw<DomainException>()
            .Which.Key.Should().Be("Question.CodeFormat");

    [Fact]
    public void re_importing_a_retired_question_unchanged_is_not_an_error()
    {
        var retired = Fold([.. ApprovedHistory, new QuestionRetired(Id, "法律修订")]);
        QuestionDecider.Decide(new SaveQuestion(Code, Questions.Single(), "bank.yaml", "import"), retired, "trainer").Should().BeEmpty();
    }
}
