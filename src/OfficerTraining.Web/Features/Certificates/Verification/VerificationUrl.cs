namespace OfficerTraining.Web.Features.Certificates.Verification;

/// <summary>The absolute address a card's QR code points to. Behind a proxy the app cannot see its public address, so
/// <c>Verification:BaseUrl</c> names it; otherwise the request's own base is used.</summary>
public static class VerificationUrl
{
    public const string BaseUrlSetting = "Verification:BaseUrl";

    public static string For(string baseUri, string token) =>
        $"{baseUri.TrimEnd('/')}/verify/{Uri.EscapeDataString(token)}";

    public static string Base(IConfiguration configuration, string requestBaseUri) =>
        configuration[BaseUrlSetting] is { Length: > 0 } configured ? configured : requestBaseUri;

    /// <summary>What the log may say about a token: enough to find the lookup again, not enough to replay it.</summary>
    public static string Abbreviate(string token) => token.Length <= 6 ? token : token[..6];
}
