using OrpheusLive.Audio.Echo;

namespace OrpheusLive.Audio.Tests.EchoCancellation;

public sealed class EchoReferenceTests
{
    private static float[] Ramp(int n, float start) => Enumerable.Range(0, n).Select(i => start + i).ToArray();

    private static TimeSpan At(long sample) => TimeSpan.FromSeconds(sample / 16000.0) + TimeSpan.FromHours(3);

    [Fact]
    public void A_capture_block_reads_what_was_played_at_its_instants()
    {
        var reference = new EchoReference();
        reference.Write(Ramp(1600, 0), At(0));
        reference.Write(Ramp(1600, 1600), At(1600));

        var block = new float[1000];
        reference.Read(At(1200), block);

        block.ShouldBe(Ramp(1000, 1200));
    }

    [Fact]
    public void Jittery_timestamps_of_a_continuous_stream_are_joined_without_gaps()
    {
        var reference = new EchoReference();
        reference.Write(Ramp(1600, 0), At(0));
        reference.Write(Ramp(1600, 1600), At(1600 + 20)); // 1.25 ms late: the same stream

        var block = new float[3200];
        reference.Read(At(0), block);

        block.ShouldBe(Ramp(3200, 0));
    }

    [Fact]
    public void A_pause_reads_as_silence_and_so_does_anything_not_played_yet()
    {
        var reference = new EchoReference();
        reference.Write(Ramp(1600, 1), At(0));
        reference.Write(Ramp(1600, 10_001), At(16_000)); // resumed after a second

        var pause = new float[1600];
        reference.Read(At(8000), pause);
        var future = new float[1600];
        reference.Read(At(40_000), future);
        var before = new float[100];
        reference.Read(At(-200), before);

        pause.ShouldAllBe(v => v == 0);
        future.ShouldAllBe(v => v == 0);
        before.Take(100).ShouldAllBe(v => v == 0);
    }

    [Fact]
    public void Playback_older_than_the_capacity_is_forgotten()
    {
        var reference = new EchoReference(seconds: 1);
        for (var s = 0; s < 3 * 16000; s += 1600) reference.Write(Ramp(1600, s + 1), At(s));

        var old = new float[1600];
        reference.Read(At(0), old);
        var recent = new float[1600];
        reference.Read(At(3 * 16000 - 1600), recent);

        old.ShouldAllBe(v => v == 0);
        recent.ShouldBe(Ramp(1600, 3 * 16000 - 1600 + 1));
    }

    [Fact]
    public void After_a_pause_longer_than_the_capacity_only_the_new_playback_is_heard()
    {
        var reference = new EchoReference(seconds: 1);
        reference.Write(Ramp(1600, 1), At(0));
        reference.Write(Ramp(1600, 5001), At(16_000 * 3600)); // an hour later

        var before = new float[1600];
        reference.Read(At(16_000 * 3600 - 1600), before);
        var now = new float[1600];
        reference.Read(At(16_000 * 3600), now);

        before.ShouldAllBe(v => v == 0);
        now.ShouldBe(Ramp(1600, 5001));
    }
}
