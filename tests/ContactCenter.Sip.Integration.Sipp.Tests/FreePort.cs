using System.Net;
using System.Net.Sockets;

namespace ContactCenter.Sip.Integration.Sipp.Tests;

/// <summary>A port free on 127.0.0.1 for both UDP and TCP right now (the OS picks; a tiny race remains until sipp binds it).</summary>
internal static class FreePort
{
    public static int Next()
    {
        for (var attempt = 0; attempt < 20; attempt++)
        {
            using var udp = new Socket(AddressFamily.InterNetwork, SocketType.Dgram, ProtocolType.Udp);
            udp.Bind(new IPEndPoint(IPAddress.Loopback, 0));
            var port = ((IPEndPoint)udp.LocalEndPoint!).Port;
            try
            {
                using var tcp = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
                tcp.Bind(new IPEndPoint(IPAddress.Loopback, port));
                return port;
            }
            catch (SocketException)
            {
            }
        }

        throw new InvalidOperationException("No free port on 127.0.0.1.");
    }
}
