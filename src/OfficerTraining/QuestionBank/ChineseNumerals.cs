namespace OfficerTraining.QuestionBank;

/// <summary>Article numbers as the law texts write them: 第一条 … 第十条, 第二十一条, 第一百零三条.</summary>
public static class ChineseNumerals
{
    const string Digits = "零一二三四五六七八九";

    public static string Format(int n)
    {
        if (n <= 0 || n >= 1000) throw new ArgumentOutOfRangeException(nameof(n), n, "Articles run from 1 to 999.");
        var (hundreds, tens, ones) = (n / 100, n / 10 % 10, n % 10);
        var text = hundreds > 0 ? Digits[hundreds] + "百" : "";
        if (tens > 0) text += (hundreds == 0 && tens == 1 ? "" : Digits[tens].ToString()) + "十";
        else if (hundreds > 0 && ones > 0) text += "零";
        if (ones > 0) text += Digits[ones];
        return text;
    }

    /// <returns>The number, or null when the text is not a Chinese numeral from 1 to 999 (Arabic digits pass too).</returns>
    public static int? Parse(string text)
    {
        text = text.Trim();
        if (int.TryParse(text, out var arabic)) return arabic is > 0 and < 1000 ? arabic : null;
        for (var n = 1; n < 1000; n++)
            if (Format(n) == text) return n;
        return null;
    }
}
