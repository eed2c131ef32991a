using Marten;
using OfficerTraining.Agencies;
using OfficerTraining.Officers;

namespace OfficerTraining.Web.Features.Agencies;

/// <summary>An agency at its place in the tree city → county → department (depth 0 is a root).</summary>
public sealed record AgencyNode(Agency Agency, int Depth);

/// <summary>Reads agencies for the pages and puts them in tree order.</summary>
public static class AgencyTree
{
    public static async Task<IReadOnlyList<AgencyNode>> Load(IQuerySession session, CancellationToken ct = default) =>
        Order(await session.Query<Agency>().ToListAsync(ct));

    /// <summary>Each agency followed by its children: departments first, then counties, each by code. An agency whose
    /// parent is missing is shown as a root rather than hidden.</summary>
    public static IReadOnlyList<AgencyNode> Order(IReadOnlyCollection<Agency> agencies)
    {
        var ids = agencies.Select(a => a.Id).ToHashSet();
        var children = agencies.ToLookup(a => a.ParentId is { } p && ids.Contains(p) ? p : Guid.Empty);
        var result = new List<AgencyNode>(agencies.Count);
        void Visit(Guid parent, int depth)
        {
            foreach (var a in children[parent].OrderBy(a => a.Level == AgencyLevel.County).ThenBy(a => a.Code, StringComparer.Ordinal))
            {
                result.Add(new(a, depth));
                if (depth < 10) Visit(a.Id, depth + 1);
            }
        }
        Visit(Guid.Empty, 0);
        return result;
    }

    /// <summary>Active agencies that may be the parent of an agency of <paramref name="level"/>; when moving an agency,
    /// neither it nor anything under it.</summary>
    public static IReadOnlyList<AgencyNode> ParentChoices(IReadOnlyList<AgencyNode> tree, AgencyLevel level, Guid? moving = null)
    {
        var excluded = moving is { } id ? Subtree(tree, id) : [];
        return tree.Where(n => n.Agency.Active && !excluded.Contains(n.Agency.Id) && level switch
        {
            AgencyLevel.County => n.Agency.Level == AgencyLevel.City,
            AgencyLevel.Department => n.Agency.Level is AgencyLevel.City or AgencyLevel.County,
            _ => false,
        }).ToList();
    }

    public static IReadOnlyList<AgencyNode> Active(IReadOnlyList<AgencyNode> tree) => tree.Where(n => n.Agency.Active).ToList();

    /// <summary>The agency and its descendants: in tree order they follow it until the depth comes back to its own.</summary>
    public static HashSet<Guid> Subtree(IReadOnlyList<AgencyNode> tree, Guid id)
    {
        var start = tree.ToList().FindIndex(n => n.Agency.Id == id);
        if (start < 0) return [id];
        var result = new HashSet<Guid> { id };
        for (var i = start + 1; i < tree.Count && tree[i].Depth > tree[start].Depth; i++) result.Add(tree[i].Agency.Id);
        return result;
    }

    /// <summary>Active officers per agency, counted in one round trip (each count uses the AgencyId index).</summary>
    public static async Task<IReadOnlyDictionary<Guid, long>> ActiveOfficers(
        IQuerySession session, IEnumerable<Guid> agencyIds, CancellationToken ct = default)
    {
        var result = new Dictionary<Guid, long>();
        var batch = session.CreateBatchQuery();
        var counts = agencyIds.Select(id => (Id: id, Count: batch.Query<Officer>().Where(o => o.AgencyId == id && o.Active).Count())).ToList();
        if (counts.Count == 0) return result;
        await batch.Execute(ct);
        foreach (var (id, count) in counts) result[id] = await count;
        return result;
    }
}
