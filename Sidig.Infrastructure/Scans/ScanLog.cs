using System.Net;
using System.Threading.Channels;
using Microsoft.Extensions.Options;
using Sidig.Domain.Units;
using Sidig.Infrastructure.Tenancy;

namespace Sidig.Infrastructure.Scans;

/// <summary>One scan waiting to be written: the tenant it belongs to travels with it (the writer serves every tenant).</summary>
public sealed record ScanRecord(TenantInfo Tenant, Guid UnitId, DateTimeOffset At, string Place);

/// <summary>
/// The in-memory queue between the public scan page and <see cref="ScanLogWriter"/>: recording a scan never waits for
/// the database. Bounded; when full a scan is dropped and counted (the log is best effort, the page must stay fast).
/// </summary>
public sealed class ScanLog(IOptions<ScanLogOptions> options, TimeProvider clock)
{
    private readonly Channel<ScanRecord> _queue = Channel.CreateBounded<ScanRecord>(new BoundedChannelOptions(options.Value.QueueCapacity)
    {
        FullMode = BoundedChannelFullMode.Wait, // with TryWrite: "full" is a false return, never a wait
        SingleReader = true,
    });
    private long _pending;
    private long _dropped;

    /// <summary>Queues a scan of a known unit from <paramref name="client"/>; false when it was not kept (queue full, no address).</summary>
    public bool Record(TenantInfo tenant, Guid unitId, IPAddress? client)
    {
        if (ScanPlace.Of(client) is not { } place) return false;
        Interlocked.Increment(ref _pending);
        if (_queue.Writer.TryWrite(new ScanRecord(tenant, unitId, clock.GetUtcNow(), place))) return true;
        Interlocked.Decrement(ref _pending);
        Interlocked.Increment(ref _dropped);
        return false;
    }

    /// <summary>Scans queued and not yet written (or given up on).</summary>
    public long Pending => Interlocked.Read(ref _pending);

    internal ChannelReader<ScanRecord> Reader => _queue.Reader;

    /// <summary>Scans dropped since the last call.</summary>
    internal long TakeDropped() => Interlocked.Exchange(ref _dropped, 0);

    internal void Finished(int count) => Interlocked.Add(ref _pending, -count);
}
