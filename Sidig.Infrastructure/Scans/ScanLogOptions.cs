using System.ComponentModel.DataAnnotations;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace Sidig.Infrastructure.Scans;

/// <summary>The public scan log and its "scanned from many places" rule (<c>Sidig:ScanLog</c>).</summary>
public sealed class ScanLogOptions
{
    public const string Section = "Sidig:ScanLog";

    /// <summary>A unit seen from at least this many distinct places (client networks) within <see cref="Window"/> is flagged.</summary>
    [Range(2, 10_000)] public int Places { get; set; } = 5;
    public TimeSpan Window { get; set; } = TimeSpan.FromHours(24);
    /// <summary>Scans older than this are deleted by the daily clean-up; at least <see cref="Window"/>, or the rule would see too little.</summary>
    public TimeSpan Retention { get; set; } = TimeSpan.FromDays(30);
    /// <summary>Scans waiting in memory for the writer; more are dropped (and counted) rather than slow the page.</summary>
    [Range(100, 10_000_000)] public int QueueCapacity { get; set; } = 20_000;
    /// <summary>Most scans written in one round trip.</summary>
    [Range(1, 10_000)] public int BatchSize { get; set; } = 500;
}

public static class ScanLogSetup
{
    public static IServiceCollection AddSidigScanLog(this IServiceCollection services)
    {
        services.AddOptions<ScanLogOptions>().BindConfiguration(ScanLogOptions.Section).ValidateDataAnnotations()
            .Validate(o => o.Window > TimeSpan.Zero, "Sidig:ScanLog:Window must be positive")
            .Validate(o => o.Retention >= o.Window, "Sidig:ScanLog:Retention must be at least the Window")
            .ValidateOnStart();
        services.AddSingleton<ScanLog>();
        services.AddSingleton<ScanLogWriter>();
        services.AddHostedService(sp => sp.GetRequiredService<ScanLogWriter>());
        return services;
    }
}
