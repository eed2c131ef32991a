using Marten;
using OfficerTraining.Infrastructure;
using OfficerTraining.QuestionBank;
using OfficerTraining.QuestionBank.Import;

namespace OfficerTraining.Web.Commands;

/// <summary>`question-bank export DIR [--format yaml|gift|moodle-xml]`: every question's current version, one file per
/// first-cited law (questions citing none go to imported.*), replacing files of the same name.</summary>
public static class QuestionBankExport
{
    public const string UnknownLawFile = "imported";

    public static async Task<bool> Run(QuestionBankInput input, string dir, QuestionFileFormat format)
    {
        using var host = input.BuildHost();
        IReadOnlyList<Question> questions;
        await using (var session = host.Services.GetRequiredService<IDocumentStore>().QuerySession())
            questions = await session.Query<Question>().ToListAsync();

        Directory.CreateDirectory(dir);
        var files = questions.OrderBy(q => q.Code, StringComparer.Ordinal).GroupBy(q => q.Content.Laws.FirstOrDefault())
            .OrderBy(g => g.Key, StringComparer.Ordinal).ToList();
        foreach (var group in files)
        {
            var name = string.Concat((group.Key ?? UnknownLawFile).Select(ch => Path.GetInvalidFileNameChars().Contains(ch) ? '_' : ch));
            var items = group.Select(q => (q.Code, q.Content)).ToList();
            var (text, extension) = format switch
            {
                QuestionFileFormat.Gift => (GiftWriter.Write(items), ".gift"),
                QuestionFileFormat.MoodleXml => (MoodleXmlWriter.Write(items), ".xml"),
                _ => (YamlBankWriter.Write(items, group.Key), ".yaml"),
            };
            await File.WriteAllTextAsync(Path.Combine(dir, name + extension), text);
            Console.WriteLine($"  {group.Count(),5}  {name}{extension}");
        }
        Console.WriteLine(Messages.Format("QuestionBank.Exported", questions.Count, files.Count, dir));
        return true;
    }
}
