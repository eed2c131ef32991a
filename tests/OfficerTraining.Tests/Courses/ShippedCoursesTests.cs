using System.Text.RegularExpressions;
using OfficerTraining.Courses;
using OfficerTraining.Exams;
using OfficerTraining.QuestionBank;
using OfficerTraining.Tests.QuestionBank;

namespace OfficerTraining.Tests.Courses;

/// <summary>The starter catalogue in question-bank/courses: valid, one course per law, quizzes the shipped bank can fill.</summary>
public partial class ShippedCoursesTests
{
    static readonly IReadOnlyList<ParsedCourse> Catalogue = ShippedCourses.Read();

    [Fact]
    public void every_law_in_the_library_has_a_starter_course()
    {
        Catalogue.SelectMany(c => c.Content.Laws).Distinct().Should().BeEquivalentTo(LawLibrary.Shipped.Names);
        Catalogue.Should().OnlyContain(c => c.Content.Lessons.Count >= 2
            && c.Content.TotalMinutes == (int)(c.Content.ClassHours * 45), "the lessons need as long as the hours they earn");
    }

    [Fact]
    public void every_quiz_can_be_drawn_from_the_shipped_bank_whatever_the_seed()
    {
        var pool = ShippedBank.Read().Questions
            .Select(q => new ApprovedQuestion(q.Code, Question.StreamIdFor(q.Code), 1, q.Content)).ToList();
        Catalogue.Select(c => (c.Code, Shortfalls: Feasibility.Check(CourseDecider.QuizBlueprint(c.Content, c.Code), pool)))
            .Where(x => x.Shortfalls.Count > 0).Should().BeEmpty();
    }

    [Fact]
    public void every_article_a_lesson_cites_exists_in_its_law()
    {
        var missing = from c in Catalogue
                      from lesson in c.Content.Lessons
                      from Match m in ArticleReference().Matches(lesson.Markdown)
                      let article = ChineseNumerals.Parse(m.Groups[1].Value)
                      where article is null || !c.Content.Laws.Any(law => LawLibrary.Shipped.Has(law, article.Value))
                      select $"{c.File} {lesson.Key}: {m.Value}";
        missing.Should().BeEmpty();
    }

    [Fact]
    public void the_catalogue_embedded_in_the_app_is_the_folder_in_the_repository() =>
        Catalogue.Select(c => c.File).Should().Equal(Directory.GetFiles(Path.Combine(Repository.QuestionBank, "courses"), "*.yaml")
            .Select(Path.GetFileName).Order(StringComparer.Ordinal));

    [GeneratedRegex("第([零一二三四五六七八九十百]+)条")]
    private static partial Regex ArticleReference();
}
