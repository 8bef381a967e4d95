using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using MimeKit;

namespace Sidig.Tests.TestSupport;

/// <summary>
/// A real SMTP server on a free loopback port: Debian's aiosmtpd with its Mailbox handler, which stores every message
/// it receives in a maildir. <see cref="Stop"/> and <see cref="Start"/> take it down and back up on the same port
/// (an SMTP outage). Messages are read back with MimeKit.
/// </summary>
public sealed class SmtpListener : IDisposable
{
    private const string Python = "/usr/bin/python3";
    private readonly string _maildir = Path.Combine(Path.GetTempPath(), $"sidig-smtp-{Guid.NewGuid():N}");
    private Process? _process;

    public int Port { get; } = FreePort();

    public SmtpListener() => Start();

    public bool IsRunning => _process is { HasExited: false };

    public void Start()
    {
        if (IsRunning) return;
        var info = new ProcessStartInfo(Python)
        {
            ArgumentList = { "-m", "aiosmtpd", "-n", "-l", $"127.0.0.1:{Port}", "-c", "aiosmtpd.handlers.Mailbox", _maildir },
            RedirectStandardError = true, RedirectStandardOutput = true, UseShellExecute = false,
        };
        _process = Process.Start(info) ?? throw new InvalidOperationException("aiosmtpd did not start");
        _process.BeginErrorReadLine();
        _process.BeginOutputReadLine();
        var until = DateTime.UtcNow.AddSeconds(15);
        while (!Accepts())
        {
            if (_process.HasExited) throw new InvalidOperationException($"aiosmtpd exited with {_process.ExitCode} (is python3-aiosmtpd installed?)");
            if (DateTime.UtcNow > until) throw new TimeoutException($"aiosmtpd did not listen on {Port}");
            Thread.Sleep(50);
        }
    }

    /// <summary>Stops the server (by its own process id); connections to the port are refused until <see cref="Start"/>.</summary>
    public void Stop()
    {
        if (_process is null) return;
        if (!_process.HasExited)
        {
            _process.Kill();
            _process.WaitForExit(5000);
        }
        _process.Dispose();
        _process = null;
        var until = DateTime.UtcNow.AddSeconds(5);
        while (Accepts() && DateTime.UtcNow < until) Thread.Sleep(50);
    }

    /// <summary>Every message received so far (oldest first).</summary>
    public IReadOnlyList<MimeMessage> Messages()
    {
        var files = new[] { "new", "cur" }.Select(d => Path.Combine(_maildir, d)).Where(Directory.Exists)
            .SelectMany(Directory.GetFiles).Select(f => new FileInfo(f)).OrderBy(f => f.LastWriteTimeUtc).ThenBy(f => f.Name);
        return files.Select(f => MimeMessage.Load(f.FullName)).ToList();
    }

    public IReadOnlyList<MimeMessage> To(string address) =>
        Messages().Where(m => m.To.Mailboxes.Any(x => string.Equals(x.Address, address, StringComparison.OrdinalIgnoreCase))).ToList();

    private bool Accepts()
    {
        try
        {
            using var client = new TcpClient();
            client.Connect(IPAddress.Loopback, Port);
            return true;
        }
        catch (SocketException)
        {
            return false;
        }
    }

    private static int FreePort()
    {
        var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        var port = ((IPEndPoint)probe.LocalEndpoint).Port;
        probe.Stop();
        return port;
    }

    public void Dispose()
    {
        Stop();
        try { Directory.Delete(_maildir, recursive: true); } catch (IOException) { }
    }
}
