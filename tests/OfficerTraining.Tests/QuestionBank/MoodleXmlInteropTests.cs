using OfficerTraining.Infrastructure;
using OfficerTraining.QuestionBank;
using OfficerTraining.QuestionBank.Import;

namespace OfficerTraining.Tests.QuestionBank;

public class when_importing_moodles_xml_fixtures
{
    static ParsedBank Read(string name) => MoodleXmlReader.Read(name, File.ReadAllText(Interop.File("moodle", name)));

    [Fact]
    public void nested_categories_become_the_topic_tags_of_their_questions()
    {
        var bank = Read("nested_categories_with_questions.xml");

        bank.Errors.Should().BeEmpty();
        bank.Questions.Select(q => (q.Content.Stem, string.Join("/", q.Content.Tags))).Should().Equal(
            ("Testing Iota Question", "Iota"), ("Testing Kappa Question", "Iota/Kappa"),
            ("Testing Lambda Question", "Iota/Kappa/Lambda"), ("Testing Mu Question", "Iota/Mu"));
        bank.Questions.Should().AllSatisfy(q =>
        {
            q.Content.Type.Should().Be(QuestionType.TrueFalse);
            q.Content.Correct.Should().Equal(0);
            q.Code.Should().StartWith("MXML-");
        });
        bank.Refused.Should().ContainSingle().Which.Question.Should().Be("Kappa Essay Question");
    }

    [Fact]
    public void grades_moodle_would_refuse_are_an_error_naming_the_question_and_the_grade()
    {
        var bank = Read("error_invalid_grades.xml");

        bank.Questions.Should().BeEmpty();
        var error = bank.Errors.Should().ContainSingle().Subject;
        error.Line.Should().Be(4);
        error.Message.Should().Contain("Question with invalid grades : x > 1 & x < 2").And.Contain("33%");
    }

    [Fact]
    public void malformed_xml_is_an_error_with_its_line()
    {
        var bank = MoodleXmlReader.Read("broken.xml", "<quiz>\n  <question type=\"truefalse\">\n    <name><text>x</name>\n</quiz>");

        bank.Questions.Should().BeEmpty();
        bank.Errors.Should().ContainSingle().Which.Line.Should().Be(3);
    }

    [Fact]
    public void a_file_that_is_not_a_quiz_is_refused() =>
        MoodleXmlReader.Read("x.xml", "<html/>").Errors.Should().ContainSingle()
            .Which.Message.Should().Be(Messages.Format("Import.NotMoodleXml", "html"));
}

public class when_reading_moodle_xml_multiple_choice
{
    static string Quiz(string single, params (string Fraction, string Text)[] answers) => $"""
        <quiz>
          <question type="category"><category><text>$course$/top/Law//Admin/处罚</text></category></question>
          <question type="multichoice">
            <name><text>Q</text></name>
            <questiontext format="html"><text><![CDATA[<p>Which are <b>right</b>?</p><p>Tick&nbsp;all.</p>]]></text></questiontext>
            <generalfeedback format="html"><text>Because &amp;lt;law&amp;gt;.</text></generalfeedback>
            <idnumber>XZCF-0009</idnumber>
            <single>{single}</single>
            {string.Concat(answers.Select(a => $"<answer fraction=\"{a.Fraction}\"><text>{a.Text}</text></answer>"))}
            <tags><tag><text>程序</text></tag></tags>
          </question>
        </quiz>
        """;

    [Fact]
    public void positive_grades_adding_up_to_100_are_the_keys_of_a_multiple_answer_question()
    {
        var bank = MoodleXmlReader.Read("q.xml", Quiz("false", ("50", "A"), ("-100", "B"), ("50", "C")));

        bank.Errors.Should().BeEmpty();
        var q = bank.Questions.Should().ContainSingle().Subject;
        q.Code.Should().Be("XZCF-0009");
        q.Content.Type.Should().Be(QuestionType.Multiple);
        q.Content.Stem.Should().Be("Which are right?\nTick all.");
        q.Content.Options.Should().Equal("A", "B", "C");
        q.Content.Correct.Should().Equal(0, 2);
        q.Content.Explanation.Should().Be("Because <law>.");
        q.Content.Tags.Should().Equal("Law/Admin", "处罚", "程序");
        q.Line.Should().Be(3);
    }

    [Fact]
    public void a_single_answer_question_has_its_100_percent_option_as_key()
    {
        var q = MoodleXmlReader.Read("q.xml", Quiz("true", ("0", "A"), ("100", "B"))).Questions.Should().ContainSingle().Subject;
        q.Content.Type.Should().Be(QuestionType.Single);
        q.Content.Correct.Should().Equal(1);
    }

    [Theory]
    [InlineData("true", "50", "50", "Import.SingleNeedsFullMarks", "50")]
    [InlineData("false", "50", "0", "Import.GradesDoNotAddUp", "50")]
    [InlineData("false", "50", "40", "Import.GradesDoNotAddUp", "90")]
    public void grades_that_do_not_add_up_are_an_error(string single, string a, string b, string key, string percent)
    {
        var bank = MoodleXmlReader.Read("q.xml", Quiz(single, (a, "A"), (b, "B")));

        bank.Questions.Should().BeEmpty();
        bank.Errors.Should().ContainSingle().Which.Message.Should().Be(Messages.Format(key, "Q", percent));
    }
}
