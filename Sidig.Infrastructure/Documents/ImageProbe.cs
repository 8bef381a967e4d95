using SkiaSharp;

namespace Sidig.Infrastructure.Documents;

/// <summary>Reads an uploaded image's pixel size from its header, without decoding the pixels (a 30 MB bomb costs nothing).</summary>
public static class ImageProbe
{
    /// <returns>width and height, or nulls when the bytes are not an image Skia can read</returns>
    public static (int? Width, int? Height) Size(byte[] bytes)
    {
        using var data = SKData.CreateCopy(bytes);
        using var codec = SKCodec.Create(data);
        return codec is null ? (null, null) : (codec.Info.Width, codec.Info.Height);
    }
}
