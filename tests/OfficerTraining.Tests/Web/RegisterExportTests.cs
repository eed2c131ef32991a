using System.Text.Json;
using ClosedXML.Excel;
using Microsoft.Extensions.Localization;
using OfficerTraining.Agencies;
using OfficerTraining.Certificates;
using OfficerTraining.Web.Components.Shared.Exports;
using OfficerTraining.Web.Features.Certificates.Register;

namespace OfficerTraining.Tests.Web;

/// <summary>The register's exports: the JSON shape the provincial platform reads, CSV and XLSX for people; none carries
/// the card's verification token or the holder's ID number.</summary>
public class RegisterExportTests
{
    const string Token = "Zx9SECRETtokenQR0123456789abcdef";
    static readonly DateOnly Today = new(2026, 11, 28);

    static Certificate Renewed() => Certificate.Create(new CertificateIssued(Guid.CreateVersion7(), "豫0401-2026-0007",
        CertificateKind.Enforcement, new CertificateHolder(Guid.CreateVersion7(), "=张伟", Guid.CreateVersion7(), "平顶山市城市管理局, 一队",
            [EnforcementDomain.UrbanManagement]), new(2026, 3, 1), new(2031, 2, 28), "平顶山市司法局", Token, "换证", "第二十一条",
        Predecessor: Guid.CreateVersion7()));

    static RegisterRow Row() => RegisterRow.From(Renewed(), Today, "410400CG01", "豫0401-2021-0001");

    [Fact]
    public void the_json_has_the_documented_camel_case_shape()
    {
        var json = RegisterJson.Of([Row()], new DateTimeOffset(2026, 11, 28, 1, 0, 0, TimeSpan.Zero));

        using var doc = JsonDocument.Parse(json);
        var root = doc.RootElement;
        root.GetProperty("schema").GetString().Should().Be("officer-training/certificates/v1");
        root.GetProperty("generatedAt").GetString().Should().Be("2026-11-28T09:00:00+08:00");
        root.GetProperty("count").GetInt32().Should().Be(1);
        var c = root.GetProperty("certificates")[0];
        c.EnumerateObject().Select(p => p.Name).Should().Equal("number", "kind", "status", "statusOn", "holder", "validFrom",
            "validUntil", "issuer", "predecessorNumber", "successorNumber");
        c.GetProperty("number").GetString().Should().Be("豫0401-2026-0007");
        c.GetProperty("kind").GetString().Should().Be("enforcement");
        c.GetProperty("status").GetString().Should().Be("valid");
        c.GetProperty("statusOn").GetString().Should().Be("2026-11-28");
        c.GetProperty("validFrom").GetString().Should().Be("2026-03-01");
        c.GetProperty("validUntil").GetString().Should().Be("2031-02-28");
        c.GetProperty("predecessorNumber").GetString().Should().Be("豫0401-2021-0001");
        c.GetProperty("successorNumber").ValueKind.Should().Be(JsonValueKind.Null);
        var holder = c.GetProperty("holder");
        holder.EnumerateObject().Select(p => p.Name).Should().Equal("name", "agency", "domains");
        holder.GetProperty("agency").GetProperty("code").GetString().Should().Be("410400CG01");
        holder.GetProperty("agency").GetProperty("name").GetString().Should().Be("平顶山市城市管理局, 一队");
        holder.GetProperty("domains")[0].GetString().Should().Be("urbanManagement");
    }

    [Fact]
    public void the_status_is_the_one_on_the_export_date()
    {
        var expired = RegisterRow.From(Renewed(), new DateOnly(2031, 3, 1), "410400CG01", null);
        using var doc = JsonDocument.Parse(RegisterJson.Of([expired], DateTimeOffset.UnixEpoch));
        doc.RootElement.GetProperty("certificates")[0].GetProperty("status").GetString().Should().Be("expired");
    }

    [Fact]
    public void no_export_carries_the_token_or_an_id_number()
    {
        var cells = RegisterSheet.Cells([Row()], new KeyLocalizer());
        var outputs = new[]
        {
            RegisterJson.Of([Row()], DateTimeOffset.UnixEpoch),
            TableCsv.Of(RegisterSheet.Headers(new KeyLocalizer()), cells),
            string.Join("|", Read(TableXlsx.Of("s", RegisterSheet.Headers(new KeyLocalizer()), cells)).SelectMany(r => r)),
        };
        foreach (var text in outputs)
            text.Should().NotContain(Token).And.NotContainEquivalentOf("token").And.NotContainEquivalentOf("nationalId");
        typeof(RegisterRow).GetProperties().Select(p => p.Name).Should().NotContain(["Token", "NationalId"]);
    }

    [Fact]
    public void the_csv_quotes_commas_and_defuses_formulas()
    {
        var csv = TableCsv.Of(["编号", "持证人", "单位"], [["豫-1", "=张伟", "甲, 乙"]]);
        csv.Should().Be("编号,持证人,单位\r\n豫-1,'=张伟,\"甲, 乙\"\r\n");
    }

    [Fact]
    public void the_xlsx_keeps_every_cell_as_text()
    {
        var xlsx = TableXlsx.Of("证件登记簿", ["编号", "持证人"], [["0401", "=1+1"]]);

        var rows = Read(xlsx);
        rows[0].Should().Equal("编号", "持证人");
        rows[1].Should().Equal("0401", "=1+1");
    }

    static List<List<string>> Read(byte[] xlsx)
    {
        using var workbook = new XLWorkbook(new MemoryStream(xlsx));
        var sheet = workbook.Worksheets.First();
        return [.. sheet.RowsUsed().Select(r => r.Cells(1, sheet.LastColumnUsed().ColumnNumber())
            .Select(c => { c.HasFormula.Should().BeFalse(); return c.GetString(); }).ToList())];
    }

    /// <summary>Answers every key with itself, so a test sees which label went where.</summary>
    sealed class KeyLocalizer : IStringLocalizer
    {
        public LocalizedString this[string name] => new(name, name);
        public LocalizedString this[string name, params object[] arguments] => new(name, name + ":" + string.Join(",", arguments));
        public IEnumerable<LocalizedString> GetAllStrings(bool includeParentCultures) => [];
    }
}
