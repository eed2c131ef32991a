using OfficerTraining.Courses;
using OfficerTraining.Training;

namespace OfficerTraining.Tests.Courses;

/// <summary>Small valid courses for the course specifications.</summary>
static class Courses
{
    public static Lesson Lesson(int n, int minutes = 30) =>
        new($"L{n}", $"第{n}讲", $"## 第{n}讲\n\n行政处罚的种类（第九条）。", minutes);

    public static CourseContent Content(params Lesson[] lessons) => new(
        "行政处罚法精讲", "面向全体执法人员。", TrainingCategory.PublicLaw, 2m, ["行政处罚法"],
        lessons.Length == 0 ? [Lesson(1), Lesson(2)] : lessons, new CourseQuiz(5, 5, 0, 15, 60, 3));

    public static Course Drafted(CourseContent? content = null) =>
        Course.Create(new JasperFx.Events.Event<CourseDrafted>(new CourseDrafted(Course.StreamIdFor("KC-XZCF"), "KC-XZCF",
            content ?? Content())) { StreamId = Course.StreamIdFor("KC-XZCF") });

    public static Course Published(CourseContent? content = null)
    {
        var course = Drafted(content);
        var published = CourseDecider.Decide(new PublishCourse(course.Id), course, [], [], Given.Now).OfType<CoursePublished>().Single();
        return Course.Apply(published, course);
    }
}
