using OrpheusLive.Audio.Denoise;
using OrpheusLive.Core.Audio;

namespace OrpheusLive.Audio.Tests.Denoise;

/// <summary>
/// A file read through the noise-suppressing source is exactly the whole file suppressed from its first sample and
/// aligned (<see cref="NoiseSuppressor.ProcessWhole"/>): same samples, same length, however the reads are cut.
/// </summary>
public sealed class NoiseSuppressingSourceTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory]
    [InlineData(24_000, 777, 1600)]
    [InlineData(24_000, 100, 50)]
    [InlineData(16_000, 16_000, 16_000)]
    [InlineData(100, 777, 1600)]
    [InlineData(0, 777, 1600)]
    public async Task Reading_a_clip_through_the_source_gives_exactly_the_clip_suppressed_and_aligned(int samples, int chunk, int readSize)
    {
        var clip = DemoRecording.Samples.AsSpan(3 * IAudioSource.SampleRate, samples).ToArray();
        var suppressor = new NoiseSuppressor(15);
        if (suppressor.UnavailableReason is { } reason)
        {
            suppressor.Dispose();
            Assert.Skip(reason);
        }

        await using var source = new NoiseSuppressingSource(new ArraySource(clip, chunk), suppressor);
        var heard = new List<float>();
        var buffer = new float[readSize];
        int n;
        while ((n = await source.ReadAsync(buffer, Ct)) > 0) heard.AddRange(buffer.AsSpan(0, n));

        heard.Count.ShouldBe(clip.Length, "the delay is taken out: as many samples out as in");
        using var whole = new NoiseSuppressor(15);
        heard.ToArray().ShouldBe(whole.ProcessWhole(clip));
        (await source.ReadAsync(buffer, Ct)).ShouldBe(0, "the end stays the end");
        source.Description.ShouldEndWith("noise-suppressed");
    }
}
