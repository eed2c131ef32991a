using System.Text;
using OfficerTraining.Infrastructure;
using OfficerTraining.IntegrationTests.Harness;
using OfficerTraining.Officers;
using OfficerTraining.QuestionBank.Import;
using OfficerTraining.Tests.HostileInput;
using OfficerTraining.Training;

namespace OfficerTraining.IntegrationTests.HostileInput;

/// <summary>
/// Damaged files through the real imports into the real store: a file with any problem writes nothing at all (no event,
/// no stream, no document of any type), and every problem names the file and a line. Clean survivors may import.
/// </summary>
public class when_damaged_files_are_imported(StoreFixture f) : IClassFixture<StoreFixture>
{
    const int Cases = 80;
    static readonly Actor Trainer = new("trainer", [Roles.Trainer]);

    /// <summary>What the upload pages do with the bytes: UTF-8 (or what a byte-order mark says), or refused.</summary>
    static string? AsUploaded(byte[] bytes)
    {
        using var reader = new StreamReader(new MemoryStream(bytes), new UTF8Encoding(false, throwOnInvalidBytes: true), detectEncodingFromByteOrderMarks: true);
        try { return reader.ReadToEnd(); }
        catch (DecoderFallbackException) { return null; }
    }

    async Task AllOrNothing(string name, byte[] bytes, Func<Task<(bool Succeeded, bool Saved, IReadOnlyList<ImportError> Errors)>> run)
    {
        var before = await StoreCounts.Of(f.Schema);
        var (succeeded, saved, errors) = await run();
        var after = await StoreCounts.Of(f.Schema);
        if (succeeded) return;
        if (saved) throw new InvalidOperationException("a file with errors was saved");
        if (errors.Count == 0) throw new InvalidOperationException("refused without an error");
        Fuzz.NamesFileAndLine(errors, name, bytes);
        var changed = after.Where(kv => before.GetValueOrDefault(kv.Key) != kv.Value).Select(kv => kv.Key).ToList();
        if (changed.Count > 0) throw new InvalidOperationException($"refused ({errors[0]}) but wrote to {string.Join(", ", changed)}");
    }

    static IReadOnlyList<(string, byte[])> QuestionCorpus(QuestionFileFormat format)
    {
        var bank = Path.Combine(RepositoryFiles.Root, "question-bank");
        var yaml = new[] { "河南省优化营商环境条例.yaml", "国家赔偿法.yaml" }.Select(n => (n, File.ReadAllBytes(Path.Combine(bank, n)))).ToList();
        var questions = YamlBankReader.Read(yaml.Select(y => (y.n, Encoding.UTF8.GetString(y.Item2)))).Questions
            .Take(10).Select(q => (q.Code, q.Content)).ToList();
        return format switch
        {
            QuestionFileFormat.Yaml => yaml,
            QuestionFileFormat.Gift => [("bank.gift", Encoding.UTF8.GetBytes(GiftWriter.Write(questions)))],
            _ => [("bank.xml", Encoding.UTF8.GetBytes(MoodleXmlWriter.Write(questions)))],
        };
    }

    [Theory]
    [InlineData(QuestionFileFormat.Yaml, 60_006)]
    [InlineData(QuestionFileFormat.Gift, 61_006)]
    [InlineData(QuestionFileFormat.MoodleXml, 62_006)]
    public Task a_damaged_question_file_imports_nothing(QuestionFileFormat format, int seed) =>
        Fuzz.Run(seed, Cases, QuestionCorpus(format), (name, bytes) => AllOrNothing(name, bytes, async () =>
        {
            var report = await f.Get<QuestionImport>().Run(QuestionFiles.Read(name, bytes, format), Trainer);
            return (report.Succeeded, report.Saved, report.Errors);
        }));

    static byte[] OfficerCsv(string agencyCode, int rows, int seed)
    {
        var random = new Random(seed);
        var lines = new List<string> { "姓名,身份证号,执法主体编码,职务,执法领域,用工性质" };
        for (var i = 0; i < rows; i++)
        {
            var first17 = $"410402{new DateOnly(1970, 1, 1).AddDays(random.Next(0, 10_000)):yyyyMMdd}{random.Next(0, 1000):D3}";
            lines.Add($"\"王{i}\",{first17}{NationalIdNumber.CheckCharacter(first17)},{agencyCode},\"科员,一级\",城市管理、市场监管,在编在职");
        }
        return Encoding.UTF8.GetBytes(string.Join("\r\n", lines) + "\r\n");
    }

    [Fact]
    public async Task a_damaged_officer_csv_imports_nothing()
    {
        await Arrange.CityWithDepartment(f, "HX");
        var corpus = Enumerable.Range(0, 10).Select(i => ($"officers-{i}.csv", OfficerCsv("DHX", 6, 63_000 + i))).ToList();
        await Fuzz.Run(63_006, 150, corpus, (name, bytes) => AllOrNothing(name, bytes, async () =>
        {
            if (AsUploaded(bytes) is not { } text) return (false, false, [new ImportError(name, 1, "", "not UTF-8")]);
            var result = await f.Get<OfficerImport>().Run(name, new StringReader(text), Arrange.Admin);
            return (result.Succeeded, result.Saved, result.Errors);
        }));
    }

    [Fact]
    public async Task a_damaged_attendance_csv_imports_nothing()
    {
        var (_, department) = await Arrange.CityWithDepartment(f, "HA");
        var officers = new List<RegisterOfficer>();
        for (var i = 0; i < 4; i++)
        {
            var officer = Arrange.Officer(department, name: "李" + i);
            await f.Get<OfficerCommands>().Handle(officer, Arrange.Admin);
            officers.Add(officer);
        }
        var csv = Encoding.UTF8.GetBytes(string.Join("\n", ["身份证号,姓名", .. officers.Select(o => $"{o.NationalId.Value},{o.Name}")]) + "\n");
        await Fuzz.Run(64_006, 150, [("attendance.csv", csv)], (name, bytes) => AllOrNothing(name, bytes, async () =>
        {
            if (AsUploaded(bytes) is not { } text) return (false, false, [new ImportError(name, 1, "", "not UTF-8")]);
            var session = new RecordInPersonSession(Guid.CreateVersion7(), new DateOnly(2026, 3, 2), "行政处罚法", 3, TrainingCategory.PublicLaw, []);
            var result = await f.Get<InPersonAttendanceImport>().Run(name, new StringReader(text), session, Trainer);
            return (result.Succeeded, result.Saved, result.Errors);
        }));
    }
}
