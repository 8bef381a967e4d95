using System.Globalization;
using Bunit;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;
using MudBlazor.Services;
using Sidig.Domain.Catalog;
using Sidig.Domain.Common;
using Sidig.Domain.Partners;
using Sidig.Infrastructure.Reference;
using Sidig.Web.Features.Partners;
using Sidig.Web.Features.Partners.Components;

namespace Sidig.Tests.Components;

public sealed class PartnerFormTests : IAsyncLifetime
{
    private readonly BunitContext _ctx = new();
    private readonly List<SavePartner> _submitted = [];
    private readonly CultureInfo _culture = CultureInfo.CurrentCulture, _uiCulture = CultureInfo.CurrentUICulture;
    private Result _answer = Result.Ok();
    private IRenderedComponent<MudDialogProvider>? _dialogs;

    public PartnerFormTests()
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

    private static readonly PartnerDetails Agent = new("AGN-01", "CV Agen Sejahtera", PartnerType.Agent, null, PriceTier.Agent,
        null, null, "Jl. Agen 2", "31", "31.71", null, null, "agen@demo.test", null, ["31"], 14, 0, 0, 2.5m);

    private IRenderedComponent<PartnerForm> RenderForm(PartnerDetails? details = null, IReadOnlyList<PartnerContactInput>? contacts = null)
    {
        if (_dialogs is null)
        {
            _ctx.Render<MudPopoverProvider>();
            _dialogs = _ctx.Render<MudDialogProvider>();
        }
        return _ctx.Render<PartnerForm>(p => p
            .Add(x => x.Value, new PartnerFormValue(details is null ? null : Guid.NewGuid(), details ?? GetPartnerHandler.Empty, null, contacts ?? []))
            .Add(x => x.Submit, command =>
            {
                _submitted.Add(command);
                return Task.FromResult(_answer);
            }));
    }

    private static string Text(IRenderedComponent<PartnerForm> form) => System.Net.WebUtility.HtmlDecode(form.Markup);

    private static void Save(IRenderedComponent<PartnerForm> form) => form.Find("button[data-testid=partner-save]").Click();

    [Fact]
    public void An_empty_new_partner_shows_what_is_missing_and_submits_nothing()
    {
        var form = RenderForm();

        Save(form);

        form.WaitForAssertion(() =>
        {
            Text(form).ShouldContain("Enter the partner code.");
            Text(form).ShouldContain("Enter the partner's legal name.");
        });
        _submitted.ShouldBeEmpty();
    }

    [Fact]
    public void A_bad_npwp_and_a_bad_contact_are_explained_next_to_their_fields()
    {
        var form = RenderForm(Agent);
        form.Find("input[data-testid=partner-npwp]").Change("0013.4567.89AB");
        form.Find("button[data-testid=contact-add]").Click();
        form.Find("input[data-testid=contact-email]").Change("budi@");

        Save(form);

        form.WaitForAssertion(() =>
        {
            Text(form).ShouldContain("NPWP must have 16 digits (or the old 15-digit format).");
            Text(form).ShouldContain("Enter the contact's name.");
            Text(form).ShouldContain("Enter a valid e-mail address, e.g. name@company.co.id.");
        });
        _submitted.ShouldBeEmpty();
    }

    [Fact]
    public void The_commission_field_is_offered_to_agents_only()
    {
        RenderForm(Agent).FindAll("[data-testid=partner-commission]").ShouldNotBeEmpty();
        var distributor = RenderForm(Agent with { Type = PartnerType.Distributor, PriceTier = PriceTier.Distributor, CommissionRatePercent = null });
        distributor.FindAll("[data-testid=partner-commission]").ShouldBeEmpty();
    }

    [Fact]
    public void Changing_an_agent_to_a_dealer_hides_and_drops_the_commission_and_moves_the_default_tier()
    {
        var form = RenderForm(Agent);
        var type = form.FindComponent<MudSelect<PartnerType>>();

        form.InvokeAsync(() => type.Instance.ValueChanged.InvokeAsync(PartnerType.Dealer));
        form.WaitForAssertion(() => form.FindAll("[data-testid=partner-commission]").ShouldBeEmpty());
        Save(form);

        form.WaitForAssertion(() => _submitted.ShouldHaveSingleItem().Details.ShouldSatisfyAllConditions(
            d => d.Type.ShouldBe(PartnerType.Dealer), d => d.CommissionRatePercent.ShouldBeNull(), d => d.PriceTier.ShouldBe(PriceTier.Dealer)));
    }

    [Fact]
    public void A_refusal_of_the_server_is_shown_at_its_field()
    {
        _answer = Result.Fail("Partner.CodeTaken", "Code");
        var form = RenderForm(Agent, [new PartnerContactInput(Guid.NewGuid(), "Budi", "Direktur", null, null)]);

        Save(form);

        form.WaitForAssertion(() => Text(form).ShouldContain("Another partner already has this code."));
        var sent = _submitted.ShouldHaveSingleItem();
        sent.Details.CommissionRatePercent.ShouldBe(2.5m);
        sent.Contacts.ShouldHaveSingleItem().Name.ShouldBe("Budi");
    }

    [Fact]
    public void Removing_a_contact_asks_first()
    {
        var form = RenderForm(Agent, [new PartnerContactInput(Guid.NewGuid(), "Budi", null, null, null)]);

        form.Find("button[data-testid=contact-remove]").Click();
        _dialogs!.WaitForAssertion(() => _dialogs.Markup.ShouldContain("Remove Budi from the contacts?"));
        form.FindAll("[data-testid=contact-row]").Count.ShouldBe(1); // still there until confirmed
        _dialogs.FindAll("button").Single(b => b.TextContent.Trim() == "Remove").Click();

        form.WaitForAssertion(() => form.FindAll("[data-testid=contact-row]").ShouldBeEmpty());
    }
}
