namespace Sidig.Infrastructure.Documents;

/// <summary>Lengths in documents are PDF points (1/72 inch); these convert from the units people measure in.</summary>
public static class Units
{
    public const float PointsPerMillimetre = 72f / 25.4f;
    public static float Mm(float millimetres) => millimetres * PointsPerMillimetre;
}

/// <summary>A page size in points. Labels for label printers are custom sizes: <c>PageSize.Millimetres(100, 50)</c>.</summary>
public readonly record struct PageSize(float Width, float Height)
{
    public static readonly PageSize A4 = Millimetres(210, 297);
    public static readonly PageSize A5 = Millimetres(148, 210);

    public static PageSize Millimetres(float width, float height) => new(Units.Mm(width), Units.Mm(height));
    public PageSize Landscape() => Width >= Height ? this : new(Height, Width);
}

/// <summary>Page margins in points.</summary>
public readonly record struct Margins(float Top, float Right, float Bottom, float Left)
{
    public static Margins All(float points) => new(points, points, points, points);
    public static Margins Millimetres(float all) => All(Units.Mm(all));
}

/// <summary>What a page header or footer knows about its page: "Halaman {Number} dari {Count}".</summary>
public readonly record struct PageInfo(int Number, int Count);

public enum TextAlign { Left, Center, Right }
