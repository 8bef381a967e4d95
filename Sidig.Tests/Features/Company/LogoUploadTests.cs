using Sidig.Domain.Common;
using Sidig.Tests.TestSupport;
using Sidig.Web.Features.Company;

namespace Sidig.Tests.Features.Company;

public class LogoUploadTests
{
    [Fact]
    public async Task At_most_1_MB_plus_one_byte_is_read_from_an_upload()
    {
        var stream = new MemoryStream(TestImages.PngOfSize(5 * ImageContent.MaxLogoBytes));
        var read = await SetCompanyLogo.ReadLimitedAsync(stream);
        read.Length.ShouldBe(ImageContent.MaxLogoBytes + 1);
    }

    [Fact]
    public async Task A_small_upload_is_read_whole()
    {
        var read = await SetCompanyLogo.ReadLimitedAsync(new MemoryStream(TestImages.Png));
        read.ShouldBe(TestImages.Png);
    }
}
