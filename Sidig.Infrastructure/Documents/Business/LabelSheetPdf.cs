using Sidig.Infrastructure.Documents.Layout;
using SkiaSharp;

namespace Sidig.Infrastructure.Documents.Business;

/// <summary>What one unit's label prints.</summary>
/// <param name="ProductName">Wrapped to at most <see cref="LabelSheetPdf.MaxNameLines"/> lines, cut with "…" when longer.</param>
/// <param name="Sku">Printed small on one line when given.</param>
/// <param name="Serial">Printed bold on one line, in smaller type if it is too wide; a serial too long even for that
/// is broken onto a second line (and cut with "…" beyond two).</param>
/// <param name="Url">What the QR code opens: the unit's public page on the tenant's subdomain (https://acme.&lt;base&gt;/u/&lt;code&gt;).</param>
public sealed record LabelPrint(string ProductName, string? Sku, string Serial, string Url);

/// <summary>
/// QR labels of serialised units as a PDF: a grid on sticker sheets, or one label per page for a label printer
/// (<see cref="LabelLayout"/>). Each label has its QR code (error correction M, quiet zone of four modules, at least
/// <see cref="LabelLayout.MinimumQrMillimetres"/> mm), the product name, the SKU and the serial; nothing is drawn
/// outside a label's cell.
/// </summary>
/// <remarks>
/// Built for large runs (10,000 labels in one job): pages are drawn and written to the output one at a time, each
/// QR code is encoded into one reused path and drawn as vectors (no bitmap per label), and the fonts are cut once
/// for the characters of all labels, found in a first pass over the texts before anything is drawn.
/// </remarks>
public static class LabelSheetPdf
{
    public const int MaxNameLines = 3;
    public const int MaxSerialLines = 2;

    /// <summary>
    /// Longest URL a label's QR code carries: 120 bytes are QR version 7 at M (45 modules), still ≥ 0.4 mm a module
    /// on the smallest label. Real ones (https://acme.&lt;base&gt;/u/&lt;code&gt;) are about 40.
    /// </summary>
    public const int MaxUrlLength = 120;
    private const string Ellipsis = "…";

    public static byte[] Render(IReadOnlyList<LabelPrint> labels, LabelLayout layout, string? title = null)
    {
        using var stream = new MemoryStream();
        Render(labels, layout, stream, title);
        return stream.ToArray();
    }

    /// <summary>Writes the labels to <paramref name="output"/>, page by page, in the order given (row by row on a sheet).</summary>
    /// <param name="progress">Told the number of labels written after each page.</param>
    /// <param name="cancellationToken">Checked before each page; a cancelled run leaves an unfinished file the caller should delete.</param>
    /// <exception cref="ArgumentException">No labels, or a label without serial or URL, or with a URL longer than <see cref="MaxUrlLength"/> (nothing is written then).</exception>
    public static void Render(IReadOnlyList<LabelPrint> labels, LabelLayout layout, Stream output, string? title = null,
        IProgress<int>? progress = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(labels);
        ArgumentNullException.ThrowIfNull(layout);
        ArgumentNullException.ThrowIfNull(output);
        if (labels.Count == 0) throw new ArgumentException("There are no labels to print.", nameof(labels));

        using var context = new LayoutContext(FontSet.Default);
        using var painter = new LabelPainter(context, layout.Content);
        // Every character any label draws must be known before the first page: the PDF embeds one font subset.
        for (var i = 0; i < labels.Count; i++) painter.Measure(labels[i], i);
        context.PrepareFontsForDrawing();

        var perPage = layout.LabelsPerPage;
        var cells = Enumerable.Range(0, perPage).Select(layout.Cell).ToArray();
        IEnumerable<(PageSize, Action<SKCanvas>)> Pages()
        {
            for (var start = 0; start < labels.Count; start += perPage)
            {
                cancellationToken.ThrowIfCancellationRequested();
                var first = start;
                var end = Math.Min(start + perPage, labels.Count);
                yield return (layout.Paper, canvas =>
                {
                    for (var i = first; i < end; i++) painter.Draw(canvas, cells[i - first], labels[i]);
                });
                progress?.Report(end);
            }
        }
        PdfRenderer.RenderPages(output, title ?? "Label", Pages());
    }

    /// <summary>Draws labels into their cells; holds the fonts, paints and the one path every QR code is encoded into.</summary>
    private sealed class LabelPainter : IDisposable
    {
        private const float BlockGap = 2; // pt between the name and the SKU/serial
        private const float Slack = 0.5f; // pt kept free at the right, so rounding never touches the cell edge

        private const float MinSerialSize = 5.5f;

        private readonly LayoutContext _context;
        private readonly LabelContent _c;
        private readonly TextFont _name, _serial, _sku;
        private readonly Dictionary<float, TextFont> _smallerSerials = [];
        private readonly SKPaint _dark, _light, _grey;
        private readonly SKPath _qr = new();

        public LabelPainter(LayoutContext context, LabelContent content)
        {
            (_context, _c) = (context, content);
            _name = context.Font(content.NameSize, bold: false);
            _sku = context.Font(content.SkuSize, bold: false);
            _serial = context.Font(content.SerialSize, bold: true);
            _dark = context.Fill(SKColors.Black);
            _light = context.Fill(SKColors.White);
            _grey = context.Fill(new SKColor(0x40, 0x40, 0x40));
            foreach (var font in new[] { _name, _sku, _serial }) font.Use(Ellipsis);
        }

        /// <summary>Checks a label and records its characters for the font subset.</summary>
        public void Measure(LabelPrint label, int index)
        {
            if (label is null) throw new ArgumentException($"Label {index + 1} is missing.", "labels");
            if (string.IsNullOrWhiteSpace(label.Serial)) throw new ArgumentException($"Label {index + 1} has no serial number.", "labels");
            if (string.IsNullOrWhiteSpace(label.Url)) throw new ArgumentException($"Label {index + 1} ({label.Serial}) has no URL for its QR code.", "labels");
            if (System.Text.Encoding.UTF8.GetByteCount(label.Url) > MaxUrlLength)
                throw new ArgumentException($"Label {index + 1} ({label.Serial}): the URL has {System.Text.Encoding.UTF8.GetByteCount(label.Url)} bytes; " +
                                            $"a label's QR code carries at most {MaxUrlLength} to stay scannable.", "labels");
            _name.Use(Clean(label.ProductName));
            SerialFont(Clean(label.Serial)).Use(Clean(label.Serial));
            if (!string.IsNullOrWhiteSpace(label.Sku)) _sku.Use(Clean(label.Sku));
        }

        public void Draw(SKCanvas canvas, LabelBounds cell, LabelPrint label)
        {
            canvas.Save();
            canvas.ClipRect(SKRect.Create(cell.X, cell.Y, cell.Width, cell.Height));
            DrawQr(canvas, cell.X + _c.QrX, cell.Y + _c.QrY, label.Url);
            DrawText(canvas, cell.X + _c.TextX, cell.Y + _c.TextY, label);
            canvas.Restore();
        }

        private void DrawQr(SKCanvas canvas, float x, float y, string url)
        {
            _qr.Reset();
            var modules = QrModules.AddTo(_qr, url, QrErrorCorrection.M);
            canvas.DrawRect(x, y, _c.QrSide, _c.QrSide, _light); // the quiet zone stays white on coloured label stock
            canvas.Save();
            canvas.Translate(x, y);
            canvas.Scale(_c.QrSide / modules);
            canvas.DrawPath(_qr, _dark);
            canvas.Restore();
        }

        /// <summary>
        /// Name at the top, then SKU and serial, the whole block centred in the text area. The serial always gets
        /// its lines; the SKU is dropped before the name would lose its last line; the name gets what is left.
        /// </summary>
        private void DrawText(SKCanvas canvas, float x, float y, LabelPrint label)
        {
            var width = TextWidth;
            var height = _c.TextHeight;
            var serialText = Clean(label.Serial);
            var serialFont = SerialFont(serialText);
            var serialRoom = Math.Clamp((int)(height / serialFont.LineHeight), 1, MaxSerialLines);
            var serial = Fit(serialText, serialFont, width, serialRoom);
            var used = serial.Length * serialFont.LineHeight;
            TextLine[] sku = string.IsNullOrWhiteSpace(label.Sku) ? [] : Fit(Clean(label.Sku), _sku, width, 1);
            var nameRoom = (int)((height - used - sku.Length * _sku.LineHeight - BlockGap) / _name.LineHeight);
            if (nameRoom < 1 && sku.Length > 0)
            {
                sku = [];
                nameRoom = (int)((height - used - BlockGap) / _name.LineHeight);
            }
            var name = Fit(Clean(label.ProductName), _name, width, Math.Clamp(nameRoom, 0, MaxNameLines));

            var total = name.Length * _name.LineHeight + (name.Length > 0 ? BlockGap : 0) + sku.Length * _sku.LineHeight + used;
            var lineY = y + Math.Max(0, (height - total) / 2);
            foreach (var line in name) Line(line, _name, _dark);
            if (name.Length > 0) lineY += BlockGap;
            foreach (var line in sku) Line(line, _sku, _grey);
            foreach (var line in serial) Line(line, serialFont, _dark);

            void Line(TextLine line, TextFont font, SKPaint paint)
            {
                canvas.DrawText(line.Text, x, lineY + font.Baseline, SKTextAlign.Left, font.Draw, paint);
                lineY += font.LineHeight;
            }
        }

        private float TextWidth => _c.TextWidth - Slack;

        /// <summary>
        /// The serial's font: the layout's size when the serial fits on one line, else smaller (in quarter points, not
        /// below <see cref="MinSerialSize"/>) until it does, so a serial is read at a glance, not across a break. The
        /// measuring pass makes every size used, so all of them draw with the prepared subset.
        /// </summary>
        private TextFont SerialFont(string serial)
        {
            var measured = _serial.Sk.MeasureText(serial);
            if (measured <= TextWidth) return _serial;
            var size = Math.Max(MinSerialSize, MathF.Floor(_serial.Sk.Size * TextWidth / measured * 4) / 4);
            if (!_smallerSerials.TryGetValue(size, out var font))
                _smallerSerials[size] = font = _context.Font(size, bold: true);
            return font;
        }

        /// <summary>The text wrapped to <paramref name="width"/>, at most <paramref name="maxLines"/> lines, the last cut with "…" if more.</summary>
        private static TextLine[] Fit(string text, TextFont font, float width, int maxLines)
        {
            if (maxLines <= 0) return [];
            var lines = TextWrapper.Wrap(text, font, width);
            if (lines.Length <= maxLines) return lines;
            var kept = lines[..maxLines];
            kept[^1] = Ellipsise(kept[^1].Text, font, width);
            return kept;
        }

        private static TextLine Ellipsise(string text, TextFont font, float width)
        {
            var room = width - font.Sk.MeasureText(Ellipsis);
            var n = Math.Clamp(font.Sk.BreakText(text, Math.Max(0, room)), 0, text.Length);
            if (n > 0 && char.IsHighSurrogate(text[n - 1])) n--;
            // At a word boundary when that keeps at least half the line ("Android…", not "Android, Garan…").
            if (n < text.Length && text[n] != ' ')
            {
                var space = text.LastIndexOf(' ', Math.Max(0, n - 1));
                if (space > 0 && space >= n / 2) n = space;
            }
            var cut = text[..n].TrimEnd(' ', ',', '-', '/', '.', ';', ':') + Ellipsis;
            return new TextLine(cut, font.Sk.MeasureText(cut));
        }

        /// <summary>Tabs, line breaks and other control characters become spaces: a label line has no use for them.</summary>
        private static string Clean(string? text)
        {
            if (string.IsNullOrEmpty(text)) return "";
            return text.Any(char.IsControl) ? new string(text.Select(ch => char.IsControl(ch) ? ' ' : ch).ToArray()).Trim() : text.Trim();
        }

        public void Dispose() => _qr.Dispose();
    }
}
