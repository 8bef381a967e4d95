using Bunit;
using Microsoft.AspNetCore.Components.Web;
using Sidig.Tests.TestSupport;
using Sidig.Web.Components.Shared;

namespace Sidig.Tests.Components;

/// <summary>The typed path of the scan field: what a keyboard or a USB scanner (which types and presses Enter) does.</summary>
public sealed class ScanFieldTests : ComponentTest
{
    private readonly List<string> _submitted = [];
    private string? _bound;

    private IRenderedComponent<ScanField> Render(bool cameraSupported)
    {
        var module = Ctx.JSInterop.SetupModule(ScanField.ModulePath);
        module.Setup<bool>("isSupported").SetResult(cameraSupported);
        return Ctx.Render<ScanField>(p => p
            .Add(x => x.Value, _bound)
            .Add(x => x.ValueChanged, v => _bound = v)
            .Add(x => x.OnSubmit, v => _submitted.Add(v))
            .Add(x => x.TestId, "lookup"));
    }

    [Fact]
    public void Typing_a_code_and_Enter_submits_it_trimmed_and_binds_the_text()
    {
        var cut = Render(cameraSupported: false);
        var input = cut.Find("input");

        input.Input(" SN-0001 ");
        input.KeyDown(new KeyboardEventArgs { Key = "Enter" });

        _bound.ShouldBe(" SN-0001 ");
        _submitted.ShouldBe(["SN-0001"]);
    }

    [Fact]
    public void Enter_in_an_empty_field_submits_nothing()
    {
        var cut = Render(cameraSupported: false);
        cut.Find("input").KeyDown(new KeyboardEventArgs { Key = "Enter" });
        cut.Find("input").Input("abc");
        cut.Find("input").KeyDown(new KeyboardEventArgs { Key = "a" });
        _submitted.ShouldBeEmpty();
    }

    [Fact]
    public void The_camera_button_is_shown_only_where_the_browser_can_detect_codes()
    {
        Render(cameraSupported: false).FindAll("[data-testid=lookup-camera]").ShouldBeEmpty();
        var supported = Render(cameraSupported: true);
        supported.WaitForAssertion(() => supported.FindAll("[data-testid=lookup-camera]").Count.ShouldBe(1));
    }
}
