using System.Globalization;
using Bunit;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;
using MudBlazor.Services;
using Sidig.Domain.Common;
using Sidig.Domain.Tenancy;
using Sidig.Infrastructure.Reference;
using Sidig.Web.Features.Company;
using Sidig.Web.Features.Company.Components;

namespace Sidig.Tests.Components;

public sealed class CompanyProfileFormTests : IAsyncLifetime
{
    private readonly BunitContext _ctx = new();
    private readonly List<CompanyDetails> _submitted = [];
    private readonly CultureInfo _culture = CultureInfo.CurrentCulture, _uiCulture = CultureInfo.CurrentUICulture;

    public CompanyProfileFormTests()
    {
        CultureInfo.CurrentCulture = CultureInfo.CurrentUICulture = new CultureInfo("en-US");
        _ctx.JSInterop.Mode = JSRuntimeMode.Loose;
        _ctx.Services.AddMudServices();
        _ctx.Services.AddLocalization();
        _ctx.Services.AddSingleton<IndonesianAreas>();
    }

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        await _ctx.DisposeAsync();
        (CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture) = (_culture, _uiCulture);
    }

    private static readonly CompanyDetails Saved = new("PT Demo Elektronik Nusantara", "0013456789012000", "0013456789012000000000",
        "Jl. Sudirman 1", "31", "31.71", "12190", "+62 21 5150 8888", "info@demo.test", 12m, 11, 12);

    private IRenderedComponent<CompanyProfileForm> RenderForm()
    {
        _ctx.Render<MudPopoverProvider>();
        return _ctx.Render<CompanyProfileForm>(p => p
            .Add(x => x.Value, Saved)
            .Add(x => x.Submit, details =>
            {
                _submitted.Add(details);
                return Task.FromResult(Result.Ok());
            }));
    }

    [Fact]
    public void A_bad_npwp_shows_its_message_and_nothing_is_submitted()
    {
        var form = RenderForm();
        form.Find("input[data-testid=npwp]").Change("0013.4567.89AB");
        form.Find("button[data-testid=profile-save]").Click();

        form.WaitForAssertion(() => form.Markup.ShouldContain("NPWP must have 16 digits (or the old 15-digit format)."));
        _submitted.ShouldBeEmpty();
    }

    [Fact]
    public void Valid_input_is_submitted()
    {
        var form = RenderForm();
        form.Find("input[data-testid=phone]").Change("+62 21 555 0100");
        form.Find("button[data-testid=profile-save]").Click();

        form.WaitForAssertion(() => _submitted.ShouldHaveSingleItem().Phone.ShouldBe("+62 21 555 0100"));
    }

    [Fact]
    public void The_default_tax_base_shows_an_effective_rate_of_11_percent()
    {
        var form = RenderForm();
        form.Find("[data-testid=ppn-effective]").TextContent.ShouldContain("Effective rate on the price: 11 %");
    }

    [Fact]
    public void The_area_data_is_attributed_next_to_the_picker()
    {
        var form = RenderForm();
        form.Find("[data-testid=area-attribution]").TextContent.ShouldBe("Wilayah: idn-area-data (Kemendagri), ODbL");
    }
}
