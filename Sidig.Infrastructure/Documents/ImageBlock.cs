using Sidig.Infrastructure.Documents.Layout;
using SkiaSharp;

namespace Sidig.Infrastructure.Documents;

/// <summary>
/// A PNG or JPEG (a logo, a product photo) scaled to fit a box of <paramref name="maxWidth"/> ×
/// <paramref name="maxHeight"/> points, keeping its proportions. Skia embeds JPEG bytes as they are.
/// </summary>
public sealed class ImageBlock(byte[] data, float maxWidth, float maxHeight, TextAlign align = TextAlign.Left) : Block
{
    internal override void Layout(LayoutContext context, float width, List<Fragment> output)
    {
        var image = SKImage.FromEncodedData(data)
                    ?? throw new ArgumentException("The image is not a PNG or JPEG that can be decoded.", nameof(data));
        context.Own(image);
        var boxWidth = Math.Min(maxWidth, width);
        var scale = Math.Min(boxWidth / image.Width, maxHeight / image.Height);
        var size = new SKSize(image.Width * scale, image.Height * scale);
        output.Add(new ImageFragment(image, size, TextLineFragment.Offset(align, width, size.Width)));
    }

    private sealed class ImageFragment : Fragment
    {
        private readonly SKImage _image;
        private readonly SKSize _size;
        private readonly float _dx;

        public ImageFragment(SKImage image, SKSize size, float dx)
        {
            (_image, _size, _dx) = (image, size, dx);
            Height = size.Height;
        }

        public override void Draw(SKCanvas canvas, float x, float y) =>
            canvas.DrawImage(_image, SKRect.Create(x + _dx, y, _size.Width, _size.Height),
                new SKSamplingOptions(SKFilterMode.Linear, SKMipmapMode.None));
    }
}
