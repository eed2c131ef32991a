using OfficerTraining.QuestionBank.Import;
using OfficerTraining.Tests.QuestionBank;

namespace OfficerTraining.Tests.HostileInput;

/// <summary>Valid question files of every format, the shipped bank and Moodle's own files, then damaged hundreds of
/// ways: reading never throws, and every problem names the file and a line that exists.</summary>
public class when_a_damaged_question_file_is_read
{
    public const int Cases = 300;

    /// <summary>The shipped YAML files, the same questions written as GIFT and as Moodle XML, and Moodle's own files.</summary>
    public static IReadOnlyList<(string Name, byte[] Bytes)> Corpus(QuestionFileFormat format)
    {
        var yaml = Directory.GetFiles(Repository.QuestionBank, "*.yaml").Order(StringComparer.Ordinal)
            .Select(f => (Path.GetFileName(f), File.ReadAllBytes(f))).ToList();
        var questions = YamlBankReader.Read(yaml.Select(f => (f.Item1, System.Text.Encoding.UTF8.GetString(f.Item2))))
            .Questions.Take(12).Select(q => (q.Code, q.Content)).ToList();
        return format switch
        {
            QuestionFileFormat.Yaml => yaml,
            QuestionFileFormat.Gift =>
            [
                ("bank.gift", Fuzz.Utf8(GiftWriter.Write(questions))),
                ("questions.gift", File.ReadAllBytes(Interop.File("moodle", "questions.gift.txt"))),
                .. Directory.GetFiles(Interop.File("gift-grammar-tests"), "*.gift").Order(StringComparer.Ordinal)
                    .Select(f => (Path.GetFileName(f), File.ReadAllBytes(f))),
            ],
            _ =>
            [
                ("bank.xml", Fuzz.Utf8(MoodleXmlWriter.Write(questions))),
                .. Directory.GetFiles(Interop.File("moodle"), "*.xml").Order(StringComparer.Ordinal)
                    .Select(f => (Path.GetFileName(f), File.ReadAllBytes(f))),
            ],
        };
    }

    static Task Check(string name, byte[] bytes, QuestionFileFormat format)
    {
        var bank = QuestionFiles.Read(name, bytes, format);
        Fuzz.NamesFileAndLine(bank.Errors, name, bytes);
        if (bank.Questions.Any(q => q.File != name || q.Line < 1) || bank.Refused.Any(r => r.File != name || r.Line < 1))
            throw new InvalidOperationException("a question or refusal does not name its file and line");
        return Task.CompletedTask;
    }

    [Theory]
    [InlineData(QuestionFileFormat.Yaml, 10_001)]
    [InlineData(QuestionFileFormat.Gift, 20_002)]
    [InlineData(QuestionFileFormat.MoodleXml, 30_003)]
    public Task never_throws_and_names_file_and_line_for_every_problem(QuestionFileFormat format, int seed) =>
        Fuzz.Run(seed, Cases, Corpus(format), (name, bytes) => Check(name, bytes, format));
}
