using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace OfficerTraining.Benchmarks.Circuits;

/// <summary>
/// What a prerendered page tells the client about its interactive roots: the <c>&lt;!--Blazor:{…}--&gt;</c> start markers
/// of the server components (data-protected descriptors that expire after 5 minutes, so each circuit needs a fresh GET)
/// and the persisted component state, if any.
/// </summary>
public sealed partial record ExamPageMarkers(IReadOnlyList<JsonObject> ServerMarkers, string State)
{
    public static ExamPageMarkers Parse(string html)
    {
        var markers = Marker().Matches(html)
            .Select(m => JsonNode.Parse(m.Groups["json"].Value)!.AsObject())
            .Where(m => m["type"]?.GetValue<string>() == "server" && m.ContainsKey("descriptor"))
            .ToList();
        if (markers.Count == 0) throw new InvalidOperationException("The page has no interactive server component markers.");
        var state = PersistedState().Match(html) is { Success: true } s ? s.Groups["state"].Value : "";
        return new(markers, state);
    }

    /// <summary>The first UpdateRootComponents batch, as blazor.web.js builds it: one "add" per marker, numbered from 1.</summary>
    public string RootComponentsBatch() => new JsonObject
    {
        ["batchId"] = 1,
        ["operations"] = new JsonArray([
            .. ServerMarkers.Select((m, i) => (JsonNode)new JsonObject
            {
                ["type"] = "add", ["ssrComponentId"] = i + 1, ["marker"] = m.DeepClone(),
            }),
        ]),
    }.ToJsonString(new JsonSerializerOptions { WriteIndented = false });

    [GeneratedRegex(@"<!--Blazor:(?<json>\{.*?\})-->", RegexOptions.Singleline)]
    private static partial Regex Marker();

    [GeneratedRegex(@"<!--Blazor-Server-Component-State:(?<state>.*?)-->")]
    private static partial Regex PersistedState();
}
