using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using Npgsql;

namespace Sidig.Tests.TestSupport;

/// <summary>
/// A throwaway PostgreSQL cluster started from the system's binaries on first use and removed when the test
/// process exits. Each app factory gets its own database; the app connects as <see cref="AppRole"/>, which owns
/// nothing, so row-level security applies exactly as in production.
/// </summary>
public sealed class PostgresCluster
{
    public const string OwnerRole = "sidig_owner";
    public const string AppRole = "sidig_app";
    private const string Password = "test";

    private static readonly Lazy<PostgresCluster> Lazy = new(Start, LazyThreadSafetyMode.ExecutionAndPublication);
    public static PostgresCluster Instance => Lazy.Value;

    private readonly string _dir;
    private readonly string _bin;
    public int Port { get; }

    private PostgresCluster(string dir, string bin, int port) { _dir = dir; _bin = bin; Port = port; }

    public string SuperuserConnectionString(string database = "postgres") =>
        $"Host=127.0.0.1;Port={Port};Username=postgres;Database={database};Pooling=false";

    public string ConnectionString(string database, string role) =>
        $"Host=127.0.0.1;Port={Port};Username={role};Password={Password};Database={database};Maximum Pool Size=50";

    /// <summary>Creates an empty database owned by <see cref="OwnerRole"/>.</summary>
    public string CreateDatabase()
    {
        var name = "sidig_" + Guid.NewGuid().ToString("N")[..12];
        using var conn = new NpgsqlConnection(SuperuserConnectionString());
        conn.Open();
        using var cmd = new NpgsqlCommand($"CREATE DATABASE {name} OWNER {OwnerRole}", conn);
        cmd.ExecuteNonQuery();
        return name;
    }

    private static PostgresCluster Start()
    {
        var bin = Directory.GetDirectories("/usr/lib/postgresql").OrderByDescending(d => d).Select(d => Path.Combine(d, "bin"))
            .FirstOrDefault(d => File.Exists(Path.Combine(d, "initdb")))
            ?? throw new InvalidOperationException("PostgreSQL binaries not found: run the README test command, which installs them.");
        var dir = Path.Combine(Path.GetTempPath(), "sidig-pg-" + Guid.NewGuid().ToString("N")[..8]);
        Directory.CreateDirectory(dir);
        var asRoot = Environment.UserName == "root";
        if (asRoot) Run("chown", $"postgres:postgres {dir}");
        var port = FreePort();
        Pg(asRoot, bin, "initdb", $"-D {dir}/data --auth=trust -E UTF8 --no-locale --no-sync -U postgres");
        Pg(asRoot, bin, "pg_ctl", $"-D {dir}/data -l {dir}/log -w -t 60 -o \"-p {port} -k {dir} -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=400\" start");
        var cluster = new PostgresCluster(dir, bin, port);
        AppDomain.CurrentDomain.ProcessExit += (_, _) => cluster.Stop(asRoot);

        using var conn = new NpgsqlConnection(cluster.SuperuserConnectionString());
        conn.Open();
        using var cmd = new NpgsqlCommand($"""
            CREATE ROLE {OwnerRole} LOGIN PASSWORD '{Password}';
            CREATE ROLE {AppRole} LOGIN PASSWORD '{Password}' NOSUPERUSER NOBYPASSRLS;
            """, conn);
        cmd.ExecuteNonQuery();
        return cluster;
    }

    private void Stop(bool asRoot)
    {
        try
        {
            Pg(asRoot, _bin, "pg_ctl", $"-D {_dir}/data -m immediate -w stop");
            Directory.Delete(_dir, recursive: true);
        }
        catch { /* best effort at process exit */ }
    }

    private static void Pg(bool asRoot, string bin, string tool, string args)
    {
        if (asRoot) Run("runuser", $"-u postgres -- {bin}/{tool} {args}");
        else Run($"{bin}/{tool}", args);
    }

    private static void Run(string file, string args)
    {
        var psi = new ProcessStartInfo(file, args) { RedirectStandardOutput = true, RedirectStandardError = true };
        using var p = Process.Start(psi)!;
        var stdout = p.StandardOutput.ReadToEndAsync();
        var stderr = p.StandardError.ReadToEndAsync();
        if (!p.WaitForExit(120_000)) { p.Kill(); throw new TimeoutException($"{file} {args}"); }
        if (p.ExitCode != 0) throw new InvalidOperationException($"{file} {args} failed ({p.ExitCode}): {stderr.Result}{stdout.Result}");
    }

    private static int FreePort()
    {
        using var l = new TcpListener(IPAddress.Loopback, 0);
        l.Start();
        return ((IPEndPoint)l.LocalEndpoint).Port;
    }
}
