using System.Net;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using ContactCenter.Sip.Dialogs;
using ContactCenter.Sip.Messages;
using ContactCenter.Sip.Sdp;
using ContactCenter.Sip.Transport;
using ContactCenter.Sip.UserAgents;

namespace ContactCenter.Sip.Tests.UserAgents;

/// <summary>
/// Two of our user agents on loopback sockets, negotiating with the SDP model: a whole call with hold/resume,
/// DTMF, a transfer request and hang-up, over UDP, TCP and TLS. Waits are on real events with timeouts.
/// </summary>
public sealed class LoopbackCallTests
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(30);
    private static readonly SdpLocalMedia CallerMedia = new() { Address = "127.0.0.1", AudioPort = 40000, SessionId = 1 };
    private static readonly SdpLocalMedia CalleeMedia = new() { Address = "127.0.0.1", AudioPort = 42000, SessionId = 2 };

    private static readonly X509Certificate2 Certificate = CreateCertificate();

    private static SipUserAgent Start(Func<SipIncomingCall, Task>? incoming) => SipUserAgent.Start(new SipUserAgentOptions
    {
        Transport = new SipTransportOptions
        {
            UdpEndPoint = new IPEndPoint(IPAddress.Loopback, 0),
            TcpEndPoint = new IPEndPoint(IPAddress.Loopback, 0),
            TlsEndPoint = new IPEndPoint(IPAddress.Loopback, 0),
            TlsCertificate = Certificate,

            // The test certificate is self-signed: trust exactly it.
            TlsRemoteCertificateValidation = (_, certificate, _, _) => certificate?.GetCertHashString() == Certificate.GetCertHashString(),
        },
        IncomingCall = incoming,
    });

    private static X509Certificate2 CreateCertificate()
    {
        using var key = RSA.Create(2048);
        var request = new CertificateRequest("CN=localhost", key, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        var names = new SubjectAlternativeNameBuilder();
        names.AddIpAddress(IPAddress.Loopback);
        names.AddDnsName("localhost");
        request.CertificateExtensions.Add(names.Build());
        using var certificate = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddMinutes(-5), DateTimeOffset.UtcNow.AddHours(1));
        return X509CertificateLoader.LoadPkcs12(certificate.Export(X509ContentType.Pkcs12), null);
    }

    [Theory]
    [InlineData(SipTransportProtocol.Udp)]
    [InlineData(SipTransportProtocol.Tcp)]
    [InlineData(SipTransportProtocol.Tls)]
    public async Task Call_HoldResumeDtmfTransferHangup_BothSidesAgree(SipTransportProtocol protocol)
    {
        var calleeCall = new TaskCompletionSource<SipCall>(TaskCreationOptions.RunContinuationsAsynchronously);
        var digit = new TaskCompletionSource<char>(TaskCreationOptions.RunContinuationsAsynchronously);
        var transferTarget = new TaskCompletionSource<SipUri>(TaskCreationOptions.RunContinuationsAsynchronously);
        await using var callee = Start(call =>
        {
            call.Ring();
            Assert.True(call.Offer!.Value.TryGetSdp(out var offer));
            var answer = SdpNegotiator.CreateAnswer(offer, CalleeMedia);
            Assert.True(answer.IsSuccess, answer.Error);
            if (call.TryAccept(SipBody.Sdp(answer.Answer!), out var established))
            {
                established.ReinviteReceived += (_, e) =>
                {
                    Assert.True(e.Offer!.Value.TryGetSdp(out var reoffer));
                    e.Answer = SipBody.Sdp(SdpNegotiator.CreateAnswer(reoffer, CalleeMedia).Answer!);
                };
                established.DtmfReceived += (_, e) => digit.TrySetResult(e.Digit);
                established.TransferRequested += (_, e) =>
                {
                    e.Accept = true;
                    transferTarget.TrySetResult(e.Target);
                };
                calleeCall.TrySetResult(established);
            }

            return Task.CompletedTask;
        });
        await using var caller = Start(null);
        var (endPoint, parameter) = protocol switch
        {
            SipTransportProtocol.Udp => (callee.UdpEndPoint!, string.Empty),
            SipTransportProtocol.Tcp => (callee.TcpEndPoint!, ";transport=tcp"),
            _ => (callee.TlsEndPoint!, ";transport=tls"),
        };
        var target = SipUri.Parse($"sip:agent@127.0.0.1:{endPoint.Port}{parameter}");
        var offer = SdpNegotiator.CreateOffer(CallerMedia);
        var provisional = new System.Collections.Concurrent.ConcurrentQueue<int>();

        var result = await caller.DialAsync(target, SipBody.Sdp(offer), new SipDialOptions { Progress = r => provisional.Enqueue(r.StatusCode) }).WaitAsync(Wait);

        Assert.True(result.IsAnswered, result.ToString());
        if (protocol != SipTransportProtocol.Udp)
        {
            // On UDP the 180 may legitimately arrive after the 200 (datagrams are handled on several loops) and is then absorbed.
            Assert.Contains(180, provisional);
        }
        var call = result.Call;
        var answered = await calleeCall.Task.WaitAsync(Wait);
        await answered.Confirmed.WaitAsync(Wait);
        Assert.True(call.RemoteSdp!.Value.TryGetSdp(out var answerSdp));
        var negotiated = SdpNegotiator.ProcessAnswer(offer, answerSdp);
        Assert.True(negotiated.IsSuccess, negotiated.Error);
        Assert.Equal(42000, negotiated.RemotePort);

        var hold = SdpNegotiator.CreateOffer(new SdpLocalMedia { Address = "127.0.0.1", AudioPort = 40000, SessionId = 1, SessionVersion = 2, Direction = SdpDirection.SendOnly });
        Assert.Equal(200, (await call.ReinviteAsync(SipBody.Sdp(hold)).WaitAsync(Wait)).StatusCode);
        Assert.True(call.RemoteSdp!.Value.TryGetSdp(out var held));
        Assert.Equal(SdpDirection.RecvOnly, held.GetDirection(held.Media[0]));

        var resume = SdpNegotiator.CreateOffer(new SdpLocalMedia { Address = "127.0.0.1", AudioPort = 40000, SessionId = 1, SessionVersion = 3 });
        Assert.Equal(200, (await call.ReinviteAsync(SipBody.Sdp(resume)).WaitAsync(Wait)).StatusCode);
        Assert.True(call.RemoteSdp!.Value.TryGetSdp(out var resumed));
        Assert.Equal(SdpDirection.SendRecv, resumed.GetDirection(resumed.Media[0]));

        Assert.Equal(200, await call.SendDtmfAsync('9').WaitAsync(Wait));
        Assert.Equal('9', await digit.Task.WaitAsync(Wait));

        Assert.Equal(202, await call.TransferAsync(SipUri.Parse("sip:queue@127.0.0.1")).WaitAsync(Wait));
        Assert.Equal("sip:queue@127.0.0.1", (await transferTarget.Task.WaitAsync(Wait)).ToString());

        Assert.Equal(200, await call.HangupAsync().WaitAsync(Wait));
        Assert.Equal(SipCallEndReason.RemoteHangup, await answered.Ended.WaitAsync(Wait));
        Assert.Equal(0, caller.ActiveCalls);
        Assert.Equal(0, callee.ActiveCalls);
    }

    [Fact]
    public async Task Tls_PlainTextClient_ClosedAndListenerKeepsServing()
    {
        await using var server = Start(null);
        await using var client = Start(null);
        using (var plain = new System.Net.Sockets.TcpClient())
        {
            await plain.ConnectAsync(server.TlsEndPoint!);
            var stream = plain.GetStream();
            await stream.WriteAsync("OPTIONS sip:x@127.0.0.1 SIP/2.0\r\n\r\n"u8.ToArray());
            using var timeout = new CancellationTokenSource(Wait);
            try
            {
                while (await stream.ReadAsync(new byte[512], timeout.Token) > 0)
                {
                }
            }
            catch (IOException)
            {
                // Reset by the server: as good as closed.
            }
        }

        var response = await client.SendOptionsAsync(SipUri.Parse($"sip:127.0.0.1:{server.TlsEndPoint!.Port};transport=tls")).WaitAsync(Wait);

        Assert.Equal(200, response.StatusCode);
    }

    [Fact]
    public async Task Register_WithUpstreamRegistrar_ChallengedBoundRefreshedRemoved()
    {
        await using var pbx = SipUserAgent.Start(new SipUserAgentOptions
        {
            Transport = { UdpEndPoint = new IPEndPoint(IPAddress.Loopback, 0) },
            Registrar = new ContactCenter.Sip.Registrar.SipRegistrarOptions { Realm = "pbx", PasswordLookup = u => u == "trunk1" ? "pw" : null },
        });
        await using var agent = Start(null);
        var registrar = SipUri.Parse($"sip:127.0.0.1:{pbx.UdpEndPoint!.Port}");
        var credentials = new NetworkCredential("trunk1", "pw");

        var first = await agent.RegisterAsync(registrar, "trunk1", credentials, TimeSpan.FromMinutes(10)).WaitAsync(Wait);
        var refresh = await agent.RegisterAsync(registrar, "trunk1", credentials, TimeSpan.FromMinutes(10)).WaitAsync(Wait);

        Assert.Equal(200, first.StatusCode);
        Assert.Equal(200, refresh.StatusCode);
        Assert.Equal(first.CallId, refresh.CallId);
        Assert.True(refresh.CSeq.Sequence > first.CSeq.Sequence);
        var binding = Assert.Single(pbx.Registrar!.GetRegistrations("trunk1"));
        Assert.Equal(agent.UdpEndPoint!.Port, binding.Contact.Port);
        Assert.Equal("trunk1", binding.Contact.User);

        Assert.Equal(200, (await agent.RegisterAsync(registrar, "trunk1", credentials, TimeSpan.Zero).WaitAsync(Wait)).StatusCode);
        Assert.Empty(pbx.Registrar.GetRegistrations("trunk1"));
        Assert.Equal(401, (await agent.RegisterAsync(registrar, "trunk1", new NetworkCredential("trunk1", "wrong")).WaitAsync(Wait)).StatusCode);
    }

    [Fact]
    public async Task Options_ToOtherAgent_200()
    {
        await using var a = Start(null);
        await using var b = Start(null);

        var response = await a.SendOptionsAsync(SipUri.Parse($"sip:127.0.0.1:{b.UdpEndPoint!.Port}")).WaitAsync(Wait);

        Assert.Equal(200, response.StatusCode);
        Assert.Contains("REFER", response.Headers.GetFirst(SipHeaderNames.Allow), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Dial_Rejected_StatusReturned()
    {
        await using var callee = Start(call =>
        {
            call.Reject(603);
            return Task.CompletedTask;
        });
        await using var caller = Start(null);

        var result = await caller.DialAsync(SipUri.Parse($"sip:x@127.0.0.1:{callee.UdpEndPoint!.Port}"), null).WaitAsync(Wait);

        Assert.Equal(603, result.StatusCode);
        Assert.False(result.IsAnswered);
    }
}
