using System.IO.Compression;
using System.Text;
using Sidig.Domain.Common;
using Sidig.Tests.TestSupport;

namespace Sidig.Tests.Domain;

public class ImageContentTests
{
    [Fact]
    public void A_png_is_recognised_by_its_signature()
    {
        ImageContent.Sniff(TestImages.Png).ShouldBe("image/png");
    }

    [Fact]
    public void A_jpeg_is_recognised_by_its_signature()
    {
        ImageContent.Sniff(TestImages.Jpeg).ShouldBe("image/jpeg");
    }

    [Fact]
    public void A_webp_is_recognised_by_its_riff_header()
    {
        ImageContent.Sniff(TestImages.WebP).ShouldBe("image/webp");
    }

    [Fact]
    public void A_zip_renamed_to_png_is_not_an_image()
    {
        ImageContent.Sniff(TestImages.Zip).ShouldBeNull();
    }

    [Fact]
    public void A_text_file_renamed_to_png_is_not_an_image()
    {
        ImageContent.Sniff(Encoding.UTF8.GetBytes("<svg onload=alert(1)>logo.png</svg>")).ShouldBeNull();
    }

    [Fact]
    public void A_riff_file_that_is_not_webp_is_not_an_image()
    {
        ImageContent.Sniff("RIFF\x24\0\0\0WAVEfmt "u8.ToArray()).ShouldBeNull();
    }

    [Fact]
    public void A_truncated_png_signature_is_not_an_image()
    {
        ImageContent.Sniff(TestImages.Png.AsSpan(0, 7)).ShouldBeNull();
    }

    [Fact]
    public void The_zip_test_image_really_is_a_zip()
    {
        using var archive = new ZipArchive(new MemoryStream(TestImages.Zip));
        archive.Entries.Count.ShouldBe(1);
    }
}
