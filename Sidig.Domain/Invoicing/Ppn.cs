using Sidig.Domain.Catalog;
using Sidig.Domain.Orders;
using Sidig.Domain.Tenancy;

namespace Sidig.Domain.Invoicing;

public sealed record PpnBreakdown(decimal Subtotal, decimal Dpp, decimal Ppn, decimal Total);

/// <summary>
/// PPN of a document (invoice, credit note) from its line nets. Since 2025 the rate is 12 % and, for goods that are not
/// luxury goods, the tax base (DPP) is 11/12 of the price; luxury goods are taxed on the full price; exempt lines are
/// outside the base. Both the rate and the base rule come from the tenant's settings. Rounding (ADR 0006): the DPP of
/// the standard lines is rounded once per document to the rupiah, then PPN = rate × DPP rounded once, half away from
/// zero — never per line, so a document of many cheap lines carries no accumulated rounding.
/// </summary>
public static class PpnCalculator
{
    public static PpnBreakdown Compute(IEnumerable<(decimal Net, PpnKind Kind)> lines, PpnSettings settings)
    {
        decimal subtotal = 0, standard = 0, luxury = 0;
        foreach (var (net, kind) in lines)
        {
            subtotal += net;
            if (kind == PpnKind.Standard) standard += net;
            else if (kind == PpnKind.Luxury) luxury += net;
        }
        var dpp = SalesMath.Rupiah(standard * settings.BaseNumerator / settings.BaseDenominator) + luxury;
        var ppn = SalesMath.Rupiah(dpp * settings.RatePercent / 100m);
        return new PpnBreakdown(subtotal, dpp, ppn, subtotal + ppn);
    }
}
