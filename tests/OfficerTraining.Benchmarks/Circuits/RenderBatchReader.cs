using System.Buffers.Binary;
using System.Text;

namespace OfficerTraining.Benchmarks.Circuits;

/// <summary>Blazor's frame types, as numbered in RenderTreeFrameType.</summary>
public enum FrameType { Element = 1, Text = 2, Attribute = 3, Component = 4, Region = 5, ElementReferenceCapture = 6,
    ComponentReferenceCapture = 7, Markup = 8, ComponentRenderMode = 9, NamedEvent = 10 }

/// <summary>Blazor's diff edits, as numbered in RenderTreeEditType.</summary>
public enum EditType { PrependFrame = 1, RemoveFrame = 2, SetAttribute = 3, RemoveAttribute = 4, UpdateText = 5, StepIn = 6,
    StepOut = 7, UpdateMarkup = 8, PermutationListEntry = 9, PermutationListEnd = 10 }

/// <summary>One reference frame. Element: <see cref="Length"/> is the subtree length, <see cref="Name"/> the tag.
/// Attribute: name, value (null for none, "" for a true boolean) and event-handler id. Text and markup: the content in
/// <see cref="Value"/>. Component: subtree length and the child component's id. Region: subtree length.</summary>
public readonly record struct Frame(FrameType Type, int Length, string? Name, string? Value, ulong EventHandlerId, int ComponentId);

public readonly record struct Edit(EditType Type, int SiblingIndex, int ReferenceFrameIndex, string? RemovedAttributeName);

public sealed record ComponentDiff(int ComponentId, IReadOnlyList<Edit> Edits);

public sealed record RenderBatch(IReadOnlyList<ComponentDiff> Diffs, IReadOnlyList<Frame> ReferenceFrames,
    IReadOnlyList<int> DisposedComponentIds, IReadOnlyList<ulong> DisposedEventHandlerIds);

/// <summary>
/// Reads the binary render batch that <c>JS.RenderBatch</c> carries (the server's RenderBatchWriter; all little-endian):
/// the updated components (each: component id, edit count, 16-byte edits), the reference frames (20 bytes each: an int32
/// type and 16 bytes of payload), the disposed component ids, the disposed event-handler ids (uint64), the string table
/// (7-bit length-prefixed UTF-8, then an int32 offset per string), and a trailer of the five sections' offsets.
/// </summary>
public static class RenderBatchReader
{
    public static RenderBatch Read(byte[] data)
    {
        var trailer = data.Length - 20;
        int Int(int at) => BinaryPrimitives.ReadInt32LittleEndian(data.AsSpan(at));
        var (updated, frames, disposedComponents, disposedHandlers, stringIndex) =
            (Int(trailer), Int(trailer + 4), Int(trailer + 8), Int(trailer + 12), Int(trailer + 16));

        var strings = new string[(trailer - stringIndex) / 4];
        for (var i = 0; i < strings.Length; i++) strings[i] = ReadString(data, Int(stringIndex + 4 * i));
        string? S(int index) => index < 0 ? null : strings[index];

        var diffs = new ComponentDiff[Int(updated)];
        for (var d = 0; d < diffs.Length; d++)
        {
            var at = Int(updated + 4 + 4 * d);
            var edits = new Edit[Int(at + 4)];
            for (var e = 0; e < edits.Length; e++)
            {
                var edit = at + 8 + 16 * e;
                edits[e] = new((EditType)Int(edit), Int(edit + 4), Int(edit + 8), S(Int(edit + 12)));
            }
            diffs[d] = new(Int(at), edits);
        }

        var referenceFrames = new Frame[Int(frames)];
        for (var f = 0; f < referenceFrames.Length; f++)
        {
            var at = frames + 4 + 20 * f;
            var type = (FrameType)Int(at);
            referenceFrames[f] = type switch
            {
                FrameType.Element => new(type, Int(at + 4), S(Int(at + 8)), null, 0, 0),
                FrameType.Attribute => new(type, 1, S(Int(at + 4)), S(Int(at + 8)),
                    BinaryPrimitives.ReadUInt64LittleEndian(data.AsSpan(at + 12)), 0),
                FrameType.Component => new(type, Int(at + 4), null, null, 0, Int(at + 8)),
                FrameType.Region => new(type, Int(at + 4), null, null, 0, 0),
                FrameType.Text or FrameType.Markup => new(type, 1, null, S(Int(at + 4)), 0, 0),
                _ => new(type, 1, null, null, 0, 0),
            };
        }

        var components = new int[Int(disposedComponents)];
        for (var i = 0; i < components.Length; i++) components[i] = Int(disposedComponents + 4 + 4 * i);
        var handlers = new ulong[Int(disposedHandlers)];
        for (var i = 0; i < handlers.Length; i++)
            handlers[i] = BinaryPrimitives.ReadUInt64LittleEndian(data.AsSpan(disposedHandlers + 4 + 8 * i));
        return new(diffs, referenceFrames, components, handlers);
    }

    /// <summary>BinaryWriter.Write(string): a 7-bit encoded byte length, then UTF-8.</summary>
    static string ReadString(ReadOnlySpan<byte> data, int at)
    {
        int length = 0, shift = 0;
        byte b;
        do
        {
            b = data[at++];
            length |= (b & 0x7F) << shift;
            shift += 7;
        } while ((b & 0x80) != 0);
        return Encoding.UTF8.GetString(data.Slice(at, length));
    }
}
