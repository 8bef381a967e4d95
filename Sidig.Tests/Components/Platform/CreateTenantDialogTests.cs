using System.Globalization;
using Bunit;
using Bunit.Rendering;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using MudBlazor;
using MudBlazor.Services;
using Sidig.Domain.Common;
using Sidig.Infrastructure.Tenancy;
using Sidig.Web.Features.Platform;
using Sidig.Web.Features.Platform.Components;

namespace Sidig.Tests.Components.Platform;

public sealed class CreateTenantDialogTests : IAsyncLifetime
{
    private readonly BunitContext _ctx = new();
    private readonly FakeCreateTenantHandler _handler = new();
    private IRenderedComponent<ContainerFragment> _host = default!;

    public CreateTenantDialogTests()
    {
        CultureInfo.CurrentCulture = CultureInfo.CurrentUICulture = new CultureInfo("en-US");
        _ctx.JSInterop.Mode = JSRuntimeMode.Loose;
        _ctx.Services.AddMudServices();
        _ctx.Services.AddLocalization();
        _ctx.Services.AddSingleton<IOptions<TenancyOptions>>(Options.Create(new TenancyOptions { BaseDomain = "localhost" }));
        _ctx.Services.AddSingleton<CreateTenantHandler>(_handler);
    }

    public async Task InitializeAsync()
    {
        _host = _ctx.Render(b =>
        {
            b.OpenComponent<MudPopoverProvider>(0);
            b.CloseComponent();
            b.OpenComponent<MudDialogProvider>(1);
            b.CloseComponent();
        });
        var dialogs = _ctx.Services.GetRequiredService<IDialogService>();
        await _host.InvokeAsync(() => dialogs.ShowAsync<CreateTenantDialog>("New tenant"));
    }

    public async Task DisposeAsync() => await _ctx.DisposeAsync();

    private void Type(string testId, string value) => _host.Find($"input[data-testid={testId}]").Input(value);

    private string FieldText(string testId) => _host.Find($"input[data-testid={testId}]").Closest(".mud-input-control")!.TextContent;

    private void Submit() => _host.Find("[data-testid=create-tenant-submit]").Click();

    private void FillValid(string slug = "Acme")
    {
        Type("tenant-slug", slug);
        Type("tenant-name", "Acme Elektronik");
        Type("tenant-admin-email", "budi@acme.co.id");
        Type("tenant-admin-name", "Budi Santoso");
    }

    [Fact]
    public void Submitting_an_empty_form_shows_what_is_missing_and_sends_nothing()
    {
        Submit();

        var markup = _host.Markup;
        markup.ShouldContain("Enter the subdomain.");
        markup.ShouldContain("Enter the company name.");
        markup.ShouldContain("Enter the first admin's e-mail.");
        markup.ShouldContain("Enter the first admin's name.");
        _handler.Calls.ShouldBeEmpty();
    }

    [Theory]
    [InlineData("admin", "This subdomain is reserved; choose another.")]
    [InlineData("ab", "Use 3–40 lowercase letters, digits or hyphens; start and end with a letter or digit.")]
    [InlineData("acme_corp", "Use 3–40 lowercase letters, digits or hyphens; start and end with a letter or digit.")]
    public void A_bad_subdomain_is_refused_before_anything_is_sent(string slug, string message)
    {
        FillValid(slug);

        Submit();

        FieldText("tenant-slug").ShouldContain(message);
        _host.Markup.ShouldNotContain("Enter the company name.");
        _handler.Calls.ShouldBeEmpty();
    }

    [Fact]
    public void An_invalid_admin_email_is_refused_before_anything_is_sent()
    {
        FillValid();
        Type("tenant-admin-email", "budi at acme");

        Submit();

        _host.Markup.ShouldContain("Enter a valid e-mail address");
        _handler.Calls.ShouldBeEmpty();
    }

    [Fact]
    public void A_valid_form_sends_a_lowercase_subdomain_and_shows_the_invitation_link()
    {
        _handler.Next = Result<TenantCreated>.Ok(new TenantCreated(Guid.NewGuid(), "acme", Guid.NewGuid(), "http://acme.localhost",
            "http://acme.localhost/account/accept-invite?u=1&t=abc"));
        FillValid("Acme");

        Submit();

        var sent = _handler.Calls.ShouldHaveSingleItem();
        sent.Slug.ShouldBe("acme");
        sent.TimeZoneId.ShouldBe("Asia/Jakarta");
        sent.Language.ShouldBe("id-ID");
        sent.AdminEmail.ShouldBe("budi@acme.co.id");
        _host.WaitForElement("[data-testid=tenant-created]");
        _host.Find("[data-testid=invitation-link] textarea, textarea[data-testid=invitation-link]").GetAttribute("value")
            .ShouldBe("http://acme.localhost/account/accept-invite?u=1&t=abc");
    }

    [Fact]
    public void A_taken_subdomain_reported_by_the_server_is_shown_on_the_field()
    {
        _handler.Next = Result<TenantCreated>.Fail("Tenant.SlugTaken", nameof(CreateTenant.Slug));
        FillValid("demo");

        Submit();

        _handler.Calls.ShouldHaveSingleItem();
        _host.WaitForAssertion(() => FieldText("tenant-slug").ShouldContain("This subdomain is already in use."));
        _host.FindAll("[data-testid=tenant-created]").ShouldBeEmpty();
    }

    private sealed class FakeCreateTenantHandler() : CreateTenantHandler(null!, null!, null!, null!, null!, null!, null!)
    {
        public List<CreateTenant> Calls { get; } = [];
        public Result<TenantCreated> Next { get; set; } = Result<TenantCreated>.Fail("Tenant.AdminNotCreated");

        public override Task<Result<TenantCreated>> HandleAsync(CreateTenant command, CancellationToken ct = default)
        {
            Calls.Add(command);
            return Task.FromResult(Next);
        }
    }
}
