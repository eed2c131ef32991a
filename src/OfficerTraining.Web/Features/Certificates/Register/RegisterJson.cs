using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;
using OfficerTraining.Agencies;
using OfficerTraining.Certificates;
using OfficerTraining.Infrastructure;

namespace OfficerTraining.Web.Features.Certificates.Register;

/// <summary>
/// The register for the provincial platform, shape "officer-training/certificates/v1" (EXPORT.md documents it): explicit
/// records, so a rename in the domain cannot change the file; camelCase names and enum values; dates as yyyy-MM-dd.
/// No national ID, no verification token.
/// </summary>
public static class RegisterJson
{
    public const string Schema = "officer-training/certificates/v1";

    public sealed record Document(string Schema, string GeneratedAt, int Count, IReadOnlyList<Item> Certificates);

    public sealed record Item(
        string Number, CertificateKind Kind, CertificateStatus Status, string StatusOn, Holder Holder, string ValidFrom,
        string ValidUntil, string Issuer, string? PredecessorNumber, string? SuccessorNumber);

    public sealed record Holder(string Name, Agency Agency, IReadOnlyList<EnforcementDomain> Domains);

    public sealed record Agency(string Code, string Name);

    static readonly JsonSerializerOptions Options = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.CamelCase, allowIntegerValues: false) },
        WriteIndented = true,
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping, // Chinese stays readable
    };

    public static string Of(IEnumerable<RegisterRow> rows, DateTimeOffset generatedAt)
    {
        var items = rows.Select(r => new Item(r.Number, r.Kind, r.Status, Date(r.StatusOn),
            new Holder(r.HolderName, new Agency(r.AgencyCode, r.AgencyName), r.Domains), Date(r.ValidFrom), Date(r.ValidUntil),
            r.Issuer, r.PredecessorNumber, r.SuccessorNumber)).ToList();
        return JsonSerializer.Serialize(new Document(Schema,
            generatedAt.ToOffset(ChinaTime.Offset).ToString("yyyy-MM-dd'T'HH:mm:sszzz", CultureInfo.InvariantCulture), items.Count, items),
            Options);
    }

    public static string DataUrl(string json) => "data:application/json;charset=utf-8," + Uri.EscapeDataString(json);

    static string Date(DateOnly d) => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
