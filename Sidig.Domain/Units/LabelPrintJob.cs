using Sidig.Domain.Common;

namespace Sidig.Domain.Units;

public enum LabelPrintStatus { Queued = 0, Running = 1, Done = 2, Failed = 3 }

/// <summary>
/// A batch's labels rendered in the background (large batches: 10,000 labels take 10–20 s), with its progress for the
/// page and, when done, its PDF (<see cref="LabelPrintFile"/>). Kept for <see cref="Retention"/>, then deleted.
/// </summary>
/// <remarks>
/// Every run that takes the job bumps <see cref="Attempt"/>, a concurrency token: a run that was taken over (a crashed
/// worker's job restarted elsewhere) fails its next save instead of overwriting the newer run's progress or file.
/// </remarks>
public sealed class LabelPrintJob : Entity, ITenantOwned
{
    /// <summary>Batches up to this many units download at once; larger ones are rendered by a background job.</summary>
    public const int DirectDownloadLimit = 500;

    /// <summary>Progress is written every this many labels (and at the end), not after every page.</summary>
    public const int ProgressStep = 250;

    public static readonly TimeSpan Retention = TimeSpan.FromDays(7);

    public const int ErrorMaxLength = 1000;
    public const int OriginMaxLength = 200;
    public const int FileNameMaxLength = 200;
    public const int LayoutMaxLength = 40;

    private LabelPrintJob() { Layout = Origin = FileName = ""; }

    public Guid TenantId { get; set; }
    public Guid BatchId { get; private set; }
    /// <summary>The label layout's preset key ("a4-3x8", "single-50x30", …).</summary>
    public string Layout { get; private set; }
    /// <summary>scheme://host of the tenant's site as the requester used it: what every QR code opens.</summary>
    public string Origin { get; private set; }
    public string FileName { get; private set; }
    public LabelPrintStatus Status { get; private set; }
    /// <summary>Labels written so far.</summary>
    public int Progress { get; private set; }
    public int Total { get; private set; }
    public string? RequestedBy { get; private set; }
    public DateTimeOffset RequestedAt { get; private set; }
    public DateTimeOffset? StartedAt { get; private set; }
    public DateTimeOffset? FinishedAt { get; private set; }
    public string? Error { get; private set; }
    public int Attempt { get; private set; }

    public static LabelPrintJob Request(Guid batchId, string layout, string origin, string fileName, int total, DateTimeOffset now, string? user)
    {
        if (total < 1) throw new DomainException("Units.BatchHasNoUnits");
        return new LabelPrintJob
        {
            BatchId = batchId, Layout = Guard.Required(layout, "Units.LabelLayoutUnknown", LayoutMaxLength),
            Origin = Guard.Required(origin, "Units.LabelOriginRequired", OriginMaxLength).TrimEnd('/'),
            FileName = Guard.Required(fileName, "Units.LabelFileNameRequired", FileNameMaxLength),
            Total = total, Status = LabelPrintStatus.Queued, RequestedAt = now, RequestedBy = user,
        };
    }

    /// <summary>
    /// A run takes the job: from the start, whatever a previous run (crashed or failed) left. False for a done job,
    /// which a retried run leaves alone.
    /// </summary>
    public bool Start(DateTimeOffset now)
    {
        if (Status == LabelPrintStatus.Done) return false;
        Status = LabelPrintStatus.Running;
        Progress = 0;
        StartedAt = now;
        FinishedAt = null;
        Error = null;
        Attempt++;
        return true;
    }

    public void ReportProgress(int labels)
    {
        if (Status != LabelPrintStatus.Running) throw new DomainException("Units.LabelPrintNotRunning");
        Progress = Math.Clamp(labels, Progress, Total);
    }

    /// <summary>The file is stored with this change, in the same save.</summary>
    public void Complete(int labels, DateTimeOffset now)
    {
        if (Status != LabelPrintStatus.Running) throw new DomainException("Units.LabelPrintNotRunning");
        Total = labels; // the units of the batch when it ran
        Progress = labels;
        Status = LabelPrintStatus.Done;
        FinishedAt = now;
    }

    public void Fail(string error, DateTimeOffset now)
    {
        Status = LabelPrintStatus.Failed;
        FinishedAt = now;
        Error = string.IsNullOrEmpty(error) ? "?" : error.Length > ErrorMaxLength ? error[..ErrorMaxLength] : error;
    }
}

/// <summary>The rendered PDF of a done <see cref="LabelPrintJob"/>; its own table so lists of jobs never load it.</summary>
public sealed class LabelPrintFile : ITenantOwned
{
    private LabelPrintFile() { Content = []; }

    public LabelPrintFile(Guid jobId, byte[] content) { JobId = jobId; Content = content; }

    public Guid JobId { get; private set; }
    public Guid TenantId { get; set; }
    public byte[] Content { get; private set; }
}
