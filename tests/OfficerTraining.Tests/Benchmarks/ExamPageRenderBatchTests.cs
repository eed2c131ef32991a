using OfficerTraining.Benchmarks.Circuits;

namespace OfficerTraining.Tests.Benchmarks;

/// <summary>
/// The circuits benchmark reads the exam page through its render batches alone. These are the first batches one circuit
/// received from the real app (captured with OT_BENCH_CAPTURE_BATCHES=&lt;folder&gt;): 2–4 the first interactive render,
/// 5–7 the clock, 8 the render after a click on the first option, 9 the render once that answer was committed, 10–12
/// the clock again.
/// </summary>
public class when_the_exam_page_renders_over_a_circuit
{
    readonly PageDom dom = new();

    void Apply(params int[] batches)
    {
        foreach (var id in batches)
            dom.Apply(RenderBatchReader.Read(File.ReadAllBytes(Path.Combine(AppContext.BaseDirectory, "Benchmarks", "ExamPageBatches", $"batch-{id}.bin"))));
    }

    List<(string Id, ulong Handler, bool Checked)> Options() =>
    [
        .. dom.Elements().Select(e => e.Element)
            .Where(e => e.Tag == "input" && e["id"]?.StartsWith("answer-", StringComparison.Ordinal) == true)
            .Select(e => (e["id"]!, e.Attributes["onchange"].Handler, e.Attributes.ContainsKey("checked"))),
    ];

    string? Badge() => dom.Elements().Select(e => e.Element["class"]).FirstOrDefault(c => c?.StartsWith("exam-save ", StringComparison.Ordinal) == true);

    [Fact]
    public void the_first_render_shows_the_options_of_the_first_item_with_their_change_handlers()
    {
        Apply(2, 3, 4);
        Options().Select(o => o.Id).Should().Equal("answer-1-0", "answer-1-1", "answer-1-2", "answer-1-3");
        Options().Should().OnlyContain(o => o.Handler > 0 && !o.Checked);
        Options().Select(o => o.Handler).Should().OnlyHaveUniqueItems();
        Badge().Should().Be("exam-save exam-save-empty");
    }

    [Fact]
    public void a_click_shows_saving_with_new_handlers_and_the_commit_shows_saved()
    {
        Apply(2, 3, 4, 5, 6, 7);
        var before = Options().Select(o => o.Handler).ToList();

        var click = RenderBatchReader.Read(File.ReadAllBytes(Path.Combine(AppContext.BaseDirectory, "Benchmarks", "ExamPageBatches", "batch-8.bin")));
        dom.Apply(click);
        Badge().Should().Be("exam-save exam-save-saving");
        Options().Select(o => o.Checked).Should().Equal(true, false, false, false);
        Options().Select(o => o.Handler).Should().NotIntersectWith(before, "the options re-render with new handlers");
        click.DisposedEventHandlerIds.Should().Contain(before, "and the old ones are disposed");

        Apply(9);
        Badge().Should().Be("exam-save exam-save-saved");
    }

    [Fact]
    public void the_clock_ticking_changes_neither_the_options_nor_the_badge()
    {
        Apply(2, 3, 4, 5, 6, 7, 8, 9);
        var options = Options();
        Apply(10, 11, 12);
        Options().Should().Equal(options);
        Badge().Should().Be("exam-save exam-save-saved");
    }
}
