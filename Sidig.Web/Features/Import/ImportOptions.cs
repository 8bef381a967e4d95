using System.ComponentModel.DataAnnotations;

namespace Sidig.Web.Features.Import;

/// <summary>Limits of an uploaded import file (section <c>Sidig:Import</c>); they keep one upload from filling a circuit's memory.</summary>
public sealed class ImportOptions
{
    public const string Section = "Sidig:Import";

    [Range(1024, 100 * 1024 * 1024)]
    public long MaxFileBytes { get; set; } = 10 * 1024 * 1024;

    /// <summary>Data rows (blank rows are not counted).</summary>
    [Range(1, 1_000_000)]
    public int MaxRows { get; set; } = 50_000;

    [Range(1, 1000)]
    public int MaxColumns { get; set; } = 100;
}
