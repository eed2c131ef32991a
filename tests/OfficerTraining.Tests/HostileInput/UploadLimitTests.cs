using System.Globalization;
using System.Resources;
using OfficerTraining.Officers.Photos;
using OfficerTraining.Web;
using OfficerTraining.Web.Components.Shared;

namespace OfficerTraining.Tests.HostileInput;

/// <summary>Every upload has an explicit limit, and a file over it is refused with a message in the user's language
/// that names the limit (the pages pass these keys and these numbers).</summary>
public class when_an_upload_is_too_large
{
    static readonly ResourceManager Texts = new("OfficerTraining.Web.Resources.SharedResource", typeof(SharedResource).Assembly);

    [Theory]
    [InlineData("Qb.Import.TooLarge", UploadLimits.QuestionFileMegabytes)]
    [InlineData("OfficerImport.TooLarge", UploadLimits.OfficerCsvMegabytes)]
    [InlineData("OfficerImport.TooLarge", UploadLimits.AttendanceCsvMegabytes)]
    public void the_message_names_the_limit_in_chinese_and_in_english(string key, int megabytes)
    {
        var zh = string.Format(CultureInfo.GetCultureInfo("zh-CN"), Texts.GetString(key, CultureInfo.GetCultureInfo("zh-CN"))!, megabytes);
        var en = string.Format(CultureInfo.GetCultureInfo("en"), Texts.GetString(key, CultureInfo.GetCultureInfo("en"))!, megabytes);

        zh.Should().Contain($"{megabytes} MB").And.MatchRegex(@"\p{IsCJKUnifiedIdeographs}");
        en.Should().Contain($"{megabytes} MB").And.NotMatchRegex(@"\p{IsCJKUnifiedIdeographs}");
    }

    [Fact]
    public void a_photo_over_its_limit_is_named_with_its_size_and_the_limit()
    {
        var previous = CultureInfo.CurrentUICulture;
        try
        {
            CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo("en");
            Infrastructure.Messages.Format("Photo.TooLarge", "me.jpg", 7.5, UploadLimits.PhotoMegabytes)
                .Should().Contain("me.jpg").And.Contain("7.5 MB").And.Contain($"{UploadLimits.PhotoMegabytes} MB");
        }
        finally { CultureInfo.CurrentUICulture = previous; }
    }

    [Theory]
    [InlineData(UploadLimits.QuestionFileMegabytes)]
    [InlineData(UploadLimits.OfficerCsvMegabytes)]
    [InlineData(UploadLimits.AttendanceCsvMegabytes)]
    public void a_file_of_exactly_the_limit_is_taken_and_one_byte_more_is_not(int megabytes)
    {
        UploadLimits.TooLarge(megabytes * 1024L * 1024, megabytes).Should().BeFalse();
        UploadLimits.TooLarge(megabytes * 1024L * 1024 + 1, megabytes).Should().BeTrue();
        UploadLimits.PhotoMegabytes.Should().Be(PhotoProcessor.MaxBytes / 1024 / 1024).And.BePositive();
    }
}
