using System.Net;
using System.Net.Sockets;
using Sidig.Domain.Common;

namespace Sidig.Domain.Units;

/// <summary>
/// One view of a known unit's public scan page: when, and from which client network (<see cref="ScanPlace"/>). Never the
/// raw address (ADR 0011). Kept for a few weeks only, to see a unit scanned from many places in a short time.
/// </summary>
public sealed class UnitScan : Entity, ITenantOwned
{
    private UnitScan() { Place = ""; }

    public UnitScan(Guid tenantId, Guid unitId, DateTimeOffset at, string place)
    {
        TenantId = tenantId;
        UnitId = unitId;
        At = at;
        Place = place;
    }

    public Guid TenantId { get; set; }
    public Guid UnitId { get; private set; }
    public DateTimeOffset At { get; private set; }
    public string Place { get; private set; }
}

/// <summary>
/// Where a scan came from, as the client's network instead of its address: IPv4 /24, IPv6 /48 (the usual size of one
/// site's allocation). Coarse enough not to identify a person, fine enough to tell one shop from another city.
/// </summary>
public static class ScanPlace
{
    /// <summary>The longest text a place can be ("ffff:ffff:ffff::/48" is shorter; IPv4 "255.255.255.0/24").</summary>
    public const int MaxLength = 45;

    public static string? Of(IPAddress? address)
    {
        if (address is null) return null;
        if (address.IsIPv4MappedToIPv6) address = address.MapToIPv4();
        var bytes = address.GetAddressBytes();
        switch (address.AddressFamily)
        {
            case AddressFamily.InterNetwork:
                bytes[3] = 0;
                return $"{new IPAddress(bytes)}/24";
            case AddressFamily.InterNetworkV6:
                Array.Clear(bytes, 6, bytes.Length - 6);
                return $"{new IPAddress(bytes)}/48";
            default:
                return null;
        }
    }
}
