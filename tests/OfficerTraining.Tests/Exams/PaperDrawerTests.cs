using OfficerTraining.Agencies;
using OfficerTraining.Exams;
using OfficerTraining.Infrastructure;
using OfficerTraining.QuestionBank;

namespace OfficerTraining.Tests.Exams;

/// <summary>Approved questions built by hand, to draw papers from.</summary>
public static class Bank
{
    static readonly DateTimeOffset At = new(2026, 3, 2, 9, 0, 0, TimeSpan.FromHours(8));

    public static QuestionItem SubQuestion(QuestionType type) => type switch
    {
        QuestionType.TrueFalse => new(type, "判断", QuestionItem.TrueFalseOptions, [1], "解析", []),
        QuestionType.Multiple => new(type, "多选", ["甲", "乙", "丙", "丁"], [0, 3], "解析", []),
        _ => new(type, "单选", ["甲", "乙", "丙"], [2], "解析", []),
    };

    public static QuestionContent Content(
        QuestionType type, string[]? laws = null, string[]? tags = null, int difficulty = 3,
        QuestionCategory category = QuestionCategory.Public, EnforcementDomain? domain = null, int subQuestions = 2, string stem = "题干")
    {
        var citations = (laws ?? []).Select(l => new Citation(l, 1)).ToList();
        return type switch
        {
            QuestionType.Case => new(type, stem, [], [], "", citations, tags ?? [], category, domain, difficulty,
                [.. Enumerable.Range(0, subQuestions).Select(n => SubQuestion(n % 2 == 0 ? QuestionType.Single : QuestionType.TrueFalse))]),
            QuestionType.TrueFalse => new(type, stem, QuestionItem.TrueFalseOptions, [0], "解析", citations, tags ?? [], category, domain, difficulty, []),
            QuestionType.Multiple => new(type, stem, ["甲", "乙", "丙", "丁", "戊"], [0, 2], "解析", citations, tags ?? [], category, domain, difficulty, []),
            _ => new(type, stem, ["甲", "乙", "丙", "丁"], [1], "解析", citations, tags ?? [], category, domain, difficulty, []),
        };
    }

    /// <summary>A question whose versions are <paramref name="versions"/>, the <paramref name="approved"/> one approved.</summary>
    public static Question Question(string code, int? approved, QuestionStatus status, params QuestionContent[] versions) => new(
        OfficerTraining.QuestionBank.Question.StreamIdFor(code), code, versions.Length, status, approved, versions[^1], "出题人", versions, At, At);

    public static ApprovedQuestion Approved(string code, QuestionContent content) =>
        ApprovedQuestion.From(Question(code, 1, QuestionStatus.Approved, content))!;

    public static ApprovedQuestion Approved(string code, QuestionType type, params string[] laws) =>
        Approved(code, Content(type, laws: laws));

    static readonly (string Prefix, QuestionType Type)[] Kinds =
        [("DX", QuestionType.Single), ("DD", QuestionType.Multiple), ("PD", QuestionType.TrueFalse), ("AL", QuestionType.Case)];

    /// <summary>Questions coded DX-0001… (single), DD-… (multiple), PD-… (true/false), AL-… (case).</summary>
    public static IReadOnlyList<ApprovedQuestion> Of(int single, int multiple, int trueFalse, int cases = 0)
    {
        int[] counts = [single, multiple, trueFalse, cases];
        return [.. Kinds.Zip(counts).SelectMany(k => Enumerable.Range(1, k.Second)
            .Select(n => Approved($"{k.First.Prefix}-{n:0000}", k.First.Type)))];
    }

    public static BlueprintSection Section(string title, QuestionType type, int count, decimal points = 1m, params string[] laws) =>
        new(title, type, laws.Length == 0 ? QuestionFilter.Any : QuestionFilter.Any with { Laws = laws }, count, points);

    public static Blueprint Blueprint(params BlueprintSection[] sections) =>
        OfficerTraining.Exams.Blueprint.Default("测试") with { Sections = sections };

    /// <summary>A paper as one line per item, to compare papers by what they say.</summary>
    public static IReadOnlyList<string> Describe(Paper paper) =>
        [.. paper.Questions.SelectMany(q => q.Items.Select(i =>
            $"{q.Code}@{q.Version} §{q.Section} {i.Key} {i.Type} [{string.Join(",", i.OptionOrder)}] [{string.Join(",", i.Correct)}] {i.Points}"))];

    public static IReadOnlyList<T> Shuffled<T>(IEnumerable<T> items, int seed)
    {
        var list = items.ToArray();
        new Random(seed).Shuffle(list);
        return list;
    }
}

public class when_a_paper_is_drawn
{
    static readonly IReadOnlyList<ApprovedQuestion> Pool = Bank.Of(single: 40, multiple: 20, trueFalse: 40);
    static readonly Blueprint Default = Blueprint.Default();

    [Fact]
    public void the_same_seed_draws_the_same_paper_whatever_order_the_pool_is_in()
    {
        var paper = PaperDrawer.Draw(Default, Pool, 2026);
        var again = PaperDrawer.Draw(Default, Bank.Shuffled(Pool, 5), 2026);
        Bank.Describe(again).Should().Equal(Bank.Describe(paper));
        again.Should().BeEquivalentTo(paper, o => o.WithStrictOrdering());
        paper.Seed.Should().Be(2026);
    }

    [Fact]
    public void a_different_seed_draws_a_different_paper()
    {
        var papers = Enumerable.Range(1, 20).Select(seed => string.Join("\n", Bank.Describe(PaperDrawer.Draw(Default, Pool, seed)))).ToList();
        papers.Should().OnlyHaveUniqueItems();

        var codes = Enumerable.Range(1, 20).Select(seed => string.Join(",",
            PaperDrawer.Draw(Default, Pool, seed).Questions.Select(q => q.Code).Order())).ToList();
        codes.Should().OnlyHaveUniqueItems("different seeds draw different questions, not just a different order");
    }

    [Fact]
    public void every_approved_question_can_be_drawn()
    {
        var pool = Bank.Of(single: 10, multiple: 0, trueFalse: 0);
        var blueprint = Bank.Blueprint(Bank.Section("单选题", QuestionType.Single, 3));
        var drawn = Enumerable.Range(0, 200).SelectMany(seed => PaperDrawer.Draw(blueprint, pool, seed).Questions.Select(q => q.Code));
        drawn.Distinct().Should().BeEquivalentTo(pool.Select(q => q.Code));
    }

    [Fact]
    public void each_section_draws_its_count_of_its_type_in_section_order()
    {
        var paper = PaperDrawer.Draw(Default, Pool, 7);

        paper.Questions.Select(q => q.Section).Should().BeInAscendingOrder();
        paper.Questions.GroupBy(q => q.Section).Select(g => (g.Key, g.Count())).Should().Equal((0, 20), (1, 10), (2, 20));
        foreach (var q in paper.Questions)
        {
            var section = Default.Sections[q.Section];
            q.Items.Should().ContainSingle().Which.Should().Match<PaperItem>(i => i.Type == section.Type && i.Points == section.Points);
        }
        paper.Items.Select(i => i.Key).Should().Equal(Enumerable.Range(1, 50).Select(n => n.ToString()));
    }

    [Fact]
    public void the_default_blueprint_gives_a_paper_worth_100_points() =>
        PaperDrawer.Draw(Default, Pool, 11).MaxScore.Should().Be(100m);

    [Fact]
    public void a_question_matching_two_sections_is_drawn_once_and_the_earlier_section_picks_first()
    {
        var pool = Enumerable.Range(1, 8).Select(n => Bank.Approved($"XZCF-{n:000}", QuestionType.Single, "行政处罚法"))
            .Concat(Enumerable.Range(1, 10).Select(n => Bank.Approved($"QT-{n:000}", QuestionType.Single)))
            .ToList();
        var blueprint = Bank.Blueprint(
            Bank.Section("行政处罚法", QuestionType.Single, 5, 2m, "行政处罚法"),
            Bank.Section("单选题", QuestionType.Single, 10));

        for (var seed = 0; seed < 100; seed++)
        {
            var paper = PaperDrawer.Draw(blueprint, pool, seed);
            paper.Questions.Select(q => q.QuestionId).Should().OnlyHaveUniqueItems();
            paper.Questions.Should().HaveCount(15);
            paper.Questions.Where(q => q.Section == 0).Should().OnlyContain(q => q.Code.StartsWith("XZCF-"));
        }
    }

    [Fact]
    public void a_pool_listing_a_question_twice_still_gives_it_once()
    {
        var pool = Bank.Of(single: 3, multiple: 0, trueFalse: 0);
        var blueprint = Bank.Blueprint(Bank.Section("单选题", QuestionType.Single, 3));
        var paper = PaperDrawer.Draw(blueprint, [.. pool, .. pool], 1);
        paper.Questions.Select(q => q.Code).Should().OnlyHaveUniqueItems();
        FluentActions.Invoking(() => PaperDrawer.Draw(blueprint with { Sections = [blueprint.Sections[0] with { Count = 4 }] }, [.. pool, .. pool], 1))
            .Should().Throw<DomainException>().Which.Key.Should().Be("Exam.SectionCannotBeFilled");
    }

    [Fact]
    public void only_the_approved_version_is_drawn_even_when_a_newer_draft_exists()
    {
        var approved = Bank.Content(QuestionType.Single, stem: "第一版");
        var draft = Bank.Content(QuestionType.Multiple, stem: "第二版") with { Correct = [3, 4] };
        var revised = Bank.Question("XZCF-0001", 1, QuestionStatus.Draft, approved, draft);
        var inReview = Bank.Question("XZCF-0002", 2, QuestionStatus.InReview, approved, approved with { Correct = [0] }, draft);
        var neverApproved = Bank.Question("XZCF-0003", null, QuestionStatus.InReview, approved);
        var retired = Bank.Question("XZCF-0004", 1, QuestionStatus.Retired, approved);

        ApprovedQuestion.From(neverApproved).Should().BeNull();
        ApprovedQuestion.From(retired).Should().BeNull();
        var pool = new[] { revised, inReview, neverApproved, retired }.Select(ApprovedQuestion.From).OfType<ApprovedQuestion>().ToList();
        pool.Select(q => (q.Code, q.Version)).Should().Equal(("XZCF-0001", 1), ("XZCF-0002", 2));

        var paper = PaperDrawer.Draw(Bank.Blueprint(Bank.Section("单选题", QuestionType.Single, 2)) with { ShuffleQuestions = false }, pool, 3);
        paper.Questions.Select(q => (q.Code, q.QuestionId, q.Version)).Should().Equal(
            ("XZCF-0001", revised.Id, 1), ("XZCF-0002", inReview.Id, 2));
        paper.Items.Select(i => (i.Type, i.Correct.Single())).Should().Equal((QuestionType.Single, 1), (QuestionType.Single, 0));

        FluentActions.Invoking(() => PaperDrawer.Draw(Bank.Blueprint(Bank.Section("多选题", QuestionType.Multiple, 1)), pool, 3))
            .Should().Throw<DomainException>("the draft's type is not what was approved");
    }

    [Fact]
    public void a_case_question_gives_one_item_per_sub_question_keyed_by_position()
    {
        var pool = new[]
        {
            Bank.Approved("AL-0001", Bank.Content(QuestionType.Case, subQuestions: 3)),
            Bank.Approved("AL-0002", Bank.Content(QuestionType.Case, subQuestions: 2)),
            Bank.Approved("PD-0001", QuestionType.TrueFalse),
        };
        var blueprint = Bank.Blueprint(
            Bank.Section("判断题", QuestionType.TrueFalse, 1, 1.5m),
            Bank.Section("案例分析题", QuestionType.Case, 2, 4m)) with { ShuffleQuestions = false };

        var paper = PaperDrawer.Draw(blueprint, pool, 9);

        paper.Items.Select(i => (i.Key, i.Type, i.Points)).Should().Equal(
            ("1", QuestionType.TrueFalse, 1.5m),
            ("2.1", QuestionType.Single, 4m), ("2.2", QuestionType.TrueFalse, 4m), ("2.3", QuestionType.Single, 4m),
            ("3.1", QuestionType.Single, 4m), ("3.2", QuestionType.TrueFalse, 4m));
        paper.Questions[1].Items.Select(i => i.Correct).Should().BeEquivalentTo(
            pool[0].Content.SubQuestions.Select(s => s.Correct), o => o.WithStrictOrdering());
        paper.MaxScore.Should().Be(21.5m);
    }

    [Fact]
    public void options_are_shown_in_a_permutation_and_answers_keep_their_original_indexes()
    {
        var paper = PaperDrawer.Draw(Default, Pool, 13);
        foreach (var (item, question) in paper.Questions.SelectMany(q => q.Items.Select(i => (i, q))))
        {
            var content = Pool.Single(p => p.QuestionId == question.QuestionId).Content;
            item.OptionOrder.Order().Should().Equal(Enumerable.Range(0, content.Options.Count));
            item.Correct.Should().Equal(content.Correct);
        }
        paper.Items.Where(i => i.Type != QuestionType.TrueFalse)
            .Should().Contain(i => !i.OptionOrder.SequenceEqual(Enumerable.Range(0, i.OptionOrder.Count)));
    }

    [Fact]
    public void options_keep_their_order_when_option_shuffling_is_off() =>
        PaperDrawer.Draw(Default with { ShuffleOptions = false }, Pool, 13).Items
            .Should().OnlyContain(i => i.OptionOrder.SequenceEqual(Enumerable.Range(0, i.OptionOrder.Count)));

    [Fact]
    public void true_false_options_are_never_shuffled()
    {
        var pool = Bank.Of(single: 0, multiple: 0, trueFalse: 10, cases: 5);
        var blueprint = Bank.Blueprint(Bank.Section("判断题", QuestionType.TrueFalse, 10), Bank.Section("案例分析题", QuestionType.Case, 5));
        for (var seed = 0; seed < 50; seed++)
            PaperDrawer.Draw(blueprint, pool, seed).Items.Where(i => i.Type == QuestionType.TrueFalse)
                .Should().HaveCount(15).And.OnlyContain(i => i.OptionOrder.SequenceEqual(new[] { 0, 1 }));
    }

    [Fact]
    public void questions_keep_code_order_within_sections_when_question_shuffling_is_off()
    {
        var paper = PaperDrawer.Draw(Default with { ShuffleQuestions = false }, Bank.Shuffled(Pool, 3), 21);
        foreach (var section in paper.Questions.GroupBy(q => q.Section))
            section.Select(q => q.Code).Should().BeInAscendingOrder(StringComparer.Ordinal);

        var shuffled = PaperDrawer.Draw(Default, Pool, 21);
        shuffled.Questions.GroupBy(q => q.Section)
            .Should().Contain(s => !s.Select(q => q.Code).SequenceEqual(s.Select(q => q.Code).Order(StringComparer.Ordinal)));
    }

    [Fact]
    public void shuffling_changes_only_the_order_not_which_questions_are_drawn()
    {
        static IEnumerable<string> Drawn(Blueprint b) => PaperDrawer.Draw(b, Pool, 99).Questions.Select(q => $"{q.Section}:{q.Code}").Order();
        var drawn = Drawn(Default);
        Drawn(Default with { ShuffleQuestions = false }).Should().Equal(drawn);
        Drawn(Default with { ShuffleOptions = false }).Should().Equal(drawn);
        Drawn(Default with { ShuffleQuestions = false, ShuffleOptions = false }).Should().Equal(drawn);
    }

    [Fact]
    public void a_section_the_pool_cannot_fill_is_refused_by_name()
    {
        var pool = Bank.Of(single: 40, multiple: 4, trueFalse: 40);
        var refusal = FluentActions.Invoking(() => PaperDrawer.Draw(Default, pool, 1)).Should().Throw<DomainException>().Which;
        refusal.Key.Should().Be("Exam.SectionCannotBeFilled");
        refusal.Message.Should().Be(Messages.Format("Exam.SectionCannotBeFilled", "多选题", 10, 4));
    }
}

public class when_a_section_filters_questions
{
    static readonly QuestionFilter Any = QuestionFilter.Any;

    static ApprovedQuestion Q(string[]? laws = null, string[]? tags = null, int difficulty = 3,
        QuestionCategory category = QuestionCategory.Public, EnforcementDomain? domain = null, QuestionType type = QuestionType.Single) =>
        Bank.Approved("Q-1", Bank.Content(type, laws, tags, difficulty, category, domain));

    [Fact]
    public void the_type_must_be_the_sections()
    {
        Q().Matches(QuestionType.Single, Any).Should().BeTrue();
        Q().Matches(QuestionType.Multiple, Any).Should().BeFalse();
    }

    [Fact]
    public void listed_laws_match_a_question_citing_any_of_them_sub_questions_included()
    {
        var filter = Any with { Laws = ["行政处罚法", "行政强制法"] };
        Q(["行政强制法"]).Matches(QuestionType.Single, filter).Should().BeTrue();
        Q(["行政许可法", "行政处罚法"]).Matches(QuestionType.Single, filter).Should().BeTrue();
        Q(["行政许可法"]).Matches(QuestionType.Single, filter).Should().BeFalse();
        Q().Matches(QuestionType.Single, filter).Should().BeFalse();

        var content = Bank.Content(QuestionType.Case);
        var citedInSub = content with { SubQuestions = [content.SubQuestions[0] with { Citations = [new("行政强制法", 3)] }, content.SubQuestions[1]] };
        Bank.Approved("AL-1", citedInSub).Matches(QuestionType.Case, filter).Should().BeTrue();
    }

    [Fact]
    public void listed_tags_match_a_question_with_any_of_them()
    {
        var filter = Any with { Tags = ["简易程序", "听证"] };
        Q(tags: ["听证", "罚款"]).Matches(QuestionType.Single, filter).Should().BeTrue();
        Q(tags: ["罚款"]).Matches(QuestionType.Single, filter).Should().BeFalse();
    }

    [Fact]
    public void category_and_domain_must_be_equal_when_given()
    {
        var professional = Q(category: QuestionCategory.Professional, domain: EnforcementDomain.UrbanManagement);
        professional.Matches(QuestionType.Single, Any with { Category = QuestionCategory.Professional }).Should().BeTrue();
        professional.Matches(QuestionType.Single, Any with { Category = QuestionCategory.Public }).Should().BeFalse();
        professional.Matches(QuestionType.Single, Any with { Domain = EnforcementDomain.UrbanManagement }).Should().BeTrue();
        professional.Matches(QuestionType.Single, Any with { Domain = EnforcementDomain.MarketRegulation }).Should().BeFalse();
        Q().Matches(QuestionType.Single, Any with { Domain = EnforcementDomain.UrbanManagement }).Should().BeFalse();
    }

    [Theory]
    [InlineData(null, null, true)]
    [InlineData(3, 3, true)]
    [InlineData(1, 2, false)]
    [InlineData(4, null, false)]
    [InlineData(null, 3, true)]
    [InlineData(null, 2, false)]
    public void difficulty_must_lie_within_the_bounds(int? min, int? max, bool matches) =>
        Q(difficulty: 3).Matches(QuestionType.Single, Any with { MinDifficulty = min, MaxDifficulty = max }).Should().Be(matches);
}
