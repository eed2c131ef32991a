using System.Diagnostics;
using Marten;
using OfficerTraining.Infrastructure;
using OfficerTraining.IntegrationTests.Harness;
using OfficerTraining.QuestionBank;
using OfficerTraining.QuestionBank.Import;

namespace OfficerTraining.IntegrationTests.QuestionBank;

/// <summary>A bank of 10,000 generated questions, written as YAML files, read back and imported twice: the size a
/// province's bank reaches. Times are written to the test output, never asserted.</summary>
public class when_a_large_bank_is_imported(StoreFixture f, ITestOutputHelper output) : IClassFixture<StoreFixture>
{
    const int Count = 10_000;

    static IEnumerable<(string Code, QuestionContent Content)> Generate()
    {
        var random = new Random(2026);
        var laws = LawLibrary.Shipped.Names.ToArray();
        for (var i = 1; i <= Count; i++)
        {
            var law = laws[i % laws.Length];
            var article = random.Next(1, LawLibrary.Shipped.ArticleCount(law) + 1);
            while (!LawLibrary.Shipped.Has(law, article)) article--;
            var multiple = i % 3 == 0;
            yield return ($"GEN-{i:D5}", new QuestionContent(
                multiple ? QuestionType.Multiple : QuestionType.Single, $"第{i}题：依照《{law}》第{article}条，下列说法正确的是？",
                ["选项甲", "选项乙", "选项丙", "选项丁"], multiple ? [0, 2] : [random.Next(4)], $"见《{law}》第{article}条。",
                [new Citation(law, article)], [$"批次{i % 20}"], QuestionCategory.Public, null, 1 + i % 5, []));
        }
    }

    [Fact]
    public async Task ten_thousand_questions_import_in_one_transaction_and_a_second_import_adds_nothing()
    {
        var dir = Directory.CreateTempSubdirectory("bank-").FullName;
        foreach (var chunk in Generate().Chunk(1_000))
            await File.WriteAllTextAsync(Path.Combine(dir, $"{chunk[0].Code}.yaml"), YamlBankWriter.Write(chunk));
        var admin = new Actor("admin", [Roles.Administrator]);

        var clock = Stopwatch.StartNew();
        var parsed = QuestionFiles.ReadPath(dir);
        var read = clock.Elapsed;
        parsed.Errors.Should().BeEmpty();
        parsed.Questions.Should().HaveCount(Count);
        var first = await f.Get<QuestionImport>().Run(parsed, admin);
        var imported = clock.Elapsed;
        var second = await f.Get<QuestionImport>().Run(QuestionFiles.ReadPath(dir), admin);
        output.WriteLine($"read {read.TotalSeconds:F1} s, first import {(imported - read).TotalSeconds:F1} s, " +
                         $"second (read + compare) {(clock.Elapsed - imported).TotalSeconds:F1} s");

        first.Should().BeEquivalentTo(new { Created = Count, Saved = true });
        second.Should().BeEquivalentTo(new { Created = 0, Revised = 0, Unchanged = Count });
        await using var session = f.Store.QuerySession();
        (await session.Query<Question>().CountAsync(q => q.Code.StartsWith("GEN-"))).Should().Be(Count);
        Directory.Delete(dir, recursive: true);
    }
}
