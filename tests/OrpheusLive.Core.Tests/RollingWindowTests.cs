using OrpheusLive.Core.Windowing;

namespace OrpheusLive.Core.Tests;

public sealed class RollingWindowTests
{
    [Fact]
    public void First_window_is_ready_only_when_full_then_every_hop()
    {
        var window = new RollingWindow(windowSamples: 10, hopSamples: 4);
        var ramp = Enumerable.Range(0, 30).Select(i => (float)i).ToArray();
        var taken = new List<float[]>();
        var offset = 0;
        while (offset < ramp.Length)
        {
            offset += window.Write(ramp.AsSpan(offset));
            if (window.IsReady)
            {
                var copy = new float[10];
                window.CopyTo(copy);
                taken.Add(copy);
            }
        }

        taken.Count.ShouldBe(6); // ends at 10, 14, 18, 22, 26, 30
        taken[0].ShouldBe(Enumerable.Range(0, 10).Select(i => (float)i).ToArray());
        taken[1].ShouldBe(Enumerable.Range(4, 10).Select(i => (float)i).ToArray());
        taken[^1].ShouldBe(Enumerable.Range(20, 10).Select(i => (float)i).ToArray());
    }

    [Theory]
    [InlineData(1)]
    [InlineData(3)]
    [InlineData(7)]
    [InlineData(1000)]
    public void Windows_do_not_depend_on_chunk_size(int chunk)
    {
        var reference = Windows(Enumerable.Range(0, 100).Select(i => (float)i).ToArray(), 25, 10, 100);
        var chunked = Windows(Enumerable.Range(0, 100).Select(i => (float)i).ToArray(), 25, 10, chunk);
        chunked.Count.ShouldBe(reference.Count);
        for (var i = 0; i < reference.Count; i++)
        {
            chunked[i].ShouldBe(reference[i]);
        }
    }

    [Fact]
    public void Write_consumes_nothing_while_a_window_waits()
    {
        var window = new RollingWindow(4, 2);
        window.Write(new float[4]).ShouldBe(4);
        window.IsReady.ShouldBeTrue();
        window.Write(new float[3]).ShouldBe(0);
    }

    [Fact]
    public void Reset_starts_over_so_no_window_spans_a_gap()
    {
        var window = new RollingWindow(4, 2);
        window.Write(new float[] { 1, 1, 1, 1 });
        window.CopyTo(new float[4]);
        window.Reset();
        window.Write(new float[] { 2, 2 }).ShouldBe(2);
        window.IsReady.ShouldBeFalse();
        window.Write(new float[] { 2, 2 });
        var copy = new float[4];
        window.CopyTo(copy);
        copy.ShouldAllBe(v => v == 2f);
    }

    [Fact]
    public void CopyNewest_returns_the_most_recent_samples_in_order()
    {
        var window = new RollingWindow(5, 5);
        window.Write(new float[] { 1, 2, 3 });
        var newest = new float[2];
        window.CopyNewest(newest);
        newest.ShouldBe(new float[] { 2, 3 });
    }

    [Fact]
    public void Invalid_sizes_are_rejected()
    {
        Should.Throw<ArgumentOutOfRangeException>(() => new RollingWindow(0, 1));
        Should.Throw<ArgumentOutOfRangeException>(() => new RollingWindow(10, 11));
        Should.Throw<InvalidOperationException>(() => new RollingWindow(4, 2).CopyTo(new float[4]));
    }

    private static List<float[]> Windows(float[] samples, int size, int hop, int chunk)
    {
        var window = new RollingWindow(size, hop);
        var result = new List<float[]>();
        for (var start = 0; start < samples.Length; start += chunk)
        {
            var piece = samples.AsSpan(start, Math.Min(chunk, samples.Length - start));
            while (!piece.IsEmpty)
            {
                piece = piece[window.Write(piece)..];
                if (window.IsReady)
                {
                    var copy = new float[size];
                    window.CopyTo(copy);
                    result.Add(copy);
                }
            }
        }

        return result;
    }
}
