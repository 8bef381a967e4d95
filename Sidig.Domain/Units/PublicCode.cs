using System.Security.Cryptography;

namespace Sidig.Domain.Units;

/// <summary>
/// The code printed in a unit's QR URL (<c>/u/&lt;code&gt;</c>): 12 characters drawn uniformly at random from 31
/// letters and digits without look-alikes (≈ 59 bits), never derived from the serial, so codes cannot be guessed or
/// enumerated.
/// </summary>
public static class PublicCode
{
    public const int Length = 12;
    public const string Alphabet = "23456789abcdefghjkmnpqrstuvwxyz"; // no 0/o, 1/l/i

    public static string New() => RandomNumberGenerator.GetString(Alphabet, Length);

    /// <summary>Whether <paramref name="code"/> could be a code at all (checked before any lookup).</summary>
    public static bool IsWellFormed(string? code) => code is { Length: Length } && code.All(c => Alphabet.Contains(c));
}
