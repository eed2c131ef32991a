using System.Net;
using System.Text.Json;
using System.Text.RegularExpressions;
using FluentAssertions.Execution;
using OfficerTraining.Infrastructure;
using OfficerTraining.QuestionBank;
using OfficerTraining.QuestionBank.Import;

namespace OfficerTraining.Tests.QuestionBank;

/// <summary>The shared interop test data (../shared/interop next to the folder holding OfficerTraining.sln). It is not
/// ours to ship, but a checkout without it must fail loudly rather than pass by skipping.</summary>
public static class Interop
{
    public static string? TryFolder(out string lookedAt)
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !System.IO.File.Exists(Path.Combine(dir.FullName, "OfficerTraining.sln"))) dir = dir.Parent;
        lookedAt = dir is null
            ? $"../shared/interop beside a folder with OfficerTraining.sln above {AppContext.BaseDirectory} (none found)"
            : Path.GetFullPath(Path.Combine(dir.FullName, "..", "shared", "interop"));
        return dir is not null && Directory.Exists(lookedAt) ? lookedAt : null;
    }

    public static string File(params string[] parts)
    {
        var folder = TryFolder(out var lookedAt);
        if (folder is null) Assert.Fail($"The interop test data is missing: looked for the folder {lookedAt}.");
        return Path.Combine([folder!, .. parts]);
    }

    public static ParsedBank ReadGift(string path)
    {
        var (text, error) = TextFileDecoder.Decode(System.IO.File.ReadAllBytes(path));
        error.Should().BeNull();
        return GiftReader.Read(Path.GetFileName(path), text);
    }
}

public partial class when_importing_the_gift_grammar_tests
{
    public static TheoryData<string> GiftFiles()
    {
        var folder = Interop.TryFolder(out var lookedAt);
        if (folder is null) return new TheoryData<string>($"(missing: {lookedAt})");
        return new TheoryData<string>(Directory.GetFiles(Path.Combine(folder, "gift-grammar-tests"), "*.gift")
            .Select(Path.GetFileName).Order(StringComparer.Ordinal)!);
    }

    [Fact]
    public void all_51_files_are_there() =>
        Directory.GetFiles(Interop.File("gift-grammar-tests"), "*.gift").Should().HaveCount(51);

    /// <summary>
    /// Questions of the types we support must agree with the reference grammar's JSON; the others must be refused by type.
    /// Texts are compared as an officer reads them: the JSON keeps html and Moodle auto-format texts as markup, which the
    /// importer renders to plain text, so the JSON side is rendered the same way (tags and comments removed, entities
    /// decoded) and white space is normalised on both sides. Deliberate differences from the grammar, where we follow Moodle:
    /// the grammar writes a gap as " _____ " with spaces around it, Moodle (and we) replace the answer block alone, so
    /// "from {…}." is "from _____." (spaces next to _____ are ignored); and answer weights have no place in our questions,
    /// so "correct" is the grammar's isCorrect options, or without any, the options with a positive weight (partial credit
    /// in a single-answer question, such as "~%50%half credit", is dropped).
    /// </summary>
    [Theory, MemberData(nameof(GiftFiles))]
    public void each_file_imports_as_the_grammar_expects(string name)
    {
        var path = Interop.File("gift-grammar-tests", name);
        var bank = Interop.ReadGift(path);
        using var json = JsonDocument.Parse(File.ReadAllText(Path.ChangeExtension(path, ".json")));
        var expected = json.RootElement.EnumerateArray().ToList();
        var supported = expected.Where(q => Type(q) is "MC" or "TF").ToList();
        var refused = expected.Where(q => Type(q) is not ("MC" or "TF" or "Category")).ToList();

        using var scope = new AssertionScope(name);
        bank.Errors.Should().BeEmpty();
        bank.Questions.Should().HaveCount(supported.Count);
        bank.Refused.Should().HaveCount(refused.Count);
        foreach (var (q, i) in supported.Select((q, i) => (q, i)).Where(p => p.i < bank.Questions.Count))
            Agrees(q, bank.Questions[i], $"question {i + 1} of {name}");
        foreach (var (q, i) in refused.Select((q, i) => (q, i)).Where(p => p.i < bank.Refused.Count))
        {
            var because = $"refused question {i + 1} of {name} is {Type(q)}";
            bank.Refused[i].Reason.Should().Contain(Messages.Format("Import.Type." + TypeKey(Type(q))), because);
            if (Str(q, "title") is { } title) bank.Refused[i].Question.Should().Be(title, because);
        }
    }

    static void Agrees(JsonElement q, ParsedQuestion parsed, string because)
    {
        var content = parsed.Content;
        Normal(content.Stem).Should().Be(Normal(q.GetProperty("stem")), because);
        Normal(content.Explanation).Should().Be(Normal(q.GetProperty("globalFeedback")), because);
        if (Str(q, "id") is { } id) parsed.Code.Should().Be(id, because);
        if (q.TryGetProperty("tags", out var tags) && tags.ValueKind == JsonValueKind.Array)
            content.Tags.Should().Contain(tags.EnumerateArray().Select(t => t.GetString()!), because);
        if (Type(q) == "TF")
        {
            content.Type.Should().Be(QuestionType.TrueFalse, because);
            content.Options.Should().Equal(QuestionItem.TrueFalseOptions);
            content.Correct.Should().Equal([q.GetProperty("isTrue").GetBoolean() ? 0 : 1], because);
            return;
        }
        var choices = q.GetProperty("choices").EnumerateArray().ToList();
        var correct = Enumerable.Range(0, choices.Count).Where(i => choices[i].GetProperty("isCorrect").GetBoolean()).ToList();
        if (correct.Count == 0)
            correct = Enumerable.Range(0, choices.Count).Where(i => Weight(choices[i]) > 0).ToList();
        content.Type.Should().Be(correct.Count == 1 ? QuestionType.Single : QuestionType.Multiple, because);
        content.Options.Select(Normal).Should().Equal(choices.Select(c => Normal(c.GetProperty("text"))), because);
        content.Correct.Should().Equal(correct, because);
    }

    static double Weight(JsonElement choice) =>
        choice.GetProperty("weight") is { ValueKind: JsonValueKind.Number } w ? w.GetDouble() : 0;

    /// <summary>A JSON text object as an officer would read it.</summary>
    static string Normal(JsonElement text)
    {
        if (text.ValueKind == JsonValueKind.Null) return "";
        var value = text.GetProperty("text").GetString()!;
        if (text.GetProperty("format").GetString() is "html" or "moodle")
            // Line-breaking tags separate words; inline ones (</a>, <span>) do not.
            value = WebUtility.HtmlDecode(Markup().Replace(Block().Replace(value, " "), ""));
        return Normal(value);
    }

    static string Normal(string text) => Gap().Replace(Space().Replace(text, " ").Trim(), "_____");

    static string Type(JsonElement q) => q.GetProperty("type").GetString()!;

    static string? Str(JsonElement q, string property) =>
        q.TryGetProperty(property, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;

    static string TypeKey(string type) => type switch
    {
        "Short" => "shortanswer", "Numerical" => "numerical", "Matching" => "matching", "Essay" => "essay",
        "Description" => "description", _ => throw new InvalidOperationException($"Unknown type {type}"),
    };

    [GeneratedRegex(@"<br\s*/?>|</?(p|div|li|pre)\b[^>]*>", RegexOptions.IgnoreCase)]
    private static partial Regex Block();

    [GeneratedRegex(@"<!--.*?-->|</?[a-zA-Z][^>]*>", RegexOptions.Singleline)]
    private static partial Regex Markup();

    [GeneratedRegex(@"\s+")]
    private static partial Regex Space();

    [GeneratedRegex(@"\s*_____\s*")]
    private static partial Regex Gap();
}

public class when_importing_moodles_own_gift_fixture
{
    readonly ParsedBank _bank = Interop.ReadGift(Interop.File("moodle", "questions.gift.txt"));

    [Fact]
    public void the_multiple_choice_and_true_false_questions_are_imported()
    {
        _bank.Errors.Should().BeEmpty();
        _bank.Questions.Select(q => q.Content.Type).Should().Equal(
            QuestionType.Single, QuestionType.Multiple, QuestionType.TrueFalse, QuestionType.TrueFalse, QuestionType.TrueFalse);
        _bank.Questions[1].Content.Correct.Should().Equal(0, 2); // yellow and off-beige, 50 % each
        _bank.Questions[2].Content.Explanation.Should().Be("This is, of course, a Hitchiker's Guide to the Galaxy reference.");
    }

    [Fact]
    public void the_others_are_refused_with_their_type()
    {
        _bank.Refused.Select(r => r.Question).Should().Equal("Q8", "Moodle activities", "Q5", "Shortanswer");
        _bank.Refused.Select(r => r.Reason).Should().Equal(
            new[] { "essay", "matching", "numerical", "shortanswer" }.Select(t =>
                Messages.Format("Import.UnsupportedType", Messages.Format("Import.Type." + t))));
    }

    [Fact]
    public void questions_without_an_id_get_distinct_codes_that_do_not_change_between_imports()
    {
        _bank.Questions.Select(q => q.Code).Should().OnlyHaveUniqueItems().And.AllSatisfy(c => c.Should().StartWith("GIFT-"));
        Interop.ReadGift(Interop.File("moodle", "questions.gift.txt")).Questions.Select(q => q.Code)
            .Should().Equal(_bank.Questions.Select(q => q.Code));
    }
}

public class when_reading_gift
{
    [Fact]
    public void categories_ids_and_tags_become_topic_tags_and_codes()
    {
        var bank = GiftReader.Read("law.gift", """
            $CATEGORY: $course$/top/行政法/行政处罚

            // [id:XZCF-0001] [tag:设定] [id:IGNORED] [tag:a\]b]
            ::法条::限制人身自由的行政处罚只能由法律设定。{T}
            """);

        var q = bank.Questions.Should().ContainSingle().Subject;
        (q.Code, q.Line).Should().Be(("XZCF-0001", 3));
        q.Content.Tags.Should().Equal("行政法", "行政处罚", "设定", "a]b");
        (q.Content.Category, q.Content.Domain, q.Content.Difficulty, q.Content.Citations.Count).Should().Be((QuestionCategory.Public, null, 2, 0));
    }

    [Theory]
    [InlineData("{~A ~B}", "Import.GradesDoNotAddUp")]   // no '=': multiple answers, and nothing earns a grade
    [InlineData("{~%33%A ~%33%B ~%34%C}", "Import.InvalidGrades")]
    public void grades_moodle_refuses_are_errors(string answers, string key)
    {
        var bank = GiftReader.Read("x.gift", "\n::Q::Pick." + answers);
        bank.Questions.Should().BeEmpty();
        var error = bank.Errors.Should().ContainSingle().Subject;
        error.Line.Should().Be(2);
        error.Message.Should().StartWith(Messages.Format(key, "Q", "§").Split('§')[0]);
    }

    [Fact]
    public void a_block_that_breaks_the_structure_rules_is_an_error_at_its_first_line_and_the_file_imports_nothing()
    {
        var bank = GiftReader.Read("x.gift", "Fine?{TRUE}\n\n// comment\n::One::Only one option?{~%100%A}");

        bank.Questions.Should().BeEmpty();
        bank.Errors.Should().ContainSingle().Which.Should().Match<ImportError>(e => e.Line == 3 && e.Field == "options");
    }

    [Fact]
    public void unmatched_braces_are_an_error() =>
        GiftReader.Read("x.gift", "::B::Which {=A ~B").Errors.Should().ContainSingle()
            .Which.Message.Should().Be(Messages.Format("Import.GiftBraces", "B"));

    [Fact]
    public void one_full_grade_among_penalties_is_a_single_answer_question()
    {
        var q = GiftReader.Read("x.gift", "Pick.{~%100%A ~%-50%B ~C}").Questions.Should().ContainSingle().Subject;
        (q.Content.Type, q.Content.Correct.Single()).Should().Be((QuestionType.Single, 0));
    }

    [Fact]
    public void a_repeated_id_is_an_error() =>
        GiftReader.Read("x.gift", "// [id:Q1]\nA?{T}\n\n// [id:Q1]\nB?{F}").Errors.Should().ContainSingle()
            .Which.Message.Should().Be(Messages.Format("Import.CodeRepeated", "Q1", 1));
}
