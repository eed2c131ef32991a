using System.Text;
using Marten;
using OfficerTraining.IntegrationTests.Harness;
using OfficerTraining.Officers;

namespace OfficerTraining.IntegrationTests.Officers;

public class when_importing_officers_from_csv(StoreFixture f) : IClassFixture<StoreFixture>
{
    const string Header = "姓名,身份证号,执法主体编码,职务,执法领域,用工性质";

    static string Line(string name, NationalIdNumber id, string code, string domains = "城市管理", string type = "在编在职") =>
        $"{name},{Reveal(id)},{code},科员,{domains},{type}";

    // Test files need the number in clear (internal, visible to this assembly); the app itself never writes it out.
    static string Reveal(NationalIdNumber id) => id.Value;

    async Task<OfficerImportResult> Import(string path, bool dryRun = false)
    {
        using var reader = new StreamReader(path, Encoding.UTF8, detectEncodingFromByteOrderMarks: true);
        return await f.Get<OfficerImport>().Run(Path.GetFileName(path), reader, Arrange.Admin, dryRun);
    }

    async Task<int> OfficersIn(Guid agencyId)
    {
        await using var session = f.Store.QuerySession();
        return await session.Query<Officer>().CountAsync(o => o.AgencyId == agencyId);
    }

    static string WriteFile(params string[] lines)
    {
        var path = Path.Combine(Path.GetTempPath(), $"officers-{Guid.NewGuid():N}.csv");
        File.WriteAllText(path, string.Join("\n", lines) + "\n", new UTF8Encoding(encoderShouldEmitUTF8Identifier: true));
        return path;
    }

    [Fact]
    public async Task a_clean_file_is_imported_whole_and_a_second_time_adds_nothing()
    {
        var (_, department) = await Arrange.CityWithDepartment(f, "I1");
        var path = WriteFile(Header,
            Line("王芳", Arrange.UniqueNationalId(), "DI1"),
            Line("刘洋", Arrange.UniqueNationalId(), "di1", "城市管理、市场监管", "合同制"));

        var first = await Import(path);
        first.Should().BeEquivalentTo(new { Succeeded = true, Accepted = 2, Saved = true });
        (await OfficersIn(department.Id)).Should().Be(2);

        var second = await Import(path);
        second.Succeeded.Should().BeFalse();
        second.Errors.Select(e => (e.Line, e.Field)).Should().Equal((2, "national_id"), (3, "national_id"));
        (await OfficersIn(department.Id)).Should().Be(2);
    }

    [Fact]
    public async Task one_bad_line_stops_the_whole_file_and_every_problem_is_named_by_line_and_field()
    {
        var (_, department) = await Arrange.CityWithDepartment(f, "I2");
        var repeated = Arrange.UniqueNationalId();
        var path = WriteFile(Header,
            Line("王芳", Arrange.UniqueNationalId(), "DI2"),
            Line("刘洋", repeated, "NOPE"),
            "赵敏,41040219900307,DI2,科员,城市管理,在编在职",
            Line("陈静", repeated, "DI2", "城管"),
            Line("孙丽", Arrange.UniqueNationalId(), "DI2", type: "编外"),
            ",,,,,");

        var result = await Import(path);

        result.Saved.Should().BeFalse();
        result.Errors.Select(e => (e.File, e.Line, e.Field)).Should().Equal(
            (Path.GetFileName(path), 3, "agency_code"),
            (Path.GetFileName(path), 4, "national_id"),
            (Path.GetFileName(path), 5, "domains"),
            (Path.GetFileName(path), 6, "employment_type"));
        result.Errors.Should().OnlyContain(e => e.Message.Length > 0);
        (await OfficersIn(department.Id)).Should().Be(0);
    }

    [Fact]
    public async Task a_dry_run_reports_but_writes_nothing()
    {
        var (_, department) = await Arrange.CityWithDepartment(f, "I3");
        var result = await Import(WriteFile(Header, Line("王芳", Arrange.UniqueNationalId(), "DI3")), dryRun: true);
        result.Should().BeEquivalentTo(new { Succeeded = true, Accepted = 1, Saved = false });
        (await OfficersIn(department.Id)).Should().Be(0);
    }

    [Fact]
    public async Task a_file_without_a_required_column_is_refused_at_its_header()
    {
        var result = await Import(WriteFile("姓名,身份证号,职务", "王芳,x,科员"));
        result.Errors.Should().ContainSingle().Which.Should().BeEquivalentTo(new { Line = 1, Field = "执法主体编码" });
    }
}
