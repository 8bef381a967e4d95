using System.Globalization;
using Bunit;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;
using MudBlazor.Services;
using Sidig.Domain.Catalog;
using Sidig.Domain.Common;
using Sidig.Web.Features.Catalog;
using Sidig.Web.Features.Catalog.Components;

namespace Sidig.Tests.Components;

public sealed class WarrantyPolicyFormTests : IAsyncLifetime
{
    private readonly BunitContext _ctx = new();
    private readonly List<WarrantyPolicyDetails> _submitted = [];
    private readonly CultureInfo _culture = CultureInfo.CurrentCulture, _uiCulture = CultureInfo.CurrentUICulture;

    private static readonly WarrantyPolicyDetails Saved =
        new("Garansi 12 bulan", 12, WarrantyStart.DeliveryPlusGrace, 14, "Kerusakan pabrik", "Factory defects", true, null);

    public WarrantyPolicyFormTests()
    {
        CultureInfo.CurrentCulture = CultureInfo.CurrentUICulture = new CultureInfo("en-US");
        _ctx.JSInterop.Mode = JSRuntimeMode.Loose;
        _ctx.Services.AddMudServices();
        _ctx.Services.AddLocalization();
    }

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        await _ctx.DisposeAsync();
        (CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture) = (_culture, _uiCulture);
    }

    private IRenderedComponent<WarrantyPolicyForm> RenderForm(WarrantyPolicyDetails? value = null)
    {
        _ctx.Render<MudPopoverProvider>();
        return _ctx.Render<WarrantyPolicyForm>(p => p
            .Add(x => x.Value, value ?? Saved)
            .Add(x => x.Submit, details =>
            {
                _submitted.Add(details);
                return Task.FromResult(Result.Ok());
            }));
    }

    [Fact]
    public void A_length_of_zero_months_shows_its_range_and_nothing_is_submitted()
    {
        var form = RenderForm();
        form.Find("input[data-testid=warranty-months]").Input("0");
        form.Find("button[data-testid=warranty-save]").Click();

        form.WaitForAssertion(() => form.Markup.ShouldContain("The length must be between 1 and 240 months."));
        _submitted.ShouldBeEmpty();
    }

    [Fact]
    public void An_empty_policy_names_every_missing_field()
    {
        var form = RenderForm(WarrantyPolicyDetails.Empty);
        form.Find("button[data-testid=warranty-save]").Click();

        form.WaitForAssertion(() =>
        {
            form.Markup.ShouldContain("Enter a name for the warranty policy.");
            form.FindAll(".mud-input-helper-text.mud-input-error").Count(e => e.TextContent.Contains("Describe what the warranty covers.")).ShouldBe(2);
        });
        _submitted.ShouldBeEmpty();
    }

    [Theory]
    [InlineData(WarrantyStart.DeliveryPlusGrace, 1)]
    [InlineData(WarrantyStart.Registration, 0)]
    [InlineData(WarrantyStart.SellOut, 0)]
    public void Grace_days_are_asked_only_for_a_warranty_that_starts_at_delivery(WarrantyStart start, int fields) =>
        RenderForm(Saved with { StartsOn = start, GraceDays = 0 }).FindAll("input[data-testid=warranty-grace]").Count.ShouldBe(fields);

    [Fact]
    public void The_example_shows_the_covered_period_with_the_grace_days()
    {
        var form = RenderForm();
        form.Find("[data-testid=warranty-example]").TextContent.ShouldContain("Delivered on 22 Nov 2026: covered from 6 Dec 2026 to 5 Dec 2027.");
    }

    [Fact]
    public void Valid_input_is_submitted()
    {
        var form = RenderForm();
        form.Find("input[data-testid=warranty-max-claims]").Input("3");
        form.Find("button[data-testid=warranty-save]").Click();

        form.WaitForAssertion(() => _submitted.ShouldHaveSingleItem().MaxClaims.ShouldBe(3));
    }
}
