using System.Diagnostics;

namespace Sanoo.Testing;

/// <summary>
/// A real PostgreSQL server (Debian's postgresql package, version 15 or newer) started for the
/// tests in a temporary folder on a free loopback port, and stopped when disposed. Nothing is
/// shared with any other PostgreSQL on the machine. Tests fail with a clear message when the
/// server binaries are missing (test.sh installs them).
/// </summary>
public sealed class PostgresServer : IDisposable
{
    private readonly string _bin;
    private readonly string _folder;

    public PostgresServer()
    {
        _bin = FindBinaries();
        _folder = Path.Combine(Path.GetTempPath(), $"sanoo-pg-{Environment.ProcessId}-{Guid.NewGuid():N}"[..40]);
        Directory.CreateDirectory(_folder);
        RunAsRoot("chown", "postgres:postgres", _folder);
        Port = Loopback.FreePort();
        RunAsPostgres(Path.Combine(_bin, "initdb"), "-D", Path.Combine(_folder, "data"), "-A", "trust", "-U", "sanoo", "--no-sync", "-E", "UTF8");
        RunAsPostgres(Path.Combine(_bin, "pg_ctl"), "-D", Path.Combine(_folder, "data"), "-o",
            $"-p {Port} -k {_folder} -c listen_addresses=127.0.0.1 -c max_connections=200 -c fsync=on",
            "-l", Path.Combine(_folder, "log"), "-w", "start");
    }

    public int Port { get; }

    /// <summary>A connection string to the maintenance database.</summary>
    public string ConnectionString(string database = "postgres") =>
        $"Host=127.0.0.1;Port={Port};Username=sanoo;Database={database};Pooling=true;Timeout=15;Command Timeout=60";

    /// <summary>Creates a fresh empty database and returns its connection string.</summary>
    public string NewDatabase()
    {
        var name = $"t{Guid.NewGuid():N}";
        RunAsPostgres(
            Path.Combine(_bin, "psql"),
            "-h", "127.0.0.1",
            "-p", Port.ToString(System.Globalization.CultureInfo.InvariantCulture),
            "-U", "sanoo",
            "-d", "postgres",
            "-q",
            "-c", $"CREATE DATABASE {name}");
        return ConnectionString(name);
    }

    /// <summary>Stops the server (fast shutdown), e.g. to test a lost connection.</summary>
    public void Stop() => RunAsPostgres(Path.Combine(_bin, "pg_ctl"), "-D", Path.Combine(_folder, "data"), "-m", "fast", "-w", "stop");

    /// <summary>Starts the stopped server again on the same port.</summary>
    public void Start() => RunAsPostgres(Path.Combine(_bin, "pg_ctl"), "-D", Path.Combine(_folder, "data"), "-o",
        $"-p {Port} -k {_folder} -c listen_addresses=127.0.0.1 -c max_connections=200", "-l", Path.Combine(_folder, "log"), "-w", "start");

    public void Dispose()
    {
        try
        {
            Stop();
        }
        catch (InvalidOperationException)
        {
            // already stopped
        }
        try
        {
            Directory.Delete(_folder, recursive: true);
        }
        catch (IOException)
        {
        }
    }

    private static string FindBinaries()
    {
        var root = "/usr/lib/postgresql";
        var version = Directory.Exists(root)
            ? Directory.GetDirectories(root)
                .Select(Path.GetFileName)
                .Where(v => int.TryParse(v, out var n) && n >= 15)
                .OrderByDescending(v => int.Parse(v!, System.Globalization.CultureInfo.InvariantCulture))
                .FirstOrDefault()
            : null;
        return version is null
            ? throw new InvalidOperationException(
                "PostgreSQL 15+ server binaries are not installed (/usr/lib/postgresql/N/bin); " +
                    "run ./test.sh, which installs Debian's postgresql package.")
            : Path.Combine(root, version, "bin");
    }

    private static void RunAsPostgres(string program, params string[] args) => RunAsRoot("runuser", ["-u", "postgres", "--", program, .. args]);

    private static void RunAsRoot(string program, params string[] args)
    {
        var start = new ProcessStartInfo(program) { RedirectStandardOutput = true, RedirectStandardError = true, WorkingDirectory = "/tmp" };
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(120_000))
        {
            process.Kill(entireProcessTree: true);
            throw new InvalidOperationException($"{program} did not finish in 2 minutes");
        }
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"{program} {string.Join(' ', args)} failed ({process.ExitCode}): {error.Result}{output.Result}");
        }
    }
}
