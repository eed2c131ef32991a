using Marten;
using OfficerTraining.Exams;
using OfficerTraining.QuestionBank;
using OfficerTraining.Web.Features.Exams.Taking;
using OfficerTraining.Web.Features.QuestionBank;

namespace OfficerTraining.IntegrationTests.Exams;

/// <summary>The exam page's items, read through <see cref="ShownPaper"/>, which keeps what a question version shows in a
/// given option order once for every circuit: each item still shows its own version in its own paper's order.</summary>
public class when_exam_pages_show_a_paper(ExamFixture f) : IClassFixture<ExamFixture>
{
    [Fact]
    public async Task each_item_shows_its_question_version_in_the_papers_option_order_and_pages_share_what_is_the_same()
    {
        var session = await f.Schedule();
        var paper = (await f.Attempt(await f.Start(session, 0))).Paper;
        var otherPaper = (await f.Attempt(await f.Start(session, 1))).Paper;
        await using var query = f.Store.QuerySession();
        var questions = (await query.LoadManyAsync<Question>(paper.Questions.Select(q => q.QuestionId).Distinct().ToArray()))
            .ToDictionary(q => q.Id);

        var shown = await ShownPaper.Load(query, paper, withKey: false);

        var drawn = paper.Questions.SelectMany(q => q.Items.Select((item, n) => (Question: q, Item: item, N: n))).ToList();
        shown.Select(s => s.Key).Should().Equal(drawn.Select(d => d.Item.Key));
        foreach (var (d, item) in drawn.Zip(shown))
        {
            var content = questions[d.Question.QuestionId].ContentOf(d.Question.Version);
            var source = content.Type == QuestionType.Case ? content.SubQuestions[d.N] : content.AsItem();
            item.Shown.Stem.Should().Be(source.Stem);
            item.Shown.Options.Should().Equal(d.Item.OptionOrder.Select(o => source.Options[o]), "options in the paper's order");
            item.Shown.Correct.Should().BeEmpty("the exam page never holds the key");
            item.Shown.Explanation.Should().BeEmpty();
            item.Type.Should().Be(d.Item.Type);
            item.Points.Should().Be(d.Item.Points);
            Enumerable.Range(0, d.Item.OptionOrder.Count).Select(item.Original).Should().Equal(d.Item.OptionOrder);
        }

        // A second page of the same paper (a reload, another circuit) shares every shown item.
        var again = await ShownPaper.Load(query, paper, withKey: false);
        again.Zip(shown).Should().OnlyContain(p => ReferenceEquals(p.First.Content, p.Second.Content));
        // Another officer's paper shares an item exactly when it shows the same version in the same order and points.
        var other = await ShownPaper.Load(query, otherPaper, withKey: false);
        var otherDrawn = otherPaper.Questions.SelectMany(q => q.Items.Select((item, n) => (Question: q, Item: item, N: n))).ToList();
        foreach (var (a, sa) in drawn.Zip(shown))
        foreach (var (b, sb) in otherDrawn.Zip(other))
        {
            var same = a.Question.QuestionId == b.Question.QuestionId && a.Question.Version == b.Question.Version && a.N == b.N
                && a.Item.OptionOrder.SequenceEqual(b.Item.OptionOrder) && a.Item.Points == b.Item.Points;
            ReferenceEquals(sa.Content, sb.Content).Should().Be(same);
        }

        // The result page asks for the key: in display positions, kept apart from the exam page's keyless items.
        var withKey = await ShownPaper.Load(query, paper, withKey: true);
        foreach (var (d, item) in drawn.Zip(withKey))
        {
            item.Shown.Correct.Select(item.Original).Should().BeEquivalentTo(d.Item.Correct);
            item.Content.Should().NotBeSameAs(shown[item.Index].Content);
        }
    }
}
