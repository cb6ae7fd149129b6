using OrpheusLive.Audio.Echo;

namespace OrpheusLive.Audio.Tests.EchoCancellation;

public sealed class CaptureDatingTests
{
    private static TimeSpan Ms(double ms) => TimeSpan.FromMilliseconds(ms);

    [Fact]
    public void Blocks_are_dated_by_counting_from_the_first_block_s_arrival_and_jitter_does_not_move_them()
    {
        var dating = new CaptureDating();

        dating.Next(Ms(1100), 1600).ShouldBe(Ms(1000));
        dating.Next(Ms(1260), 1600).ShouldBe(Ms(1100)); // 60 ms late: still counted
        dating.Next(Ms(1250), 1600).ShouldBe(Ms(1200)); // 50 ms early, within the slack: still counted
    }

    [Fact]
    public void A_held_up_first_block_is_corrected_once_later_blocks_prove_it_more_than_the_slack_too_late()
    {
        // The stream began at 1000 ms; its first 2 s arrive in one burst at 3000 ms, then a block every 100 ms.
        var dating = new CaptureDating();

        dating.Next(Ms(3000), 1600).ShouldBe(Ms(2900));
        for (var k = 1; k < 20; k++) dating.Next(Ms(3000), 1600);
        var after = dating.Next(Ms(3100), 1600);

        after.ShouldBeInRange(Ms(3000), Ms(3000) + CaptureDating.Slack); // truly captured from 3000 ms on
    }
}
