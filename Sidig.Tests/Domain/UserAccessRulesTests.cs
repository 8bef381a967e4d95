using Sidig.Domain.Access;
using Sidig.Domain.Common;

namespace Sidig.Tests.Domain;

public sealed class UserAccessRulesTests
{
    private static AdminSituation Admin(bool self = false, bool active = true, int others = 1) => new(self, IsAdmin: true, active, others);

    private static string Code(Action action) => Should.Throw<DomainException>(action).Code;

    [Fact]
    public void A_role_set_needs_at_least_one_role() =>
        UserAccessRules.CheckRoles([]).ShouldBe([new Error("User.RoleRequired", "Roles")]);

    [Fact]
    public void The_platform_operator_role_cannot_be_given_in_a_tenant() =>
        UserAccessRules.CheckRoles([Roles.Sales, Roles.PlatformOperator]).ShouldBe([new Error("User.RoleInvalid", "Roles")]);

    [Fact]
    public void Every_tenant_role_can_be_given() => UserAccessRules.CheckRoles(Roles.Tenant).ShouldBeEmpty();

    [Fact]
    public void An_admin_cannot_drop_their_own_admin_role_even_with_other_admins() =>
        Code(() => UserAccessRules.EnsureRolesChangeAllowed(Admin(self: true, others: 3), [Roles.Sales])).ShouldBe("User.CannotDemoteSelf");

    [Fact]
    public void An_admin_may_add_roles_to_themself() =>
        Should.NotThrow(() => UserAccessRules.EnsureRolesChangeAllowed(Admin(self: true, others: 0), [Roles.PrincipalAdmin, Roles.Sales]));

    [Fact]
    public void The_last_active_admin_keeps_the_admin_role() =>
        Code(() => UserAccessRules.EnsureRolesChangeAllowed(Admin(others: 0), [Roles.Finance])).ShouldBe("User.LastAdmin");

    [Fact]
    public void An_admin_may_be_demoted_while_another_active_admin_remains() =>
        Should.NotThrow(() => UserAccessRules.EnsureRolesChangeAllowed(Admin(others: 1), [Roles.Finance]));

    [Fact]
    public void An_admin_who_cannot_sign_in_is_not_the_last_active_admin() =>
        Should.NotThrow(() => UserAccessRules.EnsureRolesChangeAllowed(Admin(active: false, others: 0), [Roles.Finance]));

    [Fact]
    public void Roles_of_a_non_admin_change_freely() =>
        Should.NotThrow(() => UserAccessRules.EnsureRolesChangeAllowed(new AdminSituation(false, false, true, 0), [Roles.Warehouse]));

    [Fact]
    public void An_empty_role_set_is_refused_by_the_change_rule_too() =>
        Code(() => UserAccessRules.EnsureRolesChangeAllowed(new AdminSituation(false, false, true, 1), [])).ShouldBe("User.RoleRequired");

    [Fact]
    public void Nobody_deactivates_themself() =>
        Code(() => UserAccessRules.EnsureDeactivationAllowed(Admin(self: true, others: 5))).ShouldBe("User.CannotDeactivateSelf");

    [Fact]
    public void The_last_active_admin_cannot_be_deactivated() =>
        Code(() => UserAccessRules.EnsureDeactivationAllowed(Admin(others: 0))).ShouldBe("User.LastAdmin");

    [Fact]
    public void An_admin_may_be_deactivated_while_another_active_admin_remains() =>
        Should.NotThrow(() => UserAccessRules.EnsureDeactivationAllowed(Admin(others: 1)));
}
