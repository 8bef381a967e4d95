using Sidig.Domain.Common;
using Sidig.Domain.Tenancy;

namespace Sidig.Tests.Domain;

public class TenantTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 23, 1, 0, 0, TimeSpan.Zero);

    [Theory]
    [InlineData("acme")]
    [InlineData("pt-maju-jaya")]
    [InlineData("a1b")]
    public void Valid_slugs_are_accepted(string slug) => TenantSlug.Validate(slug).ShouldBeNull();

    [Theory]
    [InlineData("", "Tenant.SlugRequired")]
    [InlineData("ab", "Tenant.SlugInvalid")]
    [InlineData("Acme", "Tenant.SlugInvalid")]
    [InlineData("-acme", "Tenant.SlugInvalid")]
    [InlineData("acme-", "Tenant.SlugInvalid")]
    [InlineData("ac--me", "Tenant.SlugInvalid")]
    [InlineData("acme.co", "Tenant.SlugInvalid")]
    [InlineData("acme_co", "Tenant.SlugInvalid")]
    [InlineData("admin", "Tenant.SlugReserved")]
    [InlineData("www", "Tenant.SlugReserved")]
    [InlineData("api", "Tenant.SlugReserved")]
    public void Invalid_slugs_are_refused_with_a_reason(string slug, string code) => TenantSlug.Validate(slug).ShouldBe(code);

    [Fact]
    public void A_slug_longer_than_40_characters_is_refused() => TenantSlug.Validate(new string('a', 41)).ShouldBe("Tenant.SlugInvalid");

    [Fact]
    public void A_new_tenant_is_active_in_Jakarta_time_and_Indonesian()
    {
        var t = Tenant.Create(" Acme ", "PT Acme", Now);
        t.Slug.ShouldBe("acme");
        t.IsActive.ShouldBeTrue();
        t.TimeZoneId.ShouldBe("Asia/Jakarta");
        t.Language.ShouldBe("id-ID");
        t.CreatedAt.ShouldBe(Now);
    }

    [Fact]
    public void Creating_a_tenant_with_a_reserved_slug_throws_the_reason() =>
        Should.Throw<DomainException>(() => Tenant.Create("admin", "X", Now)).Code.ShouldBe("Tenant.SlugReserved");

    [Fact]
    public void Suspending_records_the_date_and_reactivating_clears_it()
    {
        var t = Tenant.Create("acme", "PT Acme", Now);
        t.Suspend(Now.AddDays(1));
        t.Status.ShouldBe(TenantStatus.Suspended);
        t.SuspendedAt.ShouldBe(Now.AddDays(1));
        t.Reactivate();
        t.IsActive.ShouldBeTrue();
        t.SuspendedAt.ShouldBeNull();
    }

    [Fact]
    public void Suspending_twice_is_refused()
    {
        var t = Tenant.Create("acme", "PT Acme", Now);
        t.Suspend(Now);
        Should.Throw<DomainException>(() => t.Suspend(Now)).Code.ShouldBe("Tenant.AlreadySuspended");
    }

    [Fact]
    public void An_unknown_time_zone_or_language_is_refused()
    {
        var t = Tenant.Create("acme", "PT Acme", Now);
        Should.Throw<DomainException>(() => t.SetRegional("Mars/Olympus", "id-ID")).Code.ShouldBe("Tenant.TimeZoneInvalid");
        Should.Throw<DomainException>(() => t.SetRegional("Asia/Makassar", "fr-FR")).Code.ShouldBe("Tenant.LanguageInvalid");
        t.TimeZoneId.ShouldBe("Asia/Jakarta");
    }
}
