using OfficerTraining.QuestionBank;
using OfficerTraining.QuestionBank.Import;

namespace OfficerTraining.Tests.QuestionBank;

public class LawLibraryTests
{
    static readonly string LawsFolder = Path.Combine(Repository.QuestionBank, "laws");

    static LawLibrary FromDisk() =>
        LawLibrary.Load(Directory.GetFiles(LawsFolder, "*.md").Select(f => (Path.GetFileName(f), File.ReadAllText(f))));

    [Fact]
    public void every_law_file_loads_with_its_articles_numbered_from_one_without_gaps()
    {
        var files = Directory.GetFiles(LawsFolder, "*.md");
        files.Should().HaveCountGreaterThanOrEqualTo(10);
        var library = FromDisk();
        library.Names.Should().HaveCount(files.Length);
        foreach (var law in library.Names)
        {
            var count = library.ArticleCount(law);
            count.Should().BeInRange(30, 200, $"{law} should have a plausible number of articles");
            Enumerable.Range(1, count).Should().OnlyContain(n => library.Has(law, n), $"{law} numbers its articles 1 … {count}");
            library.Has(law, count + 1).Should().BeFalse();
        }
    }

    [Fact]
    public void the_embedded_library_is_the_one_in_the_repository()
    {
        var disk = FromDisk();
        LawLibrary.Shipped.Names.Should().Equal(disk.Names);
        foreach (var law in disk.Names) LawLibrary.Shipped.ArticleCount(law).Should().Be(disk.ArticleCount(law), law);
    }

    [Theory]
    [InlineData("行政处罚法", 86)]
    [InlineData("行政诉讼法", 103)]
    public void known_laws_have_their_article_count(string law, int articles)
    {
        LawLibrary.Shipped.ArticleCount(law).Should().Be(articles);
        LawLibrary.Shipped.Text(new Citation(law, articles)).Should().NotBeNullOrWhiteSpace();
    }

    [Fact]
    public void chinese_numerals_round_trip_from_1_to_999()
    {
        for (var n = 1; n < 1000; n++) ChineseNumerals.Parse(ChineseNumerals.Format(n)).Should().Be(n);
        Enumerable.Range(1, 999).Select(ChineseNumerals.Format).Should().OnlyHaveUniqueItems();
    }

    [Theory]
    [InlineData("一", 1)]
    [InlineData("十", 10)]
    [InlineData("十一", 11)]
    [InlineData("二十", 20)]
    [InlineData("五十一", 51)]
    [InlineData("一百", 100)]
    [InlineData("一百零三", 103)]
    [InlineData("一百一十", 110)]
    [InlineData("九百九十九", 999)]
    [InlineData("103", 103)]
    public void chinese_numerals_parse_as_articles_are_numbered(string text, int number)
    {
        ChineseNumerals.Parse(text).Should().Be(number);
        if (!int.TryParse(text, out _)) ChineseNumerals.Format(number).Should().Be(text);
    }

    [Theory]
    [InlineData("")]
    [InlineData("零")]
    [InlineData("0")]
    [InlineData("1000")]
    [InlineData("十十")]
    [InlineData("一百三")]
    [InlineData("五十一条")]
    public void what_is_not_an_article_number_does_not_parse(string text) => ChineseNumerals.Parse(text).Should().BeNull();

    [Theory]
    [InlineData("行政诉讼法 第一百零三条", "行政诉讼法", 103)]
    [InlineData("行政诉讼法第一百零三条", "行政诉讼法", 103)]
    [InlineData("行政处罚法 第51条", "行政处罚法", 51)]
    [InlineData("《行政处罚法》第十条第二款", "行政处罚法", 10)]
    [InlineData("第二十条", "行政处罚法", 20)]
    public void citations_name_a_law_and_an_article(string text, string law, int article) =>
        YamlNames.ParseCitation(text, "行政处罚法").Citation.Should().Be(new Citation(law, article));

    [Fact]
    public void a_citation_of_a_missing_article_or_law_is_reported_by_completeness()
    {
        var content = Questions.Single() with { Citations = [new Citation("行政处罚法", 87), new Citation("行政处罚法", 86)] };
        QuestionRules.Completeness(content, LawLibrary.Shipped).Should().ContainSingle()
            .Which.Should().Match<QuestionProblem>(p => p.Field == "citations" && p.Message.Contains("行政处罚法 第八十七条"));

        var unknownLaw = Questions.Single() with { Citations = [new Citation("刑法", 1)] };
        QuestionRules.Completeness(unknownLaw, LawLibrary.Shipped).Should().ContainSingle().Which.Field.Should().Be("citations");

        var inCase = Questions.Case(Questions.Item(Questions.Single()), Questions.Item(Questions.TrueFalse() with
        {
            Citations = [new Citation("行政诉讼法", 104)],
        }));
        QuestionRules.Completeness(inCase, LawLibrary.Shipped).Should().ContainSingle().Which.Field.Should().Be("questions[2].citations");
    }
}
