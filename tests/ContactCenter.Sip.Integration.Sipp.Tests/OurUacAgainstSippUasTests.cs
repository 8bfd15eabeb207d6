using System.Collections.Concurrent;
using System.Globalization;
using ContactCenter.Sip.Dialogs;
using ContactCenter.Sip.Messages;
using ContactCenter.Sip.Transport;
using ContactCenter.Sip.UserAgents;

namespace ContactCenter.Sip.Integration.Sipp.Tests;

/// <summary>Our user agent client places calls to sipp acting as the server.</summary>
public sealed class OurUacAgainstSippUasTests
{
    private static readonly TimeSpan Limit = TimeSpan.FromSeconds(40);

    [Fact]
    public async Task OurUac_AgainstBuiltInUas_CallsAnsweredAndHungUpByUs()
    {
        Assert.SkipUnless(SippProcess.IsAvailable, "sipp (Debian package sip-tester) is not installed.");
        var diagnostics = new ConcurrentQueue<SipDiagnostic>();
        await using var ua = TestAgent.Start(null, diagnostics);
        var port = FreePort.Next().ToString(CultureInfo.InvariantCulture);
        using var sipp = SippProcess.Start("-sn", "uas", "-i", "127.0.0.1", "-p", port, "-m", "3", "-timeout", "25", "-timeout_error");
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(25));

        for (var i = 0; i < 3; i++)
        {
            var result = await ua.DialAsync(SipUri.Parse($"sip:service@127.0.0.1:{port}"), TestAgent.Sdp, null, timeout.Token);
            Assert.True(result.IsAnswered, $"call {i}: {result}\n{TestAgent.Describe(sipp, diagnostics)}");
            Assert.NotNull(result.Call.RemoteSdp);
            Assert.Equal(200, await result.Call.HangupAsync(timeout.Token));
            Assert.Equal(SipCallEndReason.LocalHangup, await result.Call.Ended);
        }

        var exit = await sipp.WaitAsync(Limit);
        Assert.True(exit == 0, $"sipp exited {exit}.\n{TestAgent.Describe(sipp, diagnostics)}");
    }

    [Fact]
    public async Task OurUac_CancelsWhileSippRings_Gets487()
    {
        Assert.SkipUnless(SippProcess.IsAvailable, "sipp (Debian package sip-tester) is not installed.");
        var diagnostics = new ConcurrentQueue<SipDiagnostic>();
        await using var ua = TestAgent.Start(null, diagnostics);
        var port = FreePort.Next().ToString(CultureInfo.InvariantCulture);
        using var sipp = SippProcess.Start("-sf", SippProcess.Scenario("uas_wait_cancel.xml"), "-i", "127.0.0.1", "-p", port, "-m", "1", "-timeout", "20", "-timeout_error");
        using var cancel = new CancellationTokenSource(TimeSpan.FromSeconds(25));
        var ringing = 0;

        var result = await ua.DialAsync(
            SipUri.Parse($"sip:service@127.0.0.1:{port}"),
            TestAgent.Sdp,
            new SipDialOptions
            {
                Progress = response =>
                {
                    if (response.StatusCode == 180)
                    {
                        Interlocked.Increment(ref ringing);
                        cancel.Cancel();
                    }
                },
            },
            cancel.Token);

        Assert.Equal(487, result.StatusCode);
        Assert.False(result.IsAnswered);
        Assert.Equal(1, ringing);
        var exit = await sipp.WaitAsync(Limit);
        Assert.True(exit == 0, $"sipp exited {exit}.\n{TestAgent.Describe(sipp, diagnostics)}");
    }

    [Fact]
    public async Task SippUasHangsUp_OurCallEndsWithRemoteHangup()
    {
        Assert.SkipUnless(SippProcess.IsAvailable, "sipp (Debian package sip-tester) is not installed.");
        var diagnostics = new ConcurrentQueue<SipDiagnostic>();
        await using var ua = TestAgent.Start(null, diagnostics);
        var port = FreePort.Next().ToString(CultureInfo.InvariantCulture);
        using var sipp = SippProcess.Start("-sf", SippProcess.Scenario("uas_send_bye.xml"), "-i", "127.0.0.1", "-p", port, "-m", "1", "-timeout", "20", "-timeout_error");
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(25));

        var result = await ua.DialAsync(SipUri.Parse($"sip:service@127.0.0.1:{port}"), TestAgent.Sdp, null, timeout.Token);

        Assert.True(result.IsAnswered, $"{result}\n{TestAgent.Describe(sipp, diagnostics)}");
        Assert.Equal(SipCallEndReason.RemoteHangup, await result.Call.Ended.WaitAsync(TimeSpan.FromSeconds(15)));
        var exit = await sipp.WaitAsync(Limit);
        Assert.True(exit == 0, $"sipp exited {exit}.\n{TestAgent.Describe(sipp, diagnostics)}");
    }
}
