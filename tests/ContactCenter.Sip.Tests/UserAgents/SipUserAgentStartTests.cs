using System.Net;
using System.Net.Sockets;
using ContactCenter.Sip.Transport;
using ContactCenter.Sip.UserAgents;

namespace ContactCenter.Sip.Tests.UserAgents;

public sealed class SipUserAgentStartTests
{
    [Fact]
    public async Task Start_PortZero_ExposesBoundEphemeralPorts()
    {
        await using var ua = SipUserAgent.Start(new SipUserAgentOptions
        {
            Transport = new SipTransportOptions { UdpEndPoint = new IPEndPoint(IPAddress.Loopback, 0), TcpEndPoint = new IPEndPoint(IPAddress.Loopback, 0) },
        });

        Assert.NotEqual(0, ua.UdpEndPoint!.Port);
        Assert.NotEqual(0, ua.TcpEndPoint!.Port);
        Assert.Equal(IPAddress.Loopback, ua.UdpEndPoint.Address);
        Assert.Null(ua.Registrar);
    }

    [Fact]
    public async Task Start_PortInUse_ThrowsSocketException()
    {
        await using var first = SipUserAgent.Start(new SipUserAgentOptions { Transport = { UdpEndPoint = new IPEndPoint(IPAddress.Loopback, 0) } });

        Assert.Throws<SocketException>(() => SipUserAgent.Start(new SipUserAgentOptions { Transport = { UdpEndPoint = first.UdpEndPoint } }));
    }

    [Fact]
    public void Start_InvalidOptions_ListsEveryProblem()
    {
        var exception = Assert.Throws<ArgumentException>(() => SipUserAgent.Start(new SipUserAgentOptions
        {
            Transport = { UdpEndPoint = null, TcpEndPoint = null, MaxMessageSize = 10, MaxMessagesPerSecondPerSource = -1 },
            DefaultUser = " ",
        }));

        Assert.Contains("UdpEndPoint", exception.Message, StringComparison.Ordinal);
        Assert.Contains("MaxMessageSize", exception.Message, StringComparison.Ordinal);
        Assert.Contains("MaxMessagesPerSecondPerSource", exception.Message, StringComparison.Ordinal);
        Assert.Contains("DefaultUser", exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Start_InvalidTcpTimeouts_BothListed()
    {
        var exception = Assert.Throws<ArgumentException>(() => SipUserAgent.Start(new SipUserAgentOptions
        {
            Transport = { TcpIdleTimeout = TimeSpan.FromMilliseconds(10), TcpMessageTimeout = TimeSpan.FromMinutes(1) },
        }));

        Assert.Contains("SipUserAgentOptions:Transport:TcpIdleTimeout: section 'SipUserAgentOptions', item 'Transport', option 'TcpIdleTimeout': 00:00:00.0100000 is too short; allowed: 1 second or more.", exception.Message, StringComparison.Ordinal);
        Assert.Contains("SipUserAgentOptions:Transport:TcpMessageTimeout: section 'SipUserAgentOptions', item 'Transport', option 'TcpMessageTimeout': 00:01:00 is out of range; allowed: 1 second to TcpIdleTimeout (00:00:00.0100000).", exception.Message, StringComparison.Ordinal);
    }
}
