namespace Sidig.Domain.Common;

/// <summary>
/// The last number handed out for one kind of document in one period (e.g. "SellOut" / "2026"). Incremented in the
/// transaction of the document that takes the number, so a rolled-back document gives its number back: no gaps.
/// </summary>
public sealed class NumberSequence : ITenantOwned
{
    private NumberSequence() { Name = Period = ""; }

    public NumberSequence(string name, string period)
    {
        Name = name;
        Period = period;
    }

    public Guid TenantId { get; set; }
    public string Name { get; private set; }
    public string Period { get; private set; }
    public long LastValue { get; private set; }
}
