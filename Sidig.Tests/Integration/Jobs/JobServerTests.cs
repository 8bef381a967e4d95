using Hangfire;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Sidig.Infrastructure.Identity;
using Sidig.Infrastructure.Persistence;
using Sidig.Tests.TestSupport;

namespace Sidig.Tests.Integration.Jobs;

/// <summary>The app with a running Hangfire server on each storage (in-memory on SQLite, shared PostgreSQL storage).</summary>
public abstract class JobServerTests<TApp>(TApp app) where TApp : SidigAppFactory
{
    [Fact]
    public async Task The_recurring_job_runs_through_the_job_server_for_every_tenant()
    {
        foreach (var tenant in new[] { "demo", "other" })
            await app.InTenant(tenant, async sp =>
            {
                var users = sp.GetRequiredService<UserManager<AppUser>>();
                var stale = DateTimeOffset.UtcNow.AddDays(-30);
                (await users.CreateAsync(new AppUser
                {
                    UserName = $"old-invite@{tenant}.test", Email = $"old-invite@{tenant}.test", DisplayName = "Old invite",
                    InvitedAt = stale, CreatedAt = stale,
                })).Succeeded.ShouldBeTrue();
            });

        app.Services.GetRequiredService<IRecurringJobManager>().Trigger("expire-invitations");

        foreach (var tenant in new[] { "demo", "other" })
        {
            var deactivated = false;
            for (var i = 0; i < 300 && !deactivated; i++) // the server picks the jobs up within seconds
            {
                deactivated = await app.InTenant(tenant, async sp =>
                    !(await sp.GetRequiredService<UserManager<AppUser>>().FindByEmailAsync($"old-invite@{tenant}.test"))!.IsActive);
                if (!deactivated) await Task.Delay(200);
            }
            deactivated.ShouldBeTrue($"the stale invitation of {tenant} was not expired by the job server");
        }
    }
}

public sealed class JobServerSqliteApp : SidigAppFactory
{
    public override DatabaseProvider Provider => DatabaseProvider.Sqlite;
    protected override IDictionary<string, string?> Settings => new Dictionary<string, string?> { ["Sidig:Jobs:Server"] = "true" };
}

public sealed class JobServerPostgresApp : SidigAppFactory
{
    public override DatabaseProvider Provider => DatabaseProvider.Postgres;
    protected override IDictionary<string, string?> Settings => new Dictionary<string, string?> { ["Sidig:Jobs:Server"] = "true" };
}

public sealed class JobServerTests_Sqlite(JobServerSqliteApp app) : JobServerTests<JobServerSqliteApp>(app), IClassFixture<JobServerSqliteApp>;
public sealed class JobServerTests_Postgres(JobServerPostgresApp app) : JobServerTests<JobServerPostgresApp>(app), IClassFixture<JobServerPostgresApp>;
