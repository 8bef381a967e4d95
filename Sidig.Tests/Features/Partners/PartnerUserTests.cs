using System.Net;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Sidig.Domain.Access;
using Sidig.Domain.Common;
using Sidig.Domain.Partners;
using Sidig.Infrastructure.Identity;
using Sidig.Tests.Features.Users;
using Sidig.Tests.TestSupport;
using Sidig.Web.Features.Partners;
using Sidig.Web.Features.Users;

namespace Sidig.Tests.Features.Partners;

/// <summary>Partner users: bound to a partner when invited or when their roles change, and isolated to it afterwards.</summary>
public abstract class PartnerUserTests<TApp>(TApp app) where TApp : LinkCapturingApp
{
    private const string Admin = "admin@demo.test";
    private readonly Builders _make = new(app);

    private Task<Result<Invitation>> Invite(string email, Guid? partnerId, params string[] roles) =>
        app.Handle<InviteUserHandler, Result<Invitation>>("demo", Admin, h => h.HandleAsync(
            new InviteUser(email, "Orang Mitra", roles, "id-ID", partnerId), UserTestSupport.Origin("demo")));

    private Task<Result> ChangeRoles(Guid userId, Guid? partnerId, params string[] roles) =>
        app.Handle<ChangeUserRolesHandler, Result>("demo", Admin, h => h.HandleAsync(new ChangeUserRoles(userId, roles, partnerId)));

    private Task<Result<MyPartnerView>> MyPartner(string email) =>
        app.Handle<GetMyPartnerHandler, Result<MyPartnerView>>("demo", email, h => h.HandleAsync(new GetMyPartner()));

    private Task SetSubPartnersVisible(bool on) =>
        app.Handle<UpdateStockSettingsHandler, Result>("demo", Admin, h => h.HandleAsync(new UpdateStockSettings(false, on)));

    [Fact]
    public async Task Inviting_a_distributor_user_without_a_partner_is_refused_and_creates_no_user()
    {
        var result = await Invite("tanpa.mitra@demo.test", null, Roles.DistributorUser);

        result.Errors.ShouldBe([new Error("User.PartnerRequired", "PartnerId")]);
        (await app.FindUser("demo", "tanpa.mitra@demo.test")).ShouldBeNull();
    }

    [Fact]
    public async Task An_invited_distributor_user_is_bound_to_the_partner_and_signs_in_with_the_partner_claim()
    {
        var partner = await _make.Partner();
        var invitation = await Invite("sari.mitra@demo.test", partner.Id, Roles.DistributorUser);
        invitation.Errors.ShouldBeEmpty();

        (await app.FindUser("demo", "sari.mitra@demo.test"))!.PartnerId.ShouldBe(partner.Id);
        using var client = await app.Client("demo").InEnglish();
        (await client.SetPasswordAsync(invitation.Value!.Link, "Sari-Mitra-2026")).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        using var signedIn = await app.Client("demo").SignedInAs("sari.mitra@demo.test", "Sari-Mitra-2026");
        var claims = await app.InTenant("demo", async sp =>
        {
            var users = sp.GetRequiredService<UserManager<AppUser>>();
            var principal = await sp.GetRequiredService<IUserClaimsPrincipalFactory<AppUser>>().CreateAsync((await users.FindByEmailAsync("sari.mitra@demo.test"))!);
            return principal.FindFirst(SidigClaims.PartnerId)?.Value;
        });
        claims.ShouldBe(partner.Id.ToString());
        (await MyPartner("sari.mitra@demo.test")).Value!.Id.ShouldBe(partner.Id);
    }

    [Fact]
    public async Task A_partner_role_needs_an_active_partner_of_a_fitting_type_in_this_tenant()
    {
        var distributor = await _make.Partner();
        var agent = await _make.Partner(PartnerType.Agent);
        var foreign = await new Builders(app, "other").Partner();
        var inactive = await _make.Partner(PartnerType.Dealer);
        await _make.Query(async db =>
        {
            var p = await db.Partners.FindAsync(inactive.Id);
            p!.Update(new PartnerDetails(p.Code, p.LegalName, p.Type, null, p.PriceTier, null, null, null, null, null, null, null, null, null, [],
                0, 0, 0, null, IsActive: false), new Sidig.Infrastructure.Reference.IndonesianAreas(), []);
            return await db.SaveChangesAsync();
        });

        (await Invite("agen.salah@demo.test", distributor.Id, Roles.AgentUser)).Errors.ShouldBe([new Error("User.PartnerInvalid", "PartnerId")]);
        (await Invite("dist.salah@demo.test", agent.Id, Roles.DistributorUser)).Errors.ShouldBe([new Error("User.PartnerInvalid", "PartnerId")]);
        (await Invite("asing@demo.test", foreign.Id, Roles.DistributorUser)).Errors.ShouldBe([new Error("User.PartnerInvalid", "PartnerId")]);
        (await Invite("nonaktif@demo.test", inactive.Id, Roles.DistributorUser)).Errors.ShouldBe([new Error("User.PartnerInvalid", "PartnerId")]);
        (await Invite("campur@demo.test", distributor.Id, Roles.DistributorUser, Roles.Sales)).Errors.ShouldBe([new Error("User.PartnerRoleAlone", "Roles")]);
        (await Invite("agen.benar@demo.test", agent.Id, Roles.AgentUser)).Errors.ShouldBeEmpty();
        (await app.FindUser("demo", "agen.benar@demo.test"))!.PartnerId.ShouldBe(agent.Id);
        (await app.FindUser("demo", "asing@demo.test")).ShouldBeNull();
    }

    [Fact]
    public async Task A_staff_invitation_ignores_a_partner_given_by_mistake()
    {
        var partner = await _make.Partner();
        (await Invite("staf.biasa@demo.test", partner.Id, Roles.Sales)).Errors.ShouldBeEmpty();
        (await app.FindUser("demo", "staf.biasa@demo.test"))!.PartnerId.ShouldBeNull();
    }

    [Fact]
    public async Task Changing_roles_binds_and_clears_the_partner()
    {
        var partner = await _make.Partner(PartnerType.Dealer);
        var userId = (await Invite("berganti.peran@demo.test", null, Roles.Warehouse)).Value!.UserId;

        var withoutPartner = await ChangeRoles(userId, null, Roles.DistributorUser);
        var toPartner = await ChangeRoles(userId, partner.Id, Roles.DistributorUser);
        var bound = (await app.FindUser("demo", "berganti.peran@demo.test"))!.PartnerId;
        var away = await ChangeRoles(userId, partner.Id, Roles.Finance);

        withoutPartner.Errors.ShouldBe([new Error("User.PartnerRequired", "PartnerId")]);
        toPartner.Errors.ShouldBeEmpty();
        bound.ShouldBe(partner.Id);
        away.Errors.ShouldBeEmpty();
        (await app.FindUser("demo", "berganti.peran@demo.test"))!.PartnerId.ShouldBeNull();
    }

    [Fact]
    public async Task The_users_list_shows_each_partner_user_with_its_partner_and_filters_by_partner()
    {
        var partner = await _make.Partner();
        var email = await PartnerUsers.CreateAsync(app, partner.Id);

        var list = await app.Handle<ListUsersHandler, Result<UserPage>>("demo", Admin, h => h.HandleAsync(new ListUsers(PartnerId: partner.Id)));

        var user = list.Value!.Items.ShouldHaveSingleItem();
        user.Email.ShouldBe(email);
        user.PartnerId.ShouldBe(partner.Id);
        user.PartnerName.ShouldBe(partner.LegalName);
    }

    [Fact]
    public async Task A_partner_user_sees_only_its_own_partner_and_sub_partners_only_when_the_tenant_allows_it()
    {
        var a = await _make.Partner(code: Builders.Unique("ISO-A"));
        var a1 = await _make.Partner(PartnerType.Dealer, a.Id, Builders.Unique("ISO-A1"));
        var b = await _make.Partner(code: Builders.Unique("ISO-B"));
        var b1 = await _make.Partner(PartnerType.Dealer, b.Id, Builders.Unique("ISO-B1"));
        var userA = await PartnerUsers.CreateAsync(app, a.Id);
        var userA1 = await PartnerUsers.CreateAsync(app, a1.Id);

        var off = await MyPartner(userA);
        await SetSubPartnersVisible(true);
        try
        {
            var on = await MyPartner(userA);
            var dealer = await MyPartner(userA1);

            on.Value!.Id.ShouldBe(a.Id);
            on.Value.SubPartners.Select(p => p.Id).ShouldBe([a1.Id]);
            dealer.Value!.ShouldSatisfyAllConditions(v => v.Id.ShouldBe(a1.Id), v => v.ParentName.ShouldBe(a.LegalName), v => v.SubPartners.ShouldBeEmpty());
        }
        finally
        {
            await SetSubPartnersVisible(false);
        }

        off.Value!.ShouldSatisfyAllConditions(v => v.Id.ShouldBe(a.Id), v => v.Code.ShouldBe(a.Code), v => v.Type.ShouldBe(PartnerType.Distributor),
            v => v.ParentName.ShouldBeNull(), v => v.SubPartners.ShouldBeEmpty());
        // The staff queries are closed to partner users, whatever the id.
        (await app.Handle<ListPartnersHandler, Result<PartnerList>>("demo", userA, h => h.HandleAsync(new ListPartners()))).Errors.ShouldBe([new Error("Access.Denied")]);
        (await app.Handle<GetPartnerHandler, Result<PartnerView>>("demo", userA, h => h.HandleAsync(new GetPartner(b.Id)))).Errors.ShouldBe([new Error("Access.Denied")]);
        (await app.Handle<GetPartnerNetworkHandler, Result<PartnerNetwork>>("demo", userA, h => h.HandleAsync(new GetPartnerNetwork()))).Errors.ShouldBe([new Error("Access.Denied")]);
        (await app.Handle<SearchPartnersHandler, Result<IReadOnlyList<PartnerOption>>>("demo", userA, h => h.HandleAsync(new SearchPartners(b.Code)))).Errors.ShouldBe([new Error("Access.Denied")]);
        _ = b1;
    }

    [Fact]
    public async Task An_unbound_partner_user_sees_no_partner_and_staff_have_no_portal()
    {
        var unbound = await MyPartner(await PartnerUsers.CreateUnlinkedAsync(app));
        var staff = await MyPartner("sales@demo.test");

        unbound.Errors.ShouldBe([new Error("Partner.NotBound")]);
        staff.Errors.ShouldBe([new Error("Access.Denied")]);
    }

    [Fact]
    public async Task A_partner_user_opens_no_partner_page()
    {
        var partner = await _make.Partner();
        var email = await PartnerUsers.CreateAsync(app, partner.Id);
        using var client = await app.Client("demo").SignedInAs(email);

        foreach (var page in new[] { "/partners", $"/partners/{partner.Id}", "/partners/network", "/partners/new", "/partners/settings" })
        {
            var response = await client.Http.GetAsync(page);
            response.StatusCode.ShouldBe(HttpStatusCode.Redirect, page);
            response.Headers.Location!.AbsolutePath.ShouldBe("/account/access-denied");
        }
    }
}

public sealed class PartnerUserTests_Sqlite(LinkCapturingSqliteApp app) : PartnerUserTests<LinkCapturingSqliteApp>(app), IClassFixture<LinkCapturingSqliteApp>;

public sealed class PartnerUserTests_Postgres(LinkCapturingPostgresApp app) : PartnerUserTests<LinkCapturingPostgresApp>(app), IClassFixture<LinkCapturingPostgresApp>;
