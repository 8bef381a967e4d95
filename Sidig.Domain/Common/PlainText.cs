namespace Sidig.Domain.Common;

/// <summary>Text typed by the public (names, descriptions): no markup and no control characters, so nothing in it can act as HTML anywhere it travels (e-mail, PDF, exports).</summary>
public static class PlainText
{
    public static bool IsPlain(string? text, bool multiline = false) =>
        text is null || text.All(c => c is not ('<' or '>') && (!char.IsControl(c) || (multiline && c is '\n' or '\r' or '\t')));
}
