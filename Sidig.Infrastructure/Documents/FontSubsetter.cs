using System.Buffers.Binary;

namespace Sidig.Infrastructure.Documents;

/// <summary>
/// Cuts a TrueType font down to the glyphs one document uses, because Skia's PDF backend (as SkiaSharp builds
/// it, without HarfBuzz's subsetter) embeds every font file whole: 700 KB per DejaVu face in every invoice.
/// </summary>
/// <remarks>
/// A real subset: the used glyphs (and the parts of composite glyphs, Ä = A + ¨) are renumbered from 0, with a
/// new cmap for the used characters and their horizontal metrics copied, so widths are those Skia measured
/// with the full face. A small cmap also matters for speed: Skia walks the whole cmap of every embedded face
/// to write the PDF's ToUnicode map. Tables a PDF viewer never reads (layout features, kerning, glyph names)
/// are dropped; the name table, which carries the font's copyright and licence, is kept.
/// </remarks>
internal static class FontSubsetter
{
    private static readonly string[] KeptTables = ["OS/2", "cvt ", "fpgm", "gasp", "head", "hhea", "maxp", "name", "prep"];

    /// <summary>
    /// A font file with only the glyphs of <paramref name="characters"/> (code point → glyph id in the full font),
    /// or null when the font has no TrueType outlines (glyf) to cut.
    /// </summary>
    public static byte[]? Subset(byte[] font, IReadOnlyList<(int CodePoint, ushort Glyph)> characters)
    {
        var tables = ReadTables(font);
        foreach (var required in new[] { "glyf", "loca", "head", "maxp", "hhea", "hmtx" })
            if (!tables.ContainsKey(required)) return null;

        var head = tables["head"].ToArray();
        var hhea = tables["hhea"].ToArray();
        var maxp = tables["maxp"].ToArray();
        var numGlyphs = BinaryPrimitives.ReadUInt16BigEndian(maxp.AsSpan(4));
        var numMetrics = BinaryPrimitives.ReadUInt16BigEndian(hhea.AsSpan(34));
        var longLoca = BinaryPrimitives.ReadInt16BigEndian(head.AsSpan(50)) == 1;
        var loca = tables["loca"];
        var glyf = tables["glyf"];
        var hmtx = tables["hmtx"];
        int Offset(int g) => longLoca
            ? (int)BinaryPrimitives.ReadUInt32BigEndian(loca.Span[(g * 4)..])
            : BinaryPrimitives.ReadUInt16BigEndian(loca.Span[(g * 2)..]) * 2;
        ReadOnlySpan<byte> Glyph(int g) => glyf.Span[Offset(g)..Offset(g + 1)];

        // Old glyph ids to keep, .notdef first, then the closure over composite components.
        var order = new List<int> { 0 };
        var newId = new Dictionary<int, int> { [0] = 0 };
        var pending = new Queue<int>(characters.Select(c => (int)c.Glyph).Where(g => g > 0 && g < numGlyphs));
        while (pending.Count > 0)
        {
            var g = pending.Dequeue();
            if (newId.ContainsKey(g)) continue;
            newId[g] = order.Count;
            order.Add(g);
            foreach (var (component, _) in Components(Glyph(g)))
                if (component < numGlyphs && !newId.ContainsKey(component)) pending.Enqueue(component);
        }

        var newGlyf = new MemoryStream();
        var newLoca = new byte[(order.Count + 1) * 4];
        var newHmtx = new byte[order.Count * 4];
        for (var i = 0; i < order.Count; i++)
        {
            var old = order[i];
            BinaryPrimitives.WriteUInt32BigEndian(newLoca.AsSpan(i * 4), (uint)newGlyf.Length);
            var data = Glyph(old).ToArray();
            foreach (var (_, at) in Components(data))
                BinaryPrimitives.WriteUInt16BigEndian(data.AsSpan(at), (ushort)newId[BinaryPrimitives.ReadUInt16BigEndian(data.AsSpan(at))]);
            newGlyf.Write(data);
            while (newGlyf.Length % 4 != 0) newGlyf.WriteByte(0);

            // hmtx: numMetrics (advance, lsb) pairs, then lsb only; the last advance repeats.
            var advance = BinaryPrimitives.ReadUInt16BigEndian(hmtx.Span[(Math.Min(old, numMetrics - 1) * 4)..]);
            var lsb = old < numMetrics
                ? BinaryPrimitives.ReadInt16BigEndian(hmtx.Span[(old * 4 + 2)..])
                : BinaryPrimitives.ReadInt16BigEndian(hmtx.Span[(numMetrics * 4 + (old - numMetrics) * 2)..]);
            BinaryPrimitives.WriteUInt16BigEndian(newHmtx.AsSpan(i * 4), advance);
            BinaryPrimitives.WriteInt16BigEndian(newHmtx.AsSpan(i * 4 + 2), lsb);
        }
        BinaryPrimitives.WriteUInt32BigEndian(newLoca.AsSpan(order.Count * 4), (uint)newGlyf.Length);
        BinaryPrimitives.WriteInt16BigEndian(head.AsSpan(50), 1); // loca in the long format
        BinaryPrimitives.WriteUInt16BigEndian(hhea.AsSpan(34), (ushort)order.Count);
        BinaryPrimitives.WriteUInt16BigEndian(maxp.AsSpan(4), (ushort)order.Count);

        var output = new SortedDictionary<string, ReadOnlyMemory<byte>>(StringComparer.Ordinal);
        foreach (var tag in KeptTables)
            if (tables.TryGetValue(tag, out var table)) output[tag] = table;
        output["head"] = head;
        output["hhea"] = hhea;
        output["maxp"] = maxp;
        output["glyf"] = newGlyf.ToArray();
        output["loca"] = newLoca;
        output["hmtx"] = newHmtx;
        output["cmap"] = Cmap(characters.Where(c => newId.ContainsKey(c.Glyph) && c.Glyph > 0)
            .Select(c => (c.CodePoint, newId[c.Glyph])).OrderBy(c => c.CodePoint).ToList());
        if (tables.TryGetValue("post", out var post) && post.Length >= 32)
        {
            // Version 3: the same metrics without the 60 KB of glyph names.
            var post3 = post[..32].ToArray();
            BinaryPrimitives.WriteUInt32BigEndian(post3, 0x00030000);
            output["post"] = post3;
        }
        return Write(output);
    }

    /// <summary>A cmap with a format 4 table (Unicode BMP) and a format 12 table (all of Unicode).</summary>
    private static byte[] Cmap(List<(int CodePoint, int Glyph)> map)
    {
        // Runs of consecutive code points mapped to consecutive glyphs.
        var runs = new List<(int Start, int End, int Glyph)>();
        foreach (var (cp, g) in map)
        {
            if (runs.Count > 0 && runs[^1].End == cp - 1 && runs[^1].Glyph + (cp - runs[^1].Start) == g)
                runs[^1] = runs[^1] with { End = cp };
            else runs.Add((cp, cp, g));
        }
        var bmp = runs.Where(r => r.End <= 0xFFFE).Append((Start: 0xFFFF, End: 0xFFFF, Glyph: 0)).ToList();
        var segments = bmp.Count;
        var log2 = (int)Math.Floor(Math.Log2(segments));
        var format4 = new byte[16 + segments * 8];
        var f4 = format4.AsSpan();
        BinaryPrimitives.WriteUInt16BigEndian(f4, 4);
        BinaryPrimitives.WriteUInt16BigEndian(f4[2..], (ushort)format4.Length);
        BinaryPrimitives.WriteUInt16BigEndian(f4[6..], (ushort)(segments * 2));
        BinaryPrimitives.WriteUInt16BigEndian(f4[8..], (ushort)(2 << log2));
        BinaryPrimitives.WriteUInt16BigEndian(f4[10..], (ushort)log2);
        BinaryPrimitives.WriteUInt16BigEndian(f4[12..], (ushort)(segments * 2 - (2 << log2)));
        for (var i = 0; i < segments; i++)
        {
            var (start, end, glyph) = bmp[i];
            var delta = i == segments - 1 ? 1 : glyph - start; // the closing 0xFFFF segment maps to .notdef
            BinaryPrimitives.WriteUInt16BigEndian(f4[(14 + i * 2)..], (ushort)end);
            BinaryPrimitives.WriteUInt16BigEndian(f4[(16 + segments * 2 + i * 2)..], (ushort)start);
            BinaryPrimitives.WriteUInt16BigEndian(f4[(16 + segments * 4 + i * 2)..], (ushort)(delta & 0xFFFF));
            // idRangeOffset stays 0: glyph = code point + delta.
        }

        var format12 = new byte[16 + runs.Count * 12];
        var f12 = format12.AsSpan();
        BinaryPrimitives.WriteUInt16BigEndian(f12, 12);
        BinaryPrimitives.WriteUInt32BigEndian(f12[4..], (uint)format12.Length);
        BinaryPrimitives.WriteUInt32BigEndian(f12[12..], (uint)runs.Count);
        for (var i = 0; i < runs.Count; i++)
        {
            BinaryPrimitives.WriteUInt32BigEndian(f12[(16 + i * 12)..], (uint)runs[i].Start);
            BinaryPrimitives.WriteUInt32BigEndian(f12[(20 + i * 12)..], (uint)runs[i].End);
            BinaryPrimitives.WriteUInt32BigEndian(f12[(24 + i * 12)..], (uint)runs[i].Glyph);
        }

        const int header = 4 + 2 * 8;
        var cmap = new byte[header + format4.Length + format12.Length];
        var c = cmap.AsSpan();
        BinaryPrimitives.WriteUInt16BigEndian(c[2..], 2);
        BinaryPrimitives.WriteUInt16BigEndian(c[4..], 3);   // Windows, Unicode BMP
        BinaryPrimitives.WriteUInt16BigEndian(c[6..], 1);
        BinaryPrimitives.WriteUInt32BigEndian(c[8..], header);
        BinaryPrimitives.WriteUInt16BigEndian(c[12..], 3);  // Windows, Unicode full
        BinaryPrimitives.WriteUInt16BigEndian(c[14..], 10);
        BinaryPrimitives.WriteUInt32BigEndian(c[16..], (uint)(header + format4.Length));
        format4.CopyTo(c[header..]);
        format12.CopyTo(c[(header + format4.Length)..]);
        return cmap;
    }

    private static Dictionary<string, ReadOnlyMemory<byte>> ReadTables(byte[] font)
    {
        var count = BinaryPrimitives.ReadUInt16BigEndian(font.AsSpan(4));
        var tables = new Dictionary<string, ReadOnlyMemory<byte>>(count);
        for (var i = 0; i < count; i++)
        {
            var record = font.AsSpan(12 + 16 * i, 16);
            var tag = System.Text.Encoding.ASCII.GetString(record[..4]);
            var offset = (int)BinaryPrimitives.ReadUInt32BigEndian(record[8..]);
            var length = (int)BinaryPrimitives.ReadUInt32BigEndian(record[12..]);
            tables[tag] = font.AsMemory(offset, length);
        }
        return tables;
    }

    /// <summary>The glyphs a composite glyph is built from, with where each id is stored (none for a simple glyph).</summary>
    private static List<(int Glyph, int At)> Components(ReadOnlySpan<byte> glyph)
    {
        var components = new List<(int, int)>();
        if (glyph.Length < 10 || BinaryPrimitives.ReadInt16BigEndian(glyph) >= 0) return components;
        var p = 10;
        while (p + 4 <= glyph.Length)
        {
            var flags = BinaryPrimitives.ReadUInt16BigEndian(glyph[p..]);
            components.Add((BinaryPrimitives.ReadUInt16BigEndian(glyph[(p + 2)..]), p + 2));
            p += 4 + ((flags & 0x0001) != 0 ? 4 : 2);                          // ARG_1_AND_2_ARE_WORDS
            if ((flags & 0x0008) != 0) p += 2;                                 // WE_HAVE_A_SCALE
            else if ((flags & 0x0040) != 0) p += 4;                            // WE_HAVE_AN_X_AND_Y_SCALE
            else if ((flags & 0x0080) != 0) p += 8;                            // WE_HAVE_A_TWO_BY_TWO
            if ((flags & 0x0020) == 0) break;                                  // MORE_COMPONENTS
        }
        return components;
    }

    private static byte[] Write(SortedDictionary<string, ReadOnlyMemory<byte>> tables)
    {
        var count = tables.Count;
        var log2 = (int)Math.Floor(Math.Log2(count));
        var searchRange = (1 << log2) * 16;
        var headerLength = 12 + 16 * count;
        var total = headerLength + tables.Values.Sum(t => (t.Length + 3) & ~3);
        var file = new byte[total];
        BinaryPrimitives.WriteUInt32BigEndian(file, 0x00010000);
        BinaryPrimitives.WriteUInt16BigEndian(file.AsSpan(4), (ushort)count);
        BinaryPrimitives.WriteUInt16BigEndian(file.AsSpan(6), (ushort)searchRange);
        BinaryPrimitives.WriteUInt16BigEndian(file.AsSpan(8), (ushort)log2);
        BinaryPrimitives.WriteUInt16BigEndian(file.AsSpan(10), (ushort)(count * 16 - searchRange));

        var offset = headerLength;
        var i = 0;
        var headOffset = -1;
        foreach (var (tag, data) in tables)
        {
            if (tag == "head") headOffset = offset;
            data.Span.CopyTo(file.AsSpan(offset));
            if (tag == "head") BinaryPrimitives.WriteUInt32BigEndian(file.AsSpan(offset + 8), 0); // checkSumAdjustment
            var record = file.AsSpan(12 + 16 * i, 16);
            System.Text.Encoding.ASCII.GetBytes(tag, record);
            BinaryPrimitives.WriteUInt32BigEndian(record[4..], Checksum(file.AsSpan(offset, (data.Length + 3) & ~3)));
            BinaryPrimitives.WriteUInt32BigEndian(record[8..], (uint)offset);
            BinaryPrimitives.WriteUInt32BigEndian(record[12..], (uint)data.Length);
            offset += (data.Length + 3) & ~3;
            i++;
        }
        if (headOffset >= 0)
            BinaryPrimitives.WriteUInt32BigEndian(file.AsSpan(headOffset + 8), 0xB1B0AFBA - Checksum(file));
        return file;
    }

    private static uint Checksum(ReadOnlySpan<byte> data)
    {
        uint sum = 0;
        for (var p = 0; p + 4 <= data.Length; p += 4) sum += BinaryPrimitives.ReadUInt32BigEndian(data[p..]);
        return sum;
    }
}
