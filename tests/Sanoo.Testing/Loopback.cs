using System.Net;
using System.Net.Sockets;

namespace Sanoo.Testing;

/// <summary>Ports on 127.0.0.1 for servers the tests start themselves.</summary>
public static class Loopback
{
    /// <summary>A port free on 127.0.0.1 at the moment of asking.</summary>
    public static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    /// <summary>Waits until something accepts connections on <paramref name="port"/>, or fails after <paramref name="timeout"/>.</summary>
    public static async Task WaitForListenerAsync(int port, TimeSpan timeout, Func<string> whyNot)
    {
        var clock = System.Diagnostics.Stopwatch.StartNew();
        while (true)
        {
            try
            {
                using var client = new TcpClient();
                await client.ConnectAsync(IPAddress.Loopback, port);
                return;
            }
            catch (SocketException) when (clock.Elapsed < timeout)
            {
                await Task.Delay(50);
            }
            catch (SocketException e)
            {
                throw new InvalidOperationException($"nothing listens on 127.0.0.1:{port} after {timeout.TotalSeconds} s: {whyNot()}", e);
            }
        }
    }
}
