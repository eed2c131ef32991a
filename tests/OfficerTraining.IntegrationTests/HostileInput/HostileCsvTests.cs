using OfficerTraining.IntegrationTests.Harness;
using OfficerTraining.Officers;
using OfficerTraining.Tests.HostileInput;

namespace OfficerTraining.IntegrationTests.HostileInput;

/// <summary>Officer CSVs written to hurt: wrong column counts, an unclosed quote, a repeated header, a huge cell,
/// formulas. Each is refused with its file and line, or imported as plain text, and a refusal writes nothing.</summary>
public class when_an_officer_csv_is_written_to_hurt(StoreFixture f) : IClassFixture<StoreFixture>
{
    const string Header = "姓名,身份证号,执法主体编码,职务,执法领域,用工性质";

    [Theory]
    [InlineData("short-row", "王芳,{id},DHC")]
    [InlineData("long-row", "王芳,{id},DHC,科员,城市管理,在编在职,多余,更多")]
    [InlineData("unclosed-quote", "\"王芳,{id},DHC,科员,城市管理,在编在职\n李雷,{id2},DHC,科员,城市管理,在编在职")]
    [InlineData("comma-in-name", "王,芳,{id},DHC,科员,城市管理,在编在职")]
    [InlineData("huge-cell", "{huge},{id},DHC,科员,城市管理,在编在职")]
    [InlineData("only-commas", ",,,,,,,,,,,,")]
    [InlineData("repeated-id", "王芳,{id},DHC,科员,城市管理,在编在职\n王芳,{id},DHC,科员,城市管理,在编在职")]
    public async Task is_refused_by_line_and_writes_nothing(string name, string rows)
    {
        await Department();
        var text = Header + "\n" + rows.Replace("{id}", Arrange.UniqueNationalId().Value).Replace("{id2}", Arrange.UniqueNationalId().Value)
            .Replace("{huge}", new string('王', 1_000_000)) + "\n";
        var file = name + ".csv";
        var before = await StoreCounts.Of(f.Schema);

        var result = await f.Get<OfficerImport>().Run(file, new StringReader(text), Arrange.Admin);

        result.Saved.Should().BeFalse();
        Fuzz.NamesFileAndLine(result.Errors, file, System.Text.Encoding.UTF8.GetBytes(text));
        result.Errors.Should().NotBeEmpty();
        (await StoreCounts.Of(f.Schema)).Should().Equal(before);
    }

    async Task Department()
    {
        await using var session = f.Store.QuerySession();
        if (!await Marten.QueryableExtensions.AnyAsync(session.Query<OfficerTraining.Agencies.Agency>(), a => a.Code == "DHC"))
            await Arrange.CityWithDepartment(f, "HC");
    }

    // Regression: a row with cells beyond the header's columns was imported, the extra cells silently dropped.
    [Fact]
    public async Task a_row_longer_than_the_header_is_refused_naming_its_line()
    {
        await Department();
        var text = $"{Header}\n王芳,{Arrange.UniqueNationalId().Value},DHC,科员,城市管理,在编在职,多余\n";
        var result = await f.Get<OfficerImport>().Run("long.csv", new StringReader(text), Arrange.Admin);
        result.Errors.Should().ContainSingle().Which.Should().Match<OfficerTraining.Infrastructure.ImportError>(e => e.Line == 2 && e.File == "long.csv");
    }

    [Fact]
    public async Task a_repeated_header_column_or_a_missing_one_is_named()
    {
        var missing = await f.Get<OfficerImport>().Run("missing.csv", new StringReader("姓名,执法主体编码\n王芳,DHC\n"), Arrange.Admin);
        missing.Errors.Should().ContainSingle().Which.Should().Match<OfficerTraining.Infrastructure.ImportError>(e => e.Line == 1 && e.Field == "身份证号");
        var empty = await f.Get<OfficerImport>().Run("empty.csv", new StringReader(""), Arrange.Admin);
        empty.Errors.Should().ContainSingle().Which.Line.Should().Be(1);
    }
}
