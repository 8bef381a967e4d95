using Hangfire;
using Hangfire.PostgreSql;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Sidig.Infrastructure.Identity;
using Sidig.Infrastructure.Jobs;
using Sidig.Infrastructure.Notifications;
using Sidig.Infrastructure.Persistence;
using Sidig.Infrastructure.Persistence.Interceptors;
using Sidig.Infrastructure.Reference;
using Sidig.Infrastructure.Scans;
using Sidig.Infrastructure.Seeding;
using Sidig.Infrastructure.Tenancy;

namespace Sidig.Infrastructure;

public static class DependencyInjection
{
    public static IServiceCollection AddSidigInfrastructure(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<DatabaseOptions>().Bind(configuration.GetSection(DatabaseOptions.Section)).ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<TenancyOptions>().Bind(configuration.GetSection(TenancyOptions.Section)).ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<DemoSeedOptions>().Bind(configuration.GetSection(DemoSeedOptions.Section));
        var db = configuration.GetSection(DatabaseOptions.Section).Get<DatabaseOptions>() ?? new DatabaseOptions();

        services.TryAddSingletonTimeProvider();
        services.AddMemoryCache();
        services.AddScoped<TenantContext>();
        services.AddScoped<CurrentUser>();
        services.AddSingleton<TenantSaveChangesInterceptor>();
        services.AddSingleton<TenantCommandInterceptor>();
        services.AddSingleton<TenantStore>();
        services.AddSingleton<IndonesianAreas>();
        services.AddSidigDbContext(db);

        services.AddIdentityCore<AppUser>(o =>
            {
                o.Password.RequiredLength = 10;
                o.Password.RequireNonAlphanumeric = false;
                o.Password.RequireUppercase = true;
                o.Password.RequireLowercase = true;
                o.Password.RequireDigit = true;
                o.Lockout.MaxFailedAccessAttempts = 5;
                o.Lockout.DefaultLockoutTimeSpan = TimeSpan.FromMinutes(15);
                o.Lockout.AllowedForNewUsers = true;
                o.User.RequireUniqueEmail = true; // within the tenant: the user store only sees the current tenant
                o.SignIn.RequireConfirmedAccount = false;
            })
            .AddRoles<AppRole>()
            .AddEntityFrameworkStores<SidigDbContext>()
            .AddSignInManager<SidigSignInManager>()
            .AddClaimsPrincipalFactory<SidigClaimsPrincipalFactory>()
            .AddDefaultTokenProviders();
        services.Configure<DataProtectionTokenProviderOptions>(o => o.TokenLifespan = TimeSpan.FromDays(3));

        services.AddDataProtection().SetApplicationName("Sidig").PersistKeysToDbContext<SidigDbContext>();

        services.AddSidigNotifications(configuration);
        services.AddSidigScanLog();
        services.AddSidigJobs(db, configuration.GetValue("Sidig:Jobs:Server", true));
        services.AddScoped<DatabaseInitializer>();
        services.AddScoped<DemoSeeder>();
        services.AddScoped<Stock.StockLedger>();
        return services;
    }

    private static void TryAddSingletonTimeProvider(this IServiceCollection services)
    {
        if (services.All(s => s.ServiceType != typeof(TimeProvider))) services.AddSingleton(TimeProvider.System);
    }

    private static void AddSidigDbContext(this IServiceCollection services, DatabaseOptions db)
    {
        var connectionString = db.ResolveConnectionString();
        // The options are built once: both interceptors are singletons that read the tenant and the user from the
        // context they intercept. Options rebuilt per scope (the factory is scoped, for the scope's tenant) cost more
        // than a scan page's query (docs/benchmarks.md). Registered before the factory, which then keeps these.
        static DbContextOptions<T> Options<T>(IServiceProvider sp, Action<DbContextOptionsBuilder<T>> provider) where T : DbContext
        {
            var o = new DbContextOptionsBuilder<T>().UseApplicationServiceProvider(sp);
            provider(o);
            o.AddInterceptors(sp.GetRequiredService<TenantSaveChangesInterceptor>(), sp.GetRequiredService<TenantCommandInterceptor>());
            return o.Options;
        }

        if (db.Provider == DatabaseProvider.Postgres)
        {
            var npgsql = WithPreparedStatements(connectionString);
            services.AddSingleton(sp => Options<PostgresSidigDbContext>(sp, o =>
                o.UseNpgsql(npgsql, n => n.MigrationsHistoryTable("__ef_migrations_history")).UseSnakeCaseNamingConvention()));
            services.AddDbContextFactory<PostgresSidigDbContext>(lifetime: ServiceLifetime.Scoped);
            services.AddScoped<IDbContextFactory<SidigDbContext>, ContextFactory<PostgresSidigDbContext>>();
            services.AddScoped<SidigDbContext>(sp => sp.GetRequiredService<PostgresSidigDbContext>());
        }
        else
        {
            var builder = new Microsoft.Data.Sqlite.SqliteConnectionStringBuilder(connectionString);
            var dir = Path.GetDirectoryName(Path.GetFullPath(builder.DataSource));
            if (!string.IsNullOrEmpty(dir) && builder.DataSource != ":memory:") Directory.CreateDirectory(dir);
            services.AddSingleton(sp => Options<SqliteSidigDbContext>(sp, o => o.UseSqlite(connectionString)));
            services.AddDbContextFactory<SqliteSidigDbContext>(lifetime: ServiceLifetime.Scoped);
            services.AddScoped<IDbContextFactory<SidigDbContext>, ContextFactory<SqliteSidigDbContext>>();
            services.AddScoped<SidigDbContext>(sp => sp.GetRequiredService<SqliteSidigDbContext>());
        }
    }

    /// <summary>
    /// Npgsql prepares a statement on the server after a few uses and keeps it across pooled opens (resetting a returned
    /// connection without discarding them), so PostgreSQL plans each of the app's hot queries once per connection instead
    /// of on every execution: on the scan page the plan cost more than the lookup itself (docs/benchmarks.md). A connection
    /// string that names its own <c>Max Auto Prepare</c> keeps it.
    /// </summary>
    internal static string WithPreparedStatements(string connectionString)
    {
        // The plain builder knows only the keys the string names (Npgsql's own claims every keyword it supports).
        var named = new System.Data.Common.DbConnectionStringBuilder { ConnectionString = connectionString };
        if (named.ContainsKey("Max Auto Prepare") || named.ContainsKey("MaxAutoPrepare")) return connectionString;
        return new Npgsql.NpgsqlConnectionStringBuilder(connectionString) { MaxAutoPrepare = 64 }.ConnectionString;
    }

    /// <summary>Hands out the provider's context as the one <see cref="SidigDbContext"/> the rest of the app knows.</summary>
    private sealed class ContextFactory<T>(IDbContextFactory<T> inner) : IDbContextFactory<SidigDbContext> where T : SidigDbContext
    {
        public SidigDbContext CreateDbContext() => inner.CreateDbContext();
    }
}
