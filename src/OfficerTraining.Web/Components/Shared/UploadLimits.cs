using OfficerTraining.Officers.Photos;

namespace OfficerTraining.Web.Components.Shared;

/// <summary>
/// The largest file each upload takes, in one place. Files enter only through Blazor's <c>InputFile</c> (there is no
/// upload endpoint): a page first compares the size the browser reports with the limit and, when it is over, says so in
/// the user's language, naming the limit; otherwise it reads with <c>OpenReadStream(maxAllowedSize)</c> set to the same
/// limit, so Blazor itself never streams more than that.
/// </summary>
public static class UploadLimits
{
    /// <summary>A question file (YAML, GIFT, Moodle XML): the whole shipped bank is 0.3 MB.</summary>
    public const int QuestionFileMegabytes = 20;

    /// <summary>An officer CSV: about 50 000 officers.</summary>
    public const int OfficerCsvMegabytes = 5;

    /// <summary>An attendance list of one in-person session.</summary>
    public const int AttendanceCsvMegabytes = 2;

    /// <summary>An officer's photo, before it is re-encoded.</summary>
    public const int PhotoMegabytes = PhotoProcessor.MaxBytes / 1024 / 1024;

    public static long Bytes(int megabytes) => megabytes * 1024L * 1024;

    /// <summary>Whether a file of <paramref name="size"/> bytes is over a limit of <paramref name="megabytes"/>.</summary>
    public static bool TooLarge(long size, int megabytes) => size > Bytes(megabytes);
}
