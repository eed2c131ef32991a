using AngleSharp.Html.Parser;

namespace OfficerTraining.Tests.HostileInput;

/// <summary>Whether HTML is inert: no element that runs or loads code, no event handler or style attribute, no URL
/// other than https:, mailto:, a fragment or a path of the app. Encoded text (&amp;lt;script&amp;gt;) is fine. Shared with
/// the integration tests, which check real pages with it.</summary>
public static class InertHtml
{
    static readonly HtmlParser Parser = new();

    public static void Check(string html)
    {
        var document = Parser.ParseDocument("<!doctype html><html><body>" + html + "</body></html>");
        foreach (var element in document.Body!.QuerySelectorAll("*"))
        {
            if (element.LocalName is "script" or "iframe" or "object" or "embed" or "style" or "form" or "meta" or "base" or "svg" or "math")
                throw new InvalidOperationException($"<{element.LocalName}> survived: {html}");
            foreach (var attribute in element.Attributes)
            {
                if (attribute.Name.StartsWith("on", StringComparison.OrdinalIgnoreCase) || attribute.Name == "style")
                    throw new InvalidOperationException($"attribute {attribute.Name} survived: {html}");
                // Browsers drop whitespace and control characters inside a URL; without a scheme it is a path of the app.
                var value = new string(attribute.Value.Where(c => !char.IsWhiteSpace(c) && !char.IsControl(c)).ToArray());
                var scheme = System.Text.RegularExpressions.Regex.Match(value, "^([a-zA-Z][a-zA-Z0-9+.-]*):").Groups[1].Value.ToLowerInvariant();
                if (attribute.Name is "href" or "src" or "action" or "formaction" or "xlink:href" && scheme is not ("" or "https" or "mailto"))
                    throw new InvalidOperationException($"{attribute.Name}=\"{attribute.Value}\" survived: {html}");
            }
        }
        if (html.Contains("<script", StringComparison.OrdinalIgnoreCase)) throw new InvalidOperationException($"<script survived: {html}");
    }
}
