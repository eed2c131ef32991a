namespace OfficerTraining.Web.Features.Certificates.Verification;

/// <summary>Every public look-up is logged, by token (the QR code) or by number (the form), with its outcome. Generated,
/// so a look-up builds no message text and boxes nothing on the request (the JSON line is written in a batch, see
/// Hosting/StandardErrorLog.cs).</summary>
public static partial class VerificationLog
{
    [LoggerMessage(Level = LogLevel.Information, Message = "Certificate verification by {Lookup} {Key}: {Outcome}")]
    public static partial void LookedUp(ILogger logger, string lookup, string key, string outcome);
}
