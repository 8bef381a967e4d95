using System.Reflection;

namespace Sidig.Tests.Architecture;

public class DependencyDirectionTests
{
    private static readonly Assembly Domain = typeof(Sidig.Domain.Common.Entity).Assembly;
    private static readonly Assembly Infrastructure = typeof(Sidig.Infrastructure.DependencyInjection).Assembly;

    private static IEnumerable<string> References(Assembly a) => a.GetReferencedAssemblies().Select(n => n.Name!);

    [Fact]
    public void Domain_references_none_of_our_other_projects_nor_frameworks() =>
        References(Domain).Where(n => n.StartsWith("Sidig") || n.StartsWith("Microsoft.EntityFrameworkCore")
                                      || n.StartsWith("Microsoft.AspNetCore") || n.StartsWith("MudBlazor"))
            .ShouldBeEmpty();

    [Fact]
    public void Infrastructure_does_not_reference_Web() =>
        References(Infrastructure).ShouldNotContain("Sidig.Web");

    [Fact]
    public void Web_pages_never_inject_a_DbContext()
    {
        var web = typeof(Program).Assembly;
        var offenders = web.GetTypes()
            .Where(t => typeof(Microsoft.AspNetCore.Components.IComponent).IsAssignableFrom(t))
            .SelectMany(t => t.GetProperties(BindingFlags.Instance | BindingFlags.NonPublic | BindingFlags.Public)
                .Where(p => p.GetCustomAttribute<Microsoft.AspNetCore.Components.InjectAttribute>() is not null
                            && (typeof(Microsoft.EntityFrameworkCore.DbContext).IsAssignableFrom(p.PropertyType)
                                || p.PropertyType.Name.StartsWith("IDbContextFactory")
                                || p.PropertyType.Name == "IHttpContextAccessor"))
                .Select(p => $"{t.Name}.{p.Name}"))
            .ToList();
        offenders.ShouldBeEmpty();
    }
}
