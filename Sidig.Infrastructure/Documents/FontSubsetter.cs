using System.Buffers.Binary;

namespace Sidig.Infrastructure.Documents;

/// <summary>
/// Cuts a TrueType font down to the glyphs one document uses, because Skia's PDF backend (as SkiaSharp builds
/// it, without HarfBuzz's subsetter) embeds every font file whole: 700 KB per DejaVu face in every invoice.
/// </summary>
/// <remarks>
/// Glyph ids stay as they are: unused glyphs become empty, so cmap, hmtx and the text Skia measured with the
/// full face stay valid unchanged. Components of composite glyphs (Ä = A + ¨) are kept with them. Tables a PDF
/// viewer never reads (layout features, kerning, glyph names) are dropped; the name table, which carries the
/// font's copyright and licence, is kept.
/// </remarks>
internal static class FontSubsetter
{
    private static readonly string[] KeptTables =
        ["OS/2", "cmap", "cvt ", "fpgm", "gasp", "glyf", "head", "hhea", "hmtx", "loca", "maxp", "name", "post", "prep"];

    /// <summary>The subset font file, or null when the font has no TrueType outlines (glyf) to cut.</summary>
    public static byte[]? Subset(byte[] font, IEnumerable<ushort> glyphs)
    {
        var tables = ReadTables(font);
        if (!tables.ContainsKey("glyf") || !tables.ContainsKey("loca") || !tables.ContainsKey("head") || !tables.ContainsKey("maxp"))
            return null;

        var head = tables["head"].ToArray();
        var numGlyphs = BinaryPrimitives.ReadUInt16BigEndian(tables["maxp"].Span[4..]);
        var longLoca = BinaryPrimitives.ReadInt16BigEndian(head.AsSpan(50)) == 1;
        var loca = tables["loca"];
        var glyf = tables["glyf"].Span;
        int Offset(int g) => longLoca
            ? (int)BinaryPrimitives.ReadUInt32BigEndian(loca.Span[(g * 4)..])
            : BinaryPrimitives.ReadUInt16BigEndian(loca.Span[(g * 2)..]) * 2;

        var keep = new bool[numGlyphs];
        var pending = new Stack<int>(glyphs.Where(g => g < numGlyphs).Select(g => (int)g).Append(0)); // 0 = .notdef
        while (pending.Count > 0)
        {
            var g = pending.Pop();
            if (keep[g]) continue;
            keep[g] = true;
            foreach (var component in Components(glyf[Offset(g)..Offset(g + 1)]))
                if (component < numGlyphs && !keep[component]) pending.Push(component);
        }

        var newGlyf = new MemoryStream(glyf.Length / 8);
        var newLoca = new byte[(numGlyphs + 1) * 4];
        for (var g = 0; g < numGlyphs; g++)
        {
            BinaryPrimitives.WriteUInt32BigEndian(newLoca.AsSpan(g * 4), (uint)newGlyf.Length);
            if (!keep[g]) continue;
            newGlyf.Write(glyf[Offset(g)..Offset(g + 1)]);
            while (newGlyf.Length % 4 != 0) newGlyf.WriteByte(0);
        }
        BinaryPrimitives.WriteUInt32BigEndian(newLoca.AsSpan(numGlyphs * 4), (uint)newGlyf.Length);
        BinaryPrimitives.WriteInt16BigEndian(head.AsSpan(50), 1); // loca is now in the long format

        var output = new SortedDictionary<string, ReadOnlyMemory<byte>>(StringComparer.Ordinal);
        foreach (var tag in KeptTables)
            if (tables.TryGetValue(tag, out var table)) output[tag] = table;
        output["glyf"] = newGlyf.ToArray();
        output["loca"] = newLoca;
        output["head"] = head;
        if (tables.TryGetValue("post", out var post) && post.Length >= 32)
        {
            // Version 3: the same metrics without the 60 KB of glyph names.
            var post3 = post[..32].ToArray();
            BinaryPrimitives.WriteUInt32BigEndian(post3, 0x00030000);
            output["post"] = post3;
        }
        return Write(output);
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

    /// <summary>The glyphs a composite glyph is built from (none for a simple or empty glyph).</summary>
    private static List<int> Components(ReadOnlySpan<byte> glyph)
    {
        var components = new List<int>();
        if (glyph.Length < 10 || BinaryPrimitives.ReadInt16BigEndian(glyph) >= 0) return components;
        var p = 10;
        while (p + 4 <= glyph.Length)
        {
            var flags = BinaryPrimitives.ReadUInt16BigEndian(glyph[p..]);
            components.Add(BinaryPrimitives.ReadUInt16BigEndian(glyph[(p + 2)..]));
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
