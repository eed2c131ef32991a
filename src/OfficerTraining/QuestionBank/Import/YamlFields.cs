using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace OfficerTraining.QuestionBank.Import;

/// <summary>Reading the fields of a YAML mapping, noting each field's line and each problem in a <see cref="YamlQuestion"/>.
/// A plain empty value, ~ or null counts as no value.</summary>
internal static class YamlFields
{
    /// <summary>The mapping's fields by key, noting the line of each and refusing keys the format does not have.</summary>
    public static Dictionary<string, YamlNode> Fields(YamlMappingNode node, string[] allowed, string prefix, YamlQuestion q)
    {
        var fields = new Dictionary<string, YamlNode>(StringComparer.Ordinal);
        foreach (var (key, value) in node.Children)
        {
            var name = (key as YamlScalarNode)?.Value ?? key.ToString();
            if (!allowed.Contains(name)) q.Problem(prefix + name, At(key), "Yaml.UnknownKey", name, string.Join(", ", allowed));
            else
            {
                fields[name] = value;
                q.Lines[prefix + name] = At(key);
            }
        }
        return fields;
    }

    public static bool IsNull(YamlNode node) =>
        node is YamlScalarNode { Style: ScalarStyle.Plain, Value: null or "" or "~" or "null" or "Null" or "NULL" };

    public static string? Text(Dictionary<string, YamlNode> fields, string key, string prefix, YamlQuestion q)
    {
        if (!fields.TryGetValue(key, out var node) || IsNull(node)) return null;
        if (node is YamlScalarNode scalar) return scalar.Value ?? "";
        q.Problem(prefix + key, "Yaml.NotAText", key);
        return null;
    }

    public static YamlSequenceNode? Sequence(Dictionary<string, YamlNode> fields, string key, string prefix, YamlQuestion q)
    {
        if (!fields.TryGetValue(key, out var node) || IsNull(node)) return null;
        if (node is YamlSequenceNode seq) return seq;
        q.Problem(prefix + key, "Yaml.NotAList", key);
        return null;
    }

    /// <summary>A list of texts; with <paramref name="allowOne"/> a single text stands for a list of one.</summary>
    public static List<string>? Texts(Dictionary<string, YamlNode> fields, string key, string prefix, YamlQuestion q, bool allowOne = true)
    {
        if (!fields.TryGetValue(key, out var node) || IsNull(node)) return null;
        if (allowOne && node is YamlScalarNode one) return [one.Value ?? ""];
        if (Sequence(fields, key, prefix, q) is not { } seq) return null;
        if (seq.Children.All(c => c is YamlScalarNode)) return seq.Children.Select(c => ((YamlScalarNode)c).Value ?? "").ToList();
        q.Problem(prefix + key, "Yaml.NotAText", key);
        return null;
    }

    public static int At(YamlNode node) => (int)node.Start.Line;

    public static IEnumerable<int> Lines(YamlNode node) =>
        node is YamlSequenceNode seq ? seq.Children.Select(At) : [At(node)];
}
