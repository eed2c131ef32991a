using System.IO.Compression;
using System.Text;
using Microsoft.Extensions.Localization;
using OfficerTraining.Agencies;
using OfficerTraining.Officers;
using OfficerTraining.Web.Components.Shared.Exports;
using OfficerTraining.Web.Features.Audit;
using OfficerTraining.Web.Features.Officers;

namespace OfficerTraining.Tests.Officers;

/// <summary>The officer list's CSV and XLSX downloads, from officers protected by the real protector: the number shows
/// masked (the last four digits), never in clear nor any 15 characters of it.</summary>
public class when_the_officer_list_is_exported
{
    static readonly NationalIdProtector Protector = new(Enumerable.Range(1, 32).Select(i => (byte)i).ToArray());

    static IEnumerable<string> Traces(NationalIdNumber id) =>
        [id.Value, .. Enumerable.Range(0, 4).Select(i => id.Value.Substring(i, 15)), id.Value[..6] + id.Value[8..17]];

    [Fact]
    public void csv_and_xlsx_hold_the_masked_number_only()
    {
        var ids = new[] { Given.NationalId("41040219900307201"), Given.NationalId("41042119751231002"), Given.NationalId("41040220001111123") };
        var agency = Given.Department(Given.City());
        var officers = ids.Select(id =>
        {
            var officerId = Guid.CreateVersion7();
            var (protectedId, _) = Protector.Protect(officerId, id);
            return new Officer(officerId, "张伟", id.Gender, id.BirthDate, agency.Id, "科员", [EnforcementDomain.UrbanManagement],
                EmploymentType.Established, protectedId, true, Given.Now);
        }).ToList();
        var l = new KeyLocalizer();
        var headers = OfficerSheet.Headers(l);
        var rows = OfficerSheet.Rows(officers, _ => agency.Name, l).ToList();

        var csv = TableCsv.Of(headers, rows);
        var xlsx = Unzipped(TableXlsx.Of("执法人员", headers, rows));

        foreach (var id in ids)
        {
            csv.Should().Contain(id.Masked);
            xlsx.Should().Contain(id.Masked);
            foreach (var trace in Traces(id))
            {
                csv.Should().NotContain(trace);
                xlsx.Should().NotContain(trace);
            }
        }
    }

    [Fact]
    public void the_audit_trail_and_its_export_describe_a_registration_without_the_number_its_hash_or_cipher()
    {
        var id = Given.NationalId("41040219900307201");
        var (protectedId, _) = Protector.Protect(Guid.CreateVersion7(), id);
        var registered = new OfficerRegistered(Guid.CreateVersion7(), "张伟", id.Gender, id.BirthDate, Guid.CreateVersion7(), "科员",
            [EnforcementDomain.UrbanManagement], EmploymentType.Established, protectedId);

        var words = AuditWords.Details(new KeyLocalizer(), registered);

        words.Should().Contain("张伟");
        foreach (var secret in Traces(id).Append(protectedId.LookupHash).Append(protectedId.Cipher)) words.Should().NotContain(secret);
    }

    static string Unzipped(byte[] xlsx)
    {
        using var zip = new ZipArchive(new MemoryStream(xlsx));
        var all = new StringBuilder();
        foreach (var entry in zip.Entries)
        {
            using var reader = new StreamReader(entry.Open());
            all.Append(reader.ReadToEnd());
        }
        return all.ToString();
    }

    sealed class KeyLocalizer : IStringLocalizer
    {
        public LocalizedString this[string name] => new(name, name);
        public LocalizedString this[string name, params object[] arguments] => new(name, name);
        public IEnumerable<LocalizedString> GetAllStrings(bool includeParentCultures) => [];
    }
}
