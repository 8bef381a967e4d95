using Sidig.Domain.Catalog;
using Sidig.Domain.Common;
using Sidig.Web.Features.Catalog;

namespace Sidig.Tests.Domain;

public class CategoryTreeTests
{
    private readonly Category _electronics = Category.Create("ELEC", "Elektronik");
    private readonly Category _tv, _led;

    public CategoryTreeTests()
    {
        _tv = Category.Create("TV", "Televisi", _electronics.Id);
        _led = Category.Create("LED", "LED TV", _tv.Id);
    }

    private Dictionary<Guid, Guid?> ParentOf => new[] { _electronics, _tv, _led }.ToDictionary(c => c.Id, c => c.ParentId);

    [Fact]
    public void A_category_cannot_become_its_own_parent() =>
        Should.Throw<DomainException>(() => _tv.MoveTo(_tv.Id, [])).Code.ShouldBe("Category.Cycle");

    [Fact]
    public void A_category_cannot_move_below_its_own_descendant()
    {
        var ancestorsOfLed = CategoryTree.Ancestors(_led.Id, ParentOf); // TV, Elektronik
        Should.Throw<DomainException>(() => _electronics.MoveTo(_led.Id, ancestorsOfLed)).Code.ShouldBe("Category.Cycle");
        _electronics.ParentId.ShouldBeNull();
    }

    [Fact]
    public void A_category_moves_below_a_sibling_branch_and_to_the_top()
    {
        var audio = Category.Create("AUDIO", "Audio", _electronics.Id);
        _led.MoveTo(audio.Id, [_electronics.Id]);
        _led.ParentId.ShouldBe(audio.Id);
        _led.MoveTo(null, []);
        _led.ParentId.ShouldBeNull();
    }

    [Fact]
    public void Descendants_include_every_level_below()
    {
        CategoryTree.WithDescendants(_electronics.Id, ParentOf).ShouldBe([_electronics.Id, _tv.Id, _led.Id], ignoreOrder: true);
        CategoryTree.WithDescendants(_led.Id, ParentOf).ShouldBe([_led.Id]);
    }

    [Fact]
    public void The_tree_lists_parents_before_children_with_their_path()
    {
        var nodes = CategoryTree.Build(new[] { _led, _electronics, _tv }.Select(c => (c.Id, c.Code, c.Name, c.ParentId, 0)));
        nodes.Select(n => (n.Name, n.Depth)).ShouldBe([("Elektronik", 0), ("Televisi", 1), ("LED TV", 2)]);
        nodes[2].Path.ShouldBe("Elektronik › Televisi › LED TV");
    }
}
