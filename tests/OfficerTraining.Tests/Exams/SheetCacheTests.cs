using OfficerTraining.Exams;
using OfficerTraining.QuestionBank;

namespace OfficerTraining.Tests.Exams;

public class A_journal_writers_sheet_cache
{
    static KeptSheet Kept(Taken t) => new(t.Answers, t.Shape);

    [Fact]
    public void keeps_the_latest_sheet_of_an_attempt_and_forgets_it_when_told()
    {
        var cache = new SheetCache(capacity: 10);
        var started = Attempts.Started(Attempts.Opens.AddMinutes(1));
        var answered = Attempts.Answered(started, Attempts.Opens.AddMinutes(2), ("1", [0]));
        cache.Keep(Kept(started));
        cache.Keep(Kept(answered));

        cache.Get(started.Id)!.Sheet.Answers.Keys.Should().Equal("1");
        cache.Forget(started.Id);
        cache.Get(started.Id).Should().BeNull("a forgotten attempt is read from the database again");
    }

    [Fact]
    public void forgets_everything_when_a_new_attempt_would_pass_its_capacity()
    {
        var cache = new SheetCache(capacity: 2);
        var (a, b, c) = (Attempts.Started(Attempts.Opens), Attempts.Started(Attempts.Opens), Attempts.Started(Attempts.Opens));
        cache.Keep(Kept(a));
        cache.Keep(Kept(b));
        cache.Keep(Kept(b));
        cache.Get(a.Id).Should().NotBeNull("keeping a known attempt again does not count against the capacity");

        cache.Keep(Kept(c));
        cache.Get(a.Id).Should().BeNull();
        cache.Get(b.Id).Should().BeNull();
        cache.Get(c.Id).Should().NotBeNull();
    }

    [Fact]
    public void keeps_one_shape_for_papers_of_the_same_shape()
    {
        static PaperItem Item(string key, QuestionType type, int options) => new(key, type, [.. Enumerable.Range(0, options)], [0], 1);
        static Paper PaperOf(params PaperItem[] items) => new(Random.Shared.Next(), [new("Q", Guid.NewGuid(), 1, 1, items)]);
        var first = PaperShape.Of(PaperOf(Item("1", QuestionType.Single, 4), Item("2", QuestionType.Multiple, 5)));

        PaperShape.Of(PaperOf(Item("1", QuestionType.Single, 4), Item("2", QuestionType.Multiple, 5))).Should().BeSameAs(first);
        first.Options.Should().Equal(new Dictionary<string, int> { ["1"] = 4, ["2"] = 5 });
        first.Multiple.Should().BeEquivalentTo(["2"]);
        PaperShape.Of(PaperOf(Item("1", QuestionType.Single, 3), Item("2", QuestionType.Multiple, 5))).Should().NotBeSameAs(first)
            .And.Match<PaperShape>(s => s.Options["1"] == 3, "another option count is another shape");
        PaperShape.Of(PaperOf(Item("1", QuestionType.Single, 4), Item("2", QuestionType.Single, 5))).Multiple.Should().BeEmpty();
    }
}
