namespace Sidig.Domain.Common;

/// <summary>Identifies an uploaded image by its bytes, not by its name or declared type.</summary>
public static class ImageContent
{
    public const int MaxLogoBytes = 1024 * 1024;

    /// <summary>The real content type (image/png, image/jpeg, image/webp) or null when the bytes are not one of them.</summary>
    public static string? Sniff(ReadOnlySpan<byte> data)
    {
        if (data.Length >= 8 && data[..8].SequenceEqual(new byte[] { 0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A }))
            return "image/png";
        if (data.Length >= 3 && data[0] == 0xFF && data[1] == 0xD8 && data[2] == 0xFF)
            return "image/jpeg";
        if (data.Length >= 12 && data[..4].SequenceEqual("RIFF"u8) && data.Slice(8, 4).SequenceEqual("WEBP"u8))
            return "image/webp";
        return null;
    }
}
