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
        services.AddScoped<TenantSaveChangesInterceptor>();
        services.AddSingleton<TenantConnectionInterceptor>();
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
        void Common(IServiceProvider sp, DbContextOptionsBuilder o)
        {
            o.AddInterceptors(sp.GetRequiredService<TenantSaveChangesInterceptor>(), sp.GetRequiredService<TenantConnectionInterceptor>());
        }

        if (db.Provider == DatabaseProvider.Postgres)
        {
            services.AddDbContextFactory<PostgresSidigDbContext>((sp, o) =>
            {
                o.UseNpgsql(connectionString, n => n.MigrationsHistoryTable("__ef_migrations_history"))
                    .UseSnakeCaseNamingConvention();
                Common(sp, o);
            }, ServiceLifetime.Scoped);
            services.AddScoped<IDbContextFactory<SidigDbContext>, ContextFactory<PostgresSidigDbContext>>();
            services.AddScoped<SidigDbContext>(sp => sp.GetRequiredService<PostgresSidigDbContext>());
        }
        else
        {
            var builder = new Microsoft.Data.Sqlite.SqliteConnectionStringBuilder(connectionString);
            var dir = Path.GetDirectoryName(Path.GetFullPath(builder.DataSource));
            if (!string.IsNullOrEmpty(dir) && builder.DataSource != ":memory:") Directory.CreateDirectory(dir);
            services.AddDbContextFactory<SqliteSidigDbContext>((sp, o) =>
            {
                o.UseSqlite(connectionString);
                Common(sp, o);
            }, ServiceLifetime.Scoped);
            services.AddScoped<IDbContextFactory<SidigDbContext>, ContextFactory<SqliteSidigDbContext>>();
            services.AddScoped<SidigDbContext>(sp => sp.GetRequiredService<SqliteSidigDbContext>());
        }
    }

    /// <summary>Hands out the provider's context as the one <see cref="SidigDbContext"/> the rest of the app knows.</summary>
    private sealed class ContextFactory<T>(IDbContextFactory<T> inner) : IDbContextFactory<SidigDbContext> where T : SidigDbContext
    {
        public SidigDbContext CreateDbContext() => inner.CreateDbContext();
    }
}
