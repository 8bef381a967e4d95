using Microsoft.EntityFrameworkCore;
using Sidig.Domain.Access;
using Sidig.Domain.Catalog;
using Sidig.Domain.Common;
using Sidig.Infrastructure.Persistence;

namespace Sidig.Web.Features.Catalog;

/// <summary>One category of the tree, in tree order (each parent before its children), with its depth and full path.</summary>
public sealed record CategoryNode(Guid Id, string Code, string Name, Guid? ParentId, int Depth, string Path, int ProductCount, int ChildCount);

/// <summary>Helpers over the category tree as a parent map (id → parent id).</summary>
public static class CategoryTree
{
    /// <summary>The ancestors of <paramref name="id"/> (its parent, its parent's parent, …), stopping at a repeated id.</summary>
    public static IReadOnlyList<Guid> Ancestors(Guid id, IReadOnlyDictionary<Guid, Guid?> parentOf)
    {
        var result = new List<Guid>();
        var seen = new HashSet<Guid> { id };
        var current = parentOf.GetValueOrDefault(id);
        while (current is { } c && seen.Add(c))
        {
            result.Add(c);
            current = parentOf.GetValueOrDefault(c);
        }
        return result;
    }

    /// <summary><paramref name="id"/> and every category below it.</summary>
    public static IReadOnlySet<Guid> WithDescendants(Guid id, IReadOnlyDictionary<Guid, Guid?> parentOf)
    {
        var result = new HashSet<Guid> { id };
        bool added;
        do
        {
            added = false;
            foreach (var (child, parent) in parentOf)
                if (parent is { } p && result.Contains(p) && result.Add(child)) added = true;
        } while (added);
        return result;
    }

    /// <summary>Orders flat rows depth-first by name and computes depth and path ("Elektronik › Televisi").</summary>
    public static IReadOnlyList<CategoryNode> Build(IEnumerable<(Guid Id, string Code, string Name, Guid? ParentId, int Products)> rows)
    {
        var all = rows.ToList();
        var ids = all.Select(r => r.Id).ToHashSet();
        var children = all.ToLookup(r => r.ParentId is { } p && ids.Contains(p) ? p : (Guid?)null);
        var result = new List<CategoryNode>();
        var visited = new HashSet<Guid>();
        void Visit(Guid? parent, int depth, string path)
        {
            foreach (var r in children[parent].OrderBy(r => r.Name, StringComparer.CurrentCultureIgnoreCase))
            {
                if (!visited.Add(r.Id)) continue;
                var p = path.Length == 0 ? r.Name : path + " › " + r.Name;
                result.Add(new CategoryNode(r.Id, r.Code, r.Name, r.ParentId, depth, p, r.Products, children[r.Id].Count()));
                Visit(r.Id, depth + 1, p);
            }
        }
        Visit(null, 0, "");
        return result;
    }
}
