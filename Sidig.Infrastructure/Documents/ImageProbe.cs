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

    /// <summary>An uploaded photo for the domain's checks: only a real image header is measured; a zip or script named .jpg never reaches the decoder.</summary>
    public static Domain.Warranty.ReceiptPhoto Photo(byte[] bytes)
    {
        if (bytes.Length == 0 || bytes.Length > Domain.Warranty.ReceiptPhoto.MaxBytes || Domain.Common.ImageContent.Sniff(bytes) is null)
            return new Domain.Warranty.ReceiptPhoto(bytes, null, null);
        var (width, height) = Size(bytes);
        return new Domain.Warranty.ReceiptPhoto(bytes, width, height);
    }
}
