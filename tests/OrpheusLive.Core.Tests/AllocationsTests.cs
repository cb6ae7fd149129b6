namespace OrpheusLive.Core.Tests;

/// <summary>The zero-allocation tests' counter (tests/Shared/Allocations.cs) still sees an allocation made on every pass.</summary>
public sealed class AllocationsTests
{
    private static object? _sink;

    [Fact]
    public void An_allocation_made_on_every_pass_is_counted()
    {
        Allocations.OnThisThread(() => _sink = new byte[1000]).ShouldBeGreaterThanOrEqualTo(1000);
        _sink.ShouldNotBeNull();
    }

    [Fact]
    public void Code_that_allocates_nothing_counts_zero()
    {
        var buffer = new float[64];
        Allocations.OnThisThread(() => buffer.AsSpan().Fill(1)).ShouldBe(0);
    }
}
