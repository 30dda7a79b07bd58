using System.Diagnostics;

namespace Sanoo.Testing;

/// <summary>
/// Debian's nginx serving a folder on a free loopback port, as a CDN origin would serve a
/// published site: its own configuration, pid file and logs in a temporary folder.
/// </summary>
public sealed class NginxServer : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("sanoo-nginx-").FullName;
    private readonly Process _process;

    private NginxServer(string root)
    {
        Port = Loopback.FreePort();
        var user = Environment.UserName == "root" ? "user root;" : "";
        File.WriteAllText(Path.Combine(_folder, "nginx.conf"), $$"""
            {{user}}
            worker_processes 1;
            daemon off;
            pid {{_folder}}/nginx.pid;
            error_log {{_folder}}/error.log warn;
            events { worker_connections 256; }
            http {
              types { text/html html; text/csv csv; application/json json; text/css css; text/javascript js; image/png png; }
              default_type application/octet-stream;
              charset utf-8;
              charset_types text/csv application/json;
              access_log off;
              client_body_temp_path {{_folder}}/body;
              proxy_temp_path {{_folder}}/proxy;
              fastcgi_temp_path {{_folder}}/fastcgi;
              uwsgi_temp_path {{_folder}}/uwsgi;
              scgi_temp_path {{_folder}}/scgi;
              server {
                listen 127.0.0.1:{{Port}};
                root {{root}};
                index index.html;
              }
            }
            """);
        _process = Process.Start(new ProcessStartInfo("/usr/sbin/nginx", ["-p", _folder, "-c", Path.Combine(_folder, "nginx.conf")])
            {
                RedirectStandardError = true,
                RedirectStandardOutput = true,
            })
            ?? throw new InvalidOperationException("cannot start /usr/sbin/nginx");
    }

    /// <summary>The port nginx listens on.</summary>
    public int Port { get; }

    /// <summary>The server's address.</summary>
    public Uri Address => new($"http://127.0.0.1:{Port}/");

    /// <summary>Starts nginx serving <paramref name="root"/> and waits until it accepts connections.</summary>
    public static async Task<NginxServer> StartAsync(string root)
    {
        var server = new NginxServer(root);
        await Loopback.WaitForListenerAsync(server.Port, TimeSpan.FromSeconds(10), server.ErrorLog);
        return server;
    }

    private string ErrorLog()
    {
        var log = Path.Combine(_folder, "error.log");
        return _process.HasExited
            ? $"nginx exited with {_process.ExitCode}: {_process.StandardError.ReadToEnd()}"
            : File.Exists(log) ? File.ReadAllText(log) : "no error log";
    }

    public void Dispose()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            _process.WaitForExit();
        }
        _process.Dispose();
        Directory.Delete(_folder, recursive: true);
    }
}
