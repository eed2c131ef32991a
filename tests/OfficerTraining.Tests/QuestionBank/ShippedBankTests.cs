using OfficerTraining.QuestionBank;
using OfficerTraining.QuestionBank.Import;

namespace OfficerTraining.Tests.QuestionBank;

/// <summary>The repository's folders, found from the test binaries by walking up to OfficerTraining.sln.</summary>
public static class Repository
{
    public static string Root { get; } = FindRoot();

    public static string QuestionBank => Path.Combine(Root, "question-bank");

    static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "OfficerTraining.sln"))) return dir.FullName;
        throw new InvalidOperationException($"No OfficerTraining.sln above {AppContext.BaseDirectory}.");
    }
}

/// <summary>The bank shipped in question-bank/: valid, large enough and mixed enough to draw exams from.</summary>
public class ShippedBankTests
{
    static readonly ParsedBank Bank = YamlBankReader.ReadDirectory(Repository.QuestionBank);

    [Fact]
    public void the_shipped_bank_is_valid_large_and_mixed()
    {
        Bank.Errors.Should().BeEmpty("every question in question-bank/ must pass `question-bank validate`");
        var questions = Bank.Questions.Select(q => q.Content).ToList();
        double Share(QuestionType t) => questions.Count(q => q.Type == t) / (double)questions.Count;

        questions.Should().HaveCountGreaterThanOrEqualTo(300);
        Share(QuestionType.Single).Should().BeGreaterThanOrEqualTo(0.40);
        Share(QuestionType.Multiple).Should().BeGreaterThanOrEqualTo(0.20);
        Share(QuestionType.TrueFalse).Should().BeGreaterThanOrEqualTo(0.20);
        questions.Count(q => q.Type == QuestionType.Case).Should().BeGreaterThanOrEqualTo(10);
    }

    [Fact]
    public void every_citation_in_the_bank_names_an_existing_article()
    {
        var citations = Bank.Questions.SelectMany(q => q.Content.Citations.Concat(q.Content.SubQuestions.SelectMany(s => s.Citations))
            .Select(c => (q.File, q.Code, Citation: c))).ToList();
        citations.Should().NotBeEmpty();
        citations.Where(c => !LawLibrary.Shipped.Has(c.Citation.Law, c.Citation.Article))
            .Select(c => $"{c.File} {c.Code}: {c.Citation}").Should().BeEmpty();
        // Citations of questions refused for another reason are checked too: the reader reports them by field.
        Bank.Errors.Where(e => e.Field.EndsWith("citations", StringComparison.Ordinal))
            .Select(e => e.ToString()).Should().BeEmpty();
    }

    [Fact]
    public void the_bank_embedded_in_the_app_is_the_folder_in_the_repository() =>
        ShippedBank.Read().Questions.Select(q => (q.Code, q.File)).Should()
            .Equal(Bank.Questions.Select(q => (q.Code, q.File)));
}
