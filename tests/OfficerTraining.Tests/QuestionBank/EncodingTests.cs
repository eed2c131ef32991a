using System.Text;
using OfficerTraining.Infrastructure;
using OfficerTraining.QuestionBank.Import;

namespace OfficerTraining.Tests.QuestionBank;

public class when_decoding_an_uploaded_file
{
    const string Gift = """
        // [id:XZCF-0001] [tag:行政处罚]
        ::设定::限制人身自由的行政处罚，只能由下列哪一种规范设定？{
          =法律
          ~行政法规
          ~地方性法规
        ####《行政处罚法》第十条第二款。}

        ::TF::行政机关可以委托符合条件的组织实施行政处罚。{TRUE}
        """;

    static Encoding Gb18030()
    {
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        return Encoding.GetEncoding("GB18030");
    }

    [Fact]
    public void a_gb18030_file_reads_as_the_same_questions_as_its_utf8_twin()
    {
        var (gbText, gbError) = TextFileDecoder.Decode(Gb18030().GetBytes(Gift));
        var (utf8Text, utf8Error) = TextFileDecoder.Decode(Encoding.UTF8.GetBytes(Gift));

        (gbError, utf8Error).Should().Be((null, null));
        gbText.Should().Be(Gift);
        var (gb, utf8) = (GiftReader.Read("gb.gift", gbText), GiftReader.Read("utf8.gift", utf8Text));
        gb.Questions.Should().HaveCount(2);
        gb.Questions.Select(q => q.Code).Should().Equal(utf8.Questions.Select(q => q.Code));
        gb.Questions.Zip(utf8.Questions).Should().AllSatisfy(p => p.First.Content.SameAs(p.Second.Content).Should().BeTrue());
        gb.Questions[0].Content.Options.Should().Equal("法律", "行政法规", "地方性法规");
    }

    [Fact]
    public void byte_order_marks_say_the_encoding_and_are_not_part_of_the_text()
    {
        foreach (var encoding in new Encoding[] { new UTF8Encoding(true), Encoding.Unicode, Encoding.BigEndianUnicode })
            TextFileDecoder.Decode([.. encoding.GetPreamble(), .. encoding.GetBytes(Gift)]).Should().Be((Gift, (string?)null));
    }

    [Fact]
    public void a_gbk_file_is_read_as_gb18030_its_superset()
    {
        _ = Gb18030(); // registers the code-page encodings before asking for GBK (code page 936)
        var gbk = Encoding.GetEncoding(936, EncoderFallback.ExceptionFallback, DecoderFallback.ExceptionFallback);
        TextFileDecoder.Decode(gbk.GetBytes(Gift)).Text.Should().Be(Gift);
    }

    [Fact]
    public void random_binary_is_refused_with_a_clear_message()
    {
        var bytes = new byte[4096];
        new Random(20260302).NextBytes(bytes);

        var (text, error) = TextFileDecoder.Decode(bytes);

        text.Should().BeEmpty();
        error.Should().NotBeNull();
        Messages.Format(error!).Should().NotBeNullOrWhiteSpace();
    }

    [Fact]
    public void bytes_valid_in_no_supported_encoding_are_refused_not_replaced() =>
        TextFileDecoder.Decode([.. Encoding.UTF8.GetBytes("法律"), 0xC3, 0x28, 0xFF]).Should().Be(("", "Import.UnknownEncoding"));

    [Fact]
    public void control_characters_mark_a_binary_file_even_when_it_happens_to_be_valid_utf8() =>
        TextFileDecoder.Decode([0x50, 0x4B, 0x03, 0x04, 0x14, 0x00, 0x00, 0x00]).Should().Be(("", "Import.NotText"));

    [Fact]
    public void a_damaged_utf8_file_is_refused_rather_than_read_as_gbk()
    {
        var bytes = Encoding.UTF8.GetBytes(Gift);
        bytes[Encoding.UTF8.GetByteCount(Gift[..Gift.IndexOf('限', StringComparison.Ordinal)]) + 1] ^= 0x40; // 限 loses its middle byte

        TextFileDecoder.Decode(bytes).Should().Be(("", "Import.DamagedUtf8"));
    }
}
