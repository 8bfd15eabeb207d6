using System.Collections.Concurrent;
using System.Net;
using ContactCenter.Media.Bridge;
using ContactCenter.Media.Codecs;
using ContactCenter.Media.Dtmf;
using ContactCenter.Media.Jitter;
using ContactCenter.Media.Playback;
using ContactCenter.Media.Rtp;
using ContactCenter.Media.Wav;
using Microsoft.Extensions.Time.Testing;

namespace ContactCenter.Media.Tests;

/// <summary>Real UDP on 127.0.0.1; the clock is driven by hand (each OnTick is one 20 ms frame) on a fake clock.</summary>
public sealed class RtpSessionLoopbackTests : IAsyncLifetime
{
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 12, 2, 12, 0, 0, TimeSpan.Zero));
    private readonly List<RtpSession> _sessions = [];

    public ValueTask InitializeAsync() => ValueTask.CompletedTask;

    public async ValueTask DisposeAsync()
    {
        foreach (var session in _sessions)
        {
            await session.DisposeAsync();
        }
    }

    // The tests send a whole prompt before reading it: the jitter buffer is as deep as the prompt so that it does
    // not drop frames to catch up (as it would for a burst in a live call).
    private RtpSession Open(AudioCodec codec = AudioCodec.Pcmu, bool comfortNoise = false)
    {
        var session = new RtpSession(
            new RtpSessionOptions
            {
                LocalEndPoint = new IPEndPoint(IPAddress.Loopback, 0),
                Codec = codec,
                ComfortNoise = comfortNoise,
                Jitter = new JitterBufferOptions { InitialDepth = 10, MaxDepth = 12 },
            },
            _time);
        _sessions.Add(session);
        session.Start();
        return session;
    }

    private (RtpSession A, RtpSession B) Pair(AudioCodec codecA = AudioCodec.Pcmu, AudioCodec codecB = AudioCodec.Pcmu)
    {
        var a = Open(codecA);
        var b = Open(codecB);
        a.SetRemote(b.LocalRtpEndPoint);
        b.SetRemote(a.LocalRtpEndPoint);
        return (a, b);
    }

    private static short[] Coded(AudioCodec codec, short[] samples)
    {
        var codes = new byte[samples.Length];
        var decoded = new short[samples.Length];
        G711.Encode(codec, samples, codes);
        G711.Decode(codec, codes, decoded);
        return decoded;
    }

    [Fact]
    public void Constructor_PortZero_BindsEvenRtpPortAndRtcpOnNext()
    {
        var session = Open();
        Assert.Equal(0, session.LocalRtpEndPoint.Port % 2);
        Assert.Equal(session.LocalRtpEndPoint.Port + 1, session.LocalRtcpEndPoint.Port);
    }

    [Fact]
    public void OnTick_PlayedWavPrompt_ReceiverDecodesSameSamples()
    {
        var (a, b) = Pair();
        var tone = WavTests.Tone(10 * 160);
        using var file = new MemoryStream();
        WavFile.Write(file, tone);
        var player = new PromptPlayer();
        player.Enqueue(WavFile.Read(file.ToArray()));
        a.Source = player;
        var firstSequence = a.NextSequenceNumber;
        var firstTimestamp = a.NextTimestamp;

        for (var tick = 1; tick <= 10; tick++)
        {
            a.OnTick(tick);
        }

        Assert.Equal((ushort)(firstSequence + 10), a.NextSequenceNumber);
        Assert.Equal(firstTimestamp + (10 * 160), a.NextTimestamp);
        Wait.Until(() => b.JitterBuffer.Statistics.Depth == 10, "10 frames buffered at B");
        var received = new short[10 * 160];
        for (var i = 0; i < 10; i++)
        {
            Assert.Equal(JitterReadResult.Frame, b.ReadFrame(received.AsSpan(i * 160, 160)));
        }

        Assert.Equal(Coded(AudioCodec.Pcmu, tone), received);
        Assert.Equal(0, b.Statistics.PacketsLost);
    }

    [Fact]
    public void SendDigits_ThreeDigits_ReceiverGetsEachOnce()
    {
        var (a, b) = Pair();
        var digits = new ConcurrentQueue<DtmfDigit>();
        b.DigitReceived += (_, e) => digits.Enqueue(e.Digit);

        a.SendDigits("15#");
        var tick = 0;
        while (a.IsSendingDigits)
        {
            a.OnTick(++tick);
        }

        a.OnTick(++tick);
        var sent = a.Statistics.PacketsSent;
        Wait.Until(() => b.Statistics.PacketsReceived == sent, "every packet at B");

        Assert.Equal("15#", string.Concat(digits.Select(d => d.Digit)));
        Assert.All(digits, d =>
        {
            Assert.True(d.EndSeen);
            Assert.Equal(TimeSpan.FromMilliseconds(100), d.Duration);
        });
    }

    [Fact]
    public void OnTick_FiveSecondsOfMedia_ExchangesSenderAndReceiverReports()
    {
        var (a, b) = Pair();
        for (var tick = 1; tick < 250; tick++)
        {
            a.OnTick(tick);
            b.OnTick(tick);
            _time.Advance(MediaClock.FrameDuration);
        }

        // Reception is asynchronous: let both sides take in the media before tick 250 sends the reports.
        Wait.Until(() => a.Statistics.PacketsReceived == 249 && b.Statistics.PacketsReceived == 249, "249 packets each way");
        a.OnTick(250);
        b.OnTick(250);

        Wait.Until(() => a.Statistics.RtcpReceived == 1 && b.Statistics.RtcpReceived == 1 && b.Statistics.PacketsReceived == 250, "one report each way");
        var report = a.Statistics.RemoteReport;
        Assert.NotNull(report);
        Assert.Equal(a.Ssrc, report.Value.Ssrc);
        Assert.Equal(0, report.Value.CumulativeLost);
        Assert.Equal(0, report.Value.FractionLost);
    }

    [Fact]
    public void MediaBridge_PcmuCallerToPcmaAgent_RelaysAndRecordsBothDirections()
    {
        // caller ⇄ legA [bridge] legB ⇄ agent; legA speaks PCMU, legB PCMA.
        var (caller, legA) = Pair(AudioCodec.Pcmu, AudioCodec.Pcmu);
        var (legB, agent) = Pair(AudioCodec.Pcma, AudioCodec.Pcma);
        using var recordingStream = new MemoryStream();
        var recording = new WavWriter(recordingStream, WavEncoding.Pcm16, channels: 2, leaveOpen: true);
        var callerTone = WavTests.Tone(10 * 160, 440);
        var agentTone = WavTests.Tone(10 * 160, 1000);
        var callerPlayer = new PromptPlayer();
        callerPlayer.Enqueue(new WavAudio(callerTone));
        caller.Source = callerPlayer;
        var agentPlayer = new PromptPlayer();
        agentPlayer.Enqueue(new WavAudio(agentTone));
        agent.Source = agentPlayer;

        for (var tick = 1; tick <= 10; tick++)
        {
            caller.OnTick(tick);
            agent.OnTick(tick);
        }

        Wait.Until(() => legA.JitterBuffer.Statistics.Depth == 10 && legB.JitterBuffer.Statistics.Depth == 10, "both legs to buffer");
        using (var bridge = new MediaBridge(legA, legB, recording))
        {
            for (var tick = 11; tick <= 20; tick++)
            {
                legA.OnTick(tick);
                legB.OnTick(tick);
            }

            Assert.Equal(20, bridge.FramesRelayed);
        }

        Assert.Null(legA.Source);
        recording.Dispose();
        Wait.Until(() => agent.JitterBuffer.Statistics.Depth == 10 && caller.JitterBuffer.Statistics.Depth == 10, "relayed audio at both ends");
        var atAgent = new short[10 * 160];
        var atCaller = new short[10 * 160];
        for (var i = 0; i < 10; i++)
        {
            Assert.Equal(JitterReadResult.Frame, agent.ReadFrame(atAgent.AsSpan(i * 160, 160)));
            Assert.Equal(JitterReadResult.Frame, caller.ReadFrame(atCaller.AsSpan(i * 160, 160)));
        }

        // Transcoded once each way: µ-law → linear → A-law, and back.
        Assert.Equal(Coded(AudioCodec.Pcma, Coded(AudioCodec.Pcmu, callerTone)), atAgent);
        Assert.Equal(Coded(AudioCodec.Pcmu, Coded(AudioCodec.Pcma, agentTone)), atCaller);

        var recorded = WavFile.Read(recordingStream.ToArray());
        Assert.Equal(2, recorded.Channels);
        var samples = recorded.Samples.ToArray();
        Assert.Equal(Coded(AudioCodec.Pcmu, callerTone), samples.Where((_, i) => i % 2 == 0).ToArray());
        Assert.Equal(Coded(AudioCodec.Pcma, agentTone), samples.Where((_, i) => i % 2 == 1).ToArray());
    }
}

public class RtpSessionOptionsTests
{
    [Fact]
    public void Constructor_SeveralInvalidOptions_NamesEveryProblemAtOnce()
    {
        var exception = Assert.Throws<ArgumentException>(() => new RtpSession(new RtpSessionOptions
        {
            Codec = (AudioCodec)18,
            RtcpInterval = TimeSpan.FromMilliseconds(100),
            Jitter = new JitterBufferOptions { InitialDepth = 20 },
        }));

        Assert.Contains("Codec", exception.Message, StringComparison.Ordinal);
        Assert.Contains("RtcpInterval", exception.Message, StringComparison.Ordinal);
        Assert.Contains("InitialDepth", exception.Message, StringComparison.Ordinal);
    }
}
