using ContactCenter.Media.Playback;
using ContactCenter.Media.Wav;

namespace ContactCenter.Media.Tests;

public class PromptPlayerTests
{
    [Fact]
    public void ReadFrame_TwoPrompts_PlaysInOrderIn160SampleFramesPaddingTheLast()
    {
        var player = new PromptPlayer();
        var completed = new List<object?>();
        player.Completed += (_, e) => completed.Add(e.Tag);
        var first = Enumerable.Range(1, 200).Select(i => (short)i).ToArray();
        player.Enqueue(new WavAudio(first), "first");
        player.Enqueue(new WavAudio([-1, -2]), "second");

        var frame = new short[160];
        Assert.True(player.ReadFrame(1, frame));
        Assert.Equal(first[..160], frame);
        Assert.True(player.ReadFrame(2, frame));
        Assert.Equal(first[160..].Concat(new short[120]), frame);
        Assert.Equal(new object?[] { "first" }, completed);
        Assert.True(player.ReadFrame(3, frame));
        Assert.Equal(new short[] { -1, -2 }.Concat(new short[158]), frame);
        Assert.False(player.ReadFrame(4, frame));
        Assert.Equal(new object?[] { "first", "second" }, completed);
        Assert.False(player.IsPlaying);
    }

    [Fact]
    public void Stop_WhilePlaying_ReportsPromptsAsNotFinished()
    {
        var player = new PromptPlayer();
        var completed = new List<PromptCompletedEventArgs>();
        player.Completed += (_, e) => completed.Add(e);
        player.Enqueue(new WavAudio(new short[1600]), 1);
        player.Enqueue(new WavAudio(new short[1600]), 2);
        player.ReadFrame(1, new short[160]);

        player.Stop();

        Assert.Equal(new object?[] { 1, 2 }, completed.Select(c => c.Tag));
        Assert.All(completed, c => Assert.False(c.Finished));
        Assert.False(player.ReadFrame(2, new short[160]));
    }

    [Fact]
    public void Enqueue_StereoAudio_IsRefused() => Assert.Throws<ArgumentException>(() => new PromptPlayer().Enqueue(new WavAudio(new short[4], channels: 2)));

    [Fact]
    public void Fill_ComfortNoise_StaysWithinAmplitudeAndIsNotSilent()
    {
        var noise = new ComfortNoise(42);
        var frame = new short[160];
        noise.Fill(frame);
        Assert.All(frame, s => Assert.InRange(s, -ComfortNoise.Amplitude, ComfortNoise.Amplitude));
        Assert.Contains(frame, s => s != 0);
    }
}
