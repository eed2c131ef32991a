using OfficerTraining.Officers;

namespace OfficerTraining.Tests.Officers;

public class when_reading_an_id_number
{
    [Fact]
    public void a_valid_number_gives_birth_date_gender_and_a_mask()
    {
        var id = Given.NationalId("41040219900307201"); // 17th digit 1: odd, male
        id.BirthDate.Should().Be(new DateOnly(1990, 3, 7));
        id.Gender.Should().Be(Gender.Male);
        id.Masked.Should().Be("**************" + id.Last4).And.HaveLength(18);
    }

    [Fact]
    public void an_even_seventeenth_digit_is_a_woman() =>
        Given.NationalId("41040219851120462").Gender.Should().Be(Gender.Female);

    [Fact]
    public void a_lower_case_x_check_character_is_accepted()
    {
        // 11010519491231002X is the standard's own example.
        NationalIdNumber.TryParse("11010519491231002x", out var error).Should().NotBeNull();
        error.Should().BeNull();
    }

    [Theory]
    [InlineData("41040219900307201", "NationalId.Format")]        // 17 characters
    [InlineData("4104021990030720AA", "NationalId.Format")]
    [InlineData("410402199003072019", "NationalId.Checksum")]     // check character off by one
    [InlineData("410402199002302010", "NationalId.BirthDate")]    // 30 February, with a correct check character
    public void a_wrong_number_says_what_is_wrong(string text, string expected)
    {
        if (expected == "NationalId.BirthDate") text = text[..17] + NationalIdNumber.CheckCharacter(text);
        if (expected == "NationalId.Checksum") text = text[..17] + (NationalIdNumber.CheckCharacter(text) == '9' ? '8' : '9');
        NationalIdNumber.TryParse(text, out var error).Should().BeNull();
        error.Should().Be(expected);
    }

    [Fact]
    public void the_number_never_shows_in_clear_when_written_out()
    {
        var id = Given.NationalId();
        id.ToString().Should().NotContain("19900307").And.EndWith(id.Last4);
        $"{id}".Should().Be(id.Masked);
    }
}

public class when_protecting_an_id_number
{
    static readonly NationalIdProtector Protector = new(Enumerable.Repeat((byte)7, 32).ToArray());

    [Fact]
    public void the_same_number_always_hashes_the_same_and_another_does_not() =>
        Protector.LookupHash(Given.NationalId()).Should().Be(Protector.LookupHash(Given.NationalId()))
            .And.NotBe(Protector.LookupHash(Given.NationalId("41040219851120462")));

    [Fact]
    public void another_secret_gives_another_hash() =>
        new NationalIdProtector(Enumerable.Repeat((byte)8, 32).ToArray()).LookupHash(Given.NationalId())
            .Should().NotBe(Protector.LookupHash(Given.NationalId()));

    [Fact]
    public void the_stored_form_has_no_clear_number_and_reveals_with_the_officers_key()
    {
        var id = Given.NationalId();
        var (stored, key) = Protector.Protect(Guid.NewGuid(), id);
        var clear = "41040219900307201" + NationalIdNumber.CheckCharacter("41040219900307201");
        stored.LookupHash.Should().NotContain(clear);
        stored.Cipher.Should().NotContain(clear);
        stored.Masked.Should().Be(id.Masked);
        Protector.Reveal(stored, key).Should().Be(clear);
    }

    [Fact]
    public void a_short_secret_is_refused() =>
        FluentActions.Invoking(() => new NationalIdProtector(new byte[16])).Should().Throw<ArgumentException>();
}
