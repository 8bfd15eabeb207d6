using System.Collections.Concurrent;
using System.Globalization;
using ContactCenter.Sip.Dialogs;
using ContactCenter.Sip.Transport;
using ContactCenter.Sip.UserAgents;

namespace ContactCenter.Sip.Integration.Sipp.Tests;

/// <summary>sipp places calls; our user agent server answers them.</summary>
public sealed class SippUacAgainstOurUasTests
{
    private static readonly TimeSpan Limit = TimeSpan.FromSeconds(40);

    [Fact]
    public async Task BuiltInUac_AgainstOurUas_AllCallsSucceed()
    {
        Assert.SkipUnless(SippProcess.IsAvailable, "sipp (Debian package sip-tester) is not installed.");
        var diagnostics = new ConcurrentQueue<SipDiagnostic>();
        var remoteHangups = 0;
        await using var ua = TestAgent.Start(
            call =>
            {
                call.Ring();
                if (call.TryAccept(TestAgent.Sdp, out var established))
                {
                    established.Ended.ContinueWith(t => { if (t.Result == SipCallEndReason.RemoteHangup) { Interlocked.Increment(ref remoteHangups); } }, TaskScheduler.Default);
                }

                return Task.CompletedTask;
            },
            diagnostics);

        using var sipp = SippProcess.Start(
            "-sn", "uac", $"127.0.0.1:{TestAgent.Port(ua.UdpEndPoint)}", "-i", "127.0.0.1", "-p", FreePort.Next().ToString(CultureInfo.InvariantCulture),
            "-m", "30", "-r", "15", "-timeout", "25", "-timeout_error");
        var exit = await sipp.WaitAsync(Limit);

        Assert.True(exit == 0, $"sipp exited {exit}.\n{TestAgent.Describe(sipp, diagnostics)}");
        Assert.Equal(30, Volatile.Read(ref remoteHangups));
        Assert.Equal(0, ua.ActiveCalls);
    }

    [Fact]
    public async Task BuiltInUacOverTcp_AgainstOurUas_AllCallsSucceed()
    {
        Assert.SkipUnless(SippProcess.IsAvailable, "sipp (Debian package sip-tester) is not installed.");
        var diagnostics = new ConcurrentQueue<SipDiagnostic>();
        await using var ua = TestAgent.Start(
            call =>
            {
                call.Ring();
                call.TryAccept(TestAgent.Sdp, out _);
                return Task.CompletedTask;
            },
            diagnostics);

        using var sipp = SippProcess.Start(
            "-sn", "uac", "-t", "t1", $"127.0.0.1:{TestAgent.Port(ua.TcpEndPoint)}", "-i", "127.0.0.1", "-p", FreePort.Next().ToString(CultureInfo.InvariantCulture),
            "-m", "20", "-r", "20", "-timeout", "20", "-timeout_error");
        var exit = await sipp.WaitAsync(Limit);

        Assert.True(exit == 0, $"sipp exited {exit}.\n{TestAgent.Describe(sipp, diagnostics)}");
    }

    [Fact]
    public async Task BuiltInUac_WithTenPercentPacketLoss_RetransmissionsCompleteEveryCall()
    {
        Assert.SkipUnless(SippProcess.IsAvailable, "sipp (Debian package sip-tester) is not installed.");
        var diagnostics = new ConcurrentQueue<SipDiagnostic>();
        await using var ua = TestAgent.Start(
            call =>
            {
                call.TryAccept(TestAgent.Sdp, out _);
                return Task.CompletedTask;
            },
            diagnostics);

        // sipp drops 10 % of what it sends and receives; INVITE, 200, ACK, BYE and its 200 must all be recovered.
        using var sipp = SippProcess.Start(
            "-sn", "uac", $"127.0.0.1:{TestAgent.Port(ua.UdpEndPoint)}", "-i", "127.0.0.1", "-p", FreePort.Next().ToString(CultureInfo.InvariantCulture),
            "-m", "20", "-r", "10", "-lost", "10", "-timeout", "30", "-timeout_error");
        var exit = await sipp.WaitAsync(Limit);

        Assert.True(exit == 0, $"sipp exited {exit}.\n{TestAgent.Describe(sipp, diagnostics)}");
    }

    [Fact]
    public async Task UacCancelsWhileRinging_OurUasAnswers487AndSignalsCancelled()
    {
        Assert.SkipUnless(SippProcess.IsAvailable, "sipp (Debian package sip-tester) is not installed.");
        var diagnostics = new ConcurrentQueue<SipDiagnostic>();
        var cancelled = 0;
        await using var ua = TestAgent.Start(
            call =>
            {
                call.Cancelled.Register(() => Interlocked.Increment(ref cancelled));
                call.Ring();
                return Task.CompletedTask;
            },
            diagnostics);

        using var sipp = SippProcess.Start(
            "-sf", SippProcess.Scenario("uac_cancel.xml"), $"127.0.0.1:{TestAgent.Port(ua.UdpEndPoint)}", "-i", "127.0.0.1",
            "-p", FreePort.Next().ToString(CultureInfo.InvariantCulture), "-m", "5", "-r", "5", "-timeout", "20", "-timeout_error");
        var exit = await sipp.WaitAsync(Limit);

        Assert.True(exit == 0, $"sipp exited {exit}.\n{TestAgent.Describe(sipp, diagnostics)}");
        Assert.Equal(5, Volatile.Read(ref cancelled));
    }

    [Fact]
    public async Task OurUasHangsUp_SippReceivesBye()
    {
        Assert.SkipUnless(SippProcess.IsAvailable, "sipp (Debian package sip-tester) is not installed.");
        var diagnostics = new ConcurrentQueue<SipDiagnostic>();
        var byeAnswers = new ConcurrentBag<int>();
        await using var ua = TestAgent.Start(
            async call =>
            {
                if (call.TryAccept(TestAgent.Sdp, out var established))
                {
                    await established.Confirmed.WaitAsync(TimeSpan.FromSeconds(10));
                    byeAnswers.Add(await established.HangupAsync());
                }
            },
            diagnostics);

        using var sipp = SippProcess.Start(
            "-sf", SippProcess.Scenario("uac_wait_bye.xml"), $"127.0.0.1:{TestAgent.Port(ua.UdpEndPoint)}", "-i", "127.0.0.1",
            "-p", FreePort.Next().ToString(CultureInfo.InvariantCulture), "-m", "5", "-r", "5", "-timeout", "20", "-timeout_error");
        var exit = await sipp.WaitAsync(Limit);

        Assert.True(exit == 0, $"sipp exited {exit}.\n{TestAgent.Describe(sipp, diagnostics)}");
        Assert.Equal(Enumerable.Repeat(200, 5), byeAnswers);
    }

    [Fact]
    public async Task UacLateOffer_AnswerInAck_BecomesRemoteSdp()
    {
        Assert.SkipUnless(SippProcess.IsAvailable, "sipp (Debian package sip-tester) is not installed.");
        var diagnostics = new ConcurrentQueue<SipDiagnostic>();
        var answers = new ConcurrentBag<string>();
        await using var ua = TestAgent.Start(
            async call =>
            {
                Assert.Null(call.Offer);
                if (call.TryAccept(TestAgent.Sdp, out var established))
                {
                    await established.Confirmed.WaitAsync(TimeSpan.FromSeconds(10));
                    answers.Add(established.RemoteSdp?.Text ?? string.Empty);
                    await established.HangupAsync();
                }
            },
            diagnostics);

        using var sipp = SippProcess.Start(
            "-sf", SippProcess.Scenario("uac_late_offer.xml"), $"127.0.0.1:{TestAgent.Port(ua.UdpEndPoint)}", "-i", "127.0.0.1",
            "-p", FreePort.Next().ToString(CultureInfo.InvariantCulture), "-m", "3", "-r", "3", "-timeout", "20", "-timeout_error");
        var exit = await sipp.WaitAsync(Limit);

        Assert.True(exit == 0, $"sipp exited {exit}.\n{TestAgent.Describe(sipp, diagnostics)}");
        Assert.Equal(3, answers.Count);
        Assert.All(answers, answer => Assert.Contains("o=sipp", answer, StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("u1")]
    [InlineData("t1")]
    public async Task UacByeInEarlyDialog_200AndInvite487AtOnce(string transport)
    {
        Assert.SkipUnless(SippProcess.IsAvailable, "sipp (Debian package sip-tester) is not installed.");
        var diagnostics = new ConcurrentQueue<SipDiagnostic>();
        var cancelled = 0;
        await using var ua = TestAgent.Start(
            call =>
            {
                call.Cancelled.Register(() => Interlocked.Increment(ref cancelled));
                call.Ring();
                return Task.CompletedTask;
            },
            diagnostics);

        using var sipp = SippProcess.Start(
            "-sf", SippProcess.Scenario("uac_early_bye.xml"), "-t", transport,
            $"127.0.0.1:{TestAgent.Port(transport == "t1" ? ua.TcpEndPoint : ua.UdpEndPoint)}", "-i", "127.0.0.1",
            "-p", FreePort.Next().ToString(CultureInfo.InvariantCulture), "-m", "5", "-r", "5", "-timeout", "20", "-timeout_error");
        var exit = await sipp.WaitAsync(Limit);

        Assert.True(exit == 0, $"sipp exited {exit}.\n{TestAgent.Describe(sipp, diagnostics)}");
        Assert.Equal(5, Volatile.Read(ref cancelled));
    }

    [Fact]
    public async Task OurUasHangsUpOverTcp_ByeReachesSippsContact()
    {
        Assert.SkipUnless(SippProcess.IsAvailable, "sipp (Debian package sip-tester) is not installed.");
        var diagnostics = new ConcurrentQueue<SipDiagnostic>();
        var byeAnswers = new ConcurrentBag<int>();
        await using var ua = TestAgent.Start(
            async call =>
            {
                if (call.TryAccept(TestAgent.Sdp, out var established))
                {
                    await established.Confirmed.WaitAsync(TimeSpan.FromSeconds(10));
                    byeAnswers.Add(await established.HangupAsync());
                }
            },
            diagnostics);

        using var sipp = SippProcess.Start(
            "-sf", SippProcess.Scenario("uac_wait_bye.xml"), "-t", "t1", $"127.0.0.1:{TestAgent.Port(ua.TcpEndPoint)}", "-i", "127.0.0.1",
            "-p", FreePort.Next().ToString(CultureInfo.InvariantCulture), "-m", "3", "-r", "3", "-timeout", "20", "-timeout_error");
        var exit = await sipp.WaitAsync(Limit);

        Assert.True(exit == 0, $"sipp exited {exit}.\n{TestAgent.Describe(sipp, diagnostics)}");
        Assert.Equal(Enumerable.Repeat(200, 3), byeAnswers);
    }
}
