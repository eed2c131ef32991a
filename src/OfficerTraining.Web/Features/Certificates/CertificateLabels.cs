using System.Globalization;
using Microsoft.Extensions.Localization;
using MudBlazor;
using OfficerTraining.Certificates;

namespace OfficerTraining.Web.Features.Certificates;

/// <summary>Display names and colours of certificate values (keys "Cert.Status.X", "Cert.Kind.X", "Cert.Cancel.X",
/// "Cert.Replace.X", "Cert.Review.X"), shared by the register, the officer's pages and the public verification page.</summary>
public static class CertificateLabels
{
    public static string Of(this IStringLocalizer l, CertificateStatus s) => l[$"Cert.Status.{s}"];
    public static string Of(this IStringLocalizer l, CertificateKind k) => l[$"Cert.Kind.{k}"];
    public static string Of(this IStringLocalizer l, CancellationCause c) => l[$"Cert.Cancel.{c}"];
    public static string Of(this IStringLocalizer l, ReplacementCause c) => l[$"Cert.Replace.{c}"];
    public static string Of(this IStringLocalizer l, ReviewAction a) => l[$"Cert.Review.{a}"];

    public static Color ColorOf(CertificateStatus s) => s switch
    {
        CertificateStatus.Valid => Color.Success,
        CertificateStatus.Suspended => Color.Warning,
        CertificateStatus.Revoked => Color.Error,
        _ => Color.Default,
    };

    public static string Date(DateOnly d) => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
