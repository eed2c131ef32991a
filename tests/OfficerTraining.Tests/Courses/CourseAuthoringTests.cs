using OfficerTraining.Courses;
using OfficerTraining.Exams;
using OfficerTraining.Infrastructure;
using OfficerTraining.QuestionBank;

namespace OfficerTraining.Tests.Courses;

public class when_a_course_is_checked_for_publishing
{
    [Fact]
    public void a_complete_course_has_no_problems() =>
        CourseRules.Problems(Courses.Content(), LawLibrary.Shipped).Should().BeEmpty();

    [Fact]
    public void every_problem_is_listed_and_names_its_lesson()
    {
        var content = Courses.Content(Courses.Lesson(1), new Lesson("L2", "第二讲", "<script>x()</script>", 0, "http://video.example/a.mp4"))
            with { Laws = ["行政处罚法", "不存在法"], ClassHours = 0.3m, Quiz = new CourseQuiz(0, 0, 0, 15, 60, 3) };

        CourseRules.Problems(content, LawLibrary.Shipped).Should().Equal(
            Messages.Format("Course.Hours", 0.3m, CourseRules.MinHours, CourseRules.MaxHours),
            Messages.Format("Course.UnknownLaw", "不存在法"),
            Messages.Format("Course.LessonMinutes", "2（第二讲）", 0, CourseRules.MaxLessonMinutes),
            Messages.Format("Course.LinkNotHttps", "2（第二讲）", "http://video.example/a.mp4"),
            Messages.Format("Course.QuizQuestions", 0));
    }

    [Fact]
    public void a_lesson_whose_text_is_only_stripped_markup_is_empty()
    {
        var content = Courses.Content(new Lesson("L1", "第一讲", "<iframe src=\"https://x\"></iframe>", 10));
        // Raw HTML is kept as visible text, so the lesson is not empty; only whitespace is.
        CourseRules.Problems(content, LawLibrary.Shipped).Should().BeEmpty();
        CourseRules.Problems(content with { Lessons = [new Lesson("L1", "第一讲", "  \n ", 10)] }, LawLibrary.Shipped)
            .Should().Equal(Messages.Format("Course.LessonEmpty", "1（第一讲）"));
    }
}

public class when_a_course_is_published
{
    [Fact]
    public void the_draft_becomes_version_1_and_its_quiz_opens_as_a_course_quiz_session()
    {
        var course = Courses.Drafted();

        var events = CourseDecider.Decide(new PublishCourse(course.Id), course, [], [], Given.Now);

        var published = events.OfType<CoursePublished>().Single();
        published.Should().BeEquivalentTo(new { Version = 1, Content = course.Draft, At = Given.Now });
        var quiz = events.OfType<ExamSessionScheduled>().Single();
        quiz.Should().BeEquivalentTo(new
        {
            SessionId = published.QuizSessionId, Purpose = ExamPurpose.CourseQuiz, Opens = Given.Now, Roster = Roster.All,
            Blueprint = new { PassMark = 6m, AttemptsAllowed = 3, Review = ReviewDetail.ScoreOnly, Duration = TimeSpan.FromMinutes(15) },
        });
        quiz.Blueprint.Sections.Should().OnlyContain(s => s.Filter.Laws.SequenceEqual(new[] { "行政处罚法" }) && s.Points == 1m);
        quiz.Closes.Should().BeAfter(Given.Now.AddYears(19));
    }

    [Fact]
    public void revising_a_published_course_drafts_the_next_version_and_leaves_the_published_one_as_it_was()
    {
        var course = Courses.Published();
        var v1 = course.Current!;

        var revised = Course.Apply((CourseDraftRevised)CourseDecider.Decide(
            new ReviseCourse(course.Id, Courses.Content() with { Title = "行政处罚法精讲（2027版）" }), course).Single(), course);
        var republished = CourseDecider.Decide(new PublishCourse(course.Id), revised, [], [], Given.Now.AddDays(30))
            .OfType<CoursePublished>().Single();
        var after = Course.Apply(republished, revised);

        revised.Current.Should().Be(v1, "the published version does not change while its successor is drafted");
        after.Versions.Select(v => (v.Version, v.Content.Title)).Should().Equal((1, "行政处罚法精讲"), (2, "行政处罚法精讲（2027版）"));
        after.Versions[1].QuizSessionId.Should().NotBe(v1.QuizSessionId, "each version has its own quiz");
    }

    [Fact]
    public void a_course_with_problems_or_a_quiz_the_bank_cannot_fill_is_refused()
    {
        var course = Courses.Drafted();
        var invalid = () => CourseDecider.Decide(new PublishCourse(course.Id), course, ["第 1 讲缺少标题。"], [], Given.Now);
        invalid.Should().Throw<DomainException>().Which.Key.Should().Be("Course.Invalid");
        var tooBig = () => CourseDecider.Decide(new PublishCourse(course.Id), course, [], [new SectionShortfall(0, "单选题", 5, 2)], Given.Now);
        tooBig.Should().Throw<DomainException>().Which.Key.Should().Be("Course.QuizTooBig");
    }

    [Fact]
    public void nothing_to_publish_without_a_draft_and_a_retired_course_stays_retired()
    {
        var published = Courses.Published();
        var again = () => CourseDecider.Decide(new PublishCourse(published.Id), published, [], [], Given.Now);
        again.Should().Throw<DomainException>().Which.Key.Should().Be("Course.NothingToPublish");

        var retired = Course.Apply((CourseRetired)CourseDecider.Decide(new RetireCourse(published.Id, "法律已修订"), published).Single(), published);
        CourseDecider.Decide(new RetireCourse(published.Id, "再停用"), retired).Should().BeEmpty();
        var revise = () => CourseDecider.Decide(new ReviseCourse(retired.Id, Courses.Content()), retired);
        revise.Should().Throw<DomainException>().Which.Key.Should().Be("Course.Retired");
    }

    [Fact]
    public void the_code_names_the_course_so_a_second_draft_with_it_is_refused()
    {
        var taken = () => CourseDecider.Decide(new DraftCourse(" kc-xzcf ", Courses.Content()), Courses.Drafted());
        taken.Should().Throw<DomainException>().Which.Key.Should().Be("Course.CodeTaken");
        CourseDecider.Decide(new DraftCourse(" kc-xzqz ", Courses.Content()), null).Code.Should().Be("KC-XZQZ");
    }
}
