namespace OfficerTraining.Benchmarks.Circuits;

/// <summary>A node of the page as the browser would hold it: an element (tag, attributes with their event-handler ids),
/// a component's logical container (its id), or a text/markup leaf (content not kept: nothing here reads it).</summary>
public sealed class DomNode(string? tag, int componentId = 0)
{
    public string? Tag { get; } = tag;
    public int ComponentId { get; } = componentId;
    public DomNode? Parent { get; set; }
    public List<DomNode> Children { get; } = [];
    public Dictionary<string, (string? Value, ulong Handler)> Attributes { get; } = [];

    public string? this[string attribute] => Attributes.TryGetValue(attribute, out var a) ? a.Value : null;
}

/// <summary>
/// The page's logical DOM, kept up to date by applying each render batch the way Blazor's BrowserRenderer does: every
/// component renders into its own logical container; regions are flattened into their parent; markup is one logical
/// child; an element's leading attribute frames are its attributes. Enough to find an input by its id and its current
/// event-handler id, and to read a status element's class after each batch.
/// </summary>
public sealed class PageDom
{
    readonly Dictionary<int, DomNode> _components = [];

    public IEnumerable<(int ComponentId, DomNode Container)> Components => _components.Select(c => (c.Key, c.Value));

    public void Apply(RenderBatch batch)
    {
        foreach (var diff in batch.Diffs)
        {
            var container = Container(diff.ComponentId);
            ApplyEdits(container, diff.Edits, batch.ReferenceFrames);
        }
        foreach (var id in batch.DisposedComponentIds) _components.Remove(id);
    }

    DomNode Container(int componentId)
    {
        if (!_components.TryGetValue(componentId, out var container))
            _components[componentId] = container = new DomNode(null, componentId); // a root component
        return container;
    }

    void ApplyEdits(DomNode parent, IReadOnlyList<Edit> edits, IReadOnlyList<Frame> frames)
    {
        List<(int From, int To)>? permutation = null;
        foreach (var edit in edits)
        {
            switch (edit.Type)
            {
                case EditType.PrependFrame:
                    Insert(parent, edit.SiblingIndex, frames, edit.ReferenceFrameIndex);
                    break;
                case EditType.RemoveFrame:
                    parent.Children.RemoveAt(edit.SiblingIndex);
                    break;
                case EditType.SetAttribute:
                    SetAttribute(parent.Children[edit.SiblingIndex], frames[edit.ReferenceFrameIndex]);
                    break;
                case EditType.RemoveAttribute:
                    parent.Children[edit.SiblingIndex].Attributes.Remove(edit.RemovedAttributeName!);
                    break;
                case EditType.StepIn:
                    parent = parent.Children[edit.SiblingIndex];
                    break;
                case EditType.StepOut:
                    parent = parent.Parent!;
                    break;
                case EditType.PermutationListEntry:
                    (permutation ??= []).Add((edit.SiblingIndex, edit.ReferenceFrameIndex));
                    break;
                case EditType.PermutationListEnd:
                    var moved = permutation!.Select(p => (p.To, Node: parent.Children[p.From])).ToList();
                    foreach (var (to, node) in moved) parent.Children[to] = node;
                    permutation = null;
                    break;
            }
        }
    }

    /// <summary>Inserts the frame at <paramref name="index"/> as child(ren) of <paramref name="parent"/> from
    /// <paramref name="at"/>; returns how many logical children it added.</summary>
    int Insert(DomNode parent, int at, IReadOnlyList<Frame> frames, int index)
    {
        var frame = frames[index];
        switch (frame.Type)
        {
            case FrameType.Element:
                var element = Add(parent, at, new DomNode(frame.Name));
                var end = index + frame.Length;
                var child = index + 1;
                for (; child < end && frames[child].Type == FrameType.Attribute; child++) SetAttribute(element, frames[child]);
                InsertRange(element, 0, frames, child, end);
                return 1;
            case FrameType.Component:
                var container = Container(frame.ComponentId);
                Add(parent, at, container);
                return 1;
            case FrameType.Region:
                return InsertRange(parent, at, frames, index + 1, index + frame.Length);
            case FrameType.Text or FrameType.Markup:
                Add(parent, at, new DomNode(null));
                return 1;
            default:
                return 0; // reference captures, render modes and named events have no node
        }
    }

    int InsertRange(DomNode parent, int at, IReadOnlyList<Frame> frames, int start, int end)
    {
        var added = 0;
        for (var i = start; i < end; i += frames[i].Type is FrameType.Element or FrameType.Component or FrameType.Region ? frames[i].Length : 1)
            added += Insert(parent, at + added, frames, i);
        return added;
    }

    static DomNode Add(DomNode parent, int at, DomNode node)
    {
        node.Parent = parent;
        parent.Children.Insert(at, node);
        return node;
    }

    static void SetAttribute(DomNode element, Frame attribute) =>
        element.Attributes[attribute.Name!] = (attribute.Value, attribute.EventHandlerId);

    /// <summary>The elements owned by each component (not descending into child components), depth first.</summary>
    public IEnumerable<(int ComponentId, DomNode Element)> Elements()
    {
        foreach (var (id, container) in _components)
        {
            var stack = new Stack<DomNode>(container.Children.AsEnumerable().Reverse());
            while (stack.TryPop(out var node))
            {
                if (node.ComponentId != 0) continue;
                if (node.Tag is not null) yield return (id, node);
                for (var i = node.Children.Count - 1; i >= 0; i--) stack.Push(node.Children[i]);
            }
        }
    }
}
