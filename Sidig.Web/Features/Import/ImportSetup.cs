namespace Sidig.Web.Features.Import;

public static class ImportSetup
{
    /// <summary>The reader and its limits; the preview and commit handlers are found by the usual *Handler scan.</summary>
    public static IServiceCollection AddSidigImport(this IServiceCollection services)
    {
        services.AddOptions<ImportOptions>().BindConfiguration(ImportOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<TabularFileReader>();
        return services;
    }

    /// <summary>
    /// Registers a module's importer: injectable as itself (for its page) and as <see cref="IImporter"/> (for the template
    /// endpoint, which finds it by <see cref="IImporter.Name"/>; names must be unique).
    /// </summary>
    public static IServiceCollection AddImporter<TImporter>(this IServiceCollection services) where TImporter : class, IImporter
    {
        services.AddScoped<TImporter>();
        services.AddScoped<IImporter>(sp => sp.GetRequiredService<TImporter>());
        return services;
    }
}
