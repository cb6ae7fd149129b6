using OrpheusLive.Api.Uploads;
using OrpheusLive.Core.Emotions;
using OrpheusLive.Core.Pipeline;

namespace OrpheusLive.Api.Tests;

/// <summary>The upload scorer's own concurrency rule, against a model that holds every call until the test lets it go.</summary>
public sealed class ClipAnalyzerPoolTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Uploads_beyond_the_slots_wait_in_the_pool_not_in_the_model_and_are_all_scored()
    {
        using var model = new HeldClassifier();
        using var pool = new ClipAnalyzerPool(model, null, new ListenOptions(), maxIdle: 2);
        var clip = GatedAudioSourceTone();
        var requests = Enumerable.Range(0, pool.Slots + 3).Select(_ => Task.Run(() => pool.AnalyzeAsync(clip, Ct), Ct)).ToList();

        // Every request has arrived once each is either inside the model or queued in the pool (a deadline, no timing).
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (model.Inside + pool.Waiting != requests.Count)
        {
            (DateTime.UtcNow < deadline).ShouldBeTrue($"{model.Inside} inside the model and {pool.Waiting} queued of {requests.Count}");
            await Task.Delay(10, Ct); // a poll interval: the condition decides
        }

        model.Inside.ShouldBe(pool.Slots, "only one request per slot reaches the model");
        pool.Waiting.ShouldBe(3, "the others wait in the pool, holding no thread");
        requests.ShouldAllBe(r => !r.IsCompleted);

        model.Release();
        var results = await Task.WhenAll(requests).WaitAsync(TimeSpan.FromSeconds(30), Ct);

        results.Select(r => r.Emotion).Distinct().ShouldBe(["happy"]);
        model.MostInside.ShouldBe(pool.Slots);
        model.Calls.ShouldBe(requests.Count);
    }

    private static float[] GatedAudioSourceTone() => Support.GatedAudioSource.Tone(440, 2);

    /// <summary>A model without a lock whose calls all wait until <see cref="Release"/>; it counts how many are inside at once.</summary>
    private sealed class HeldClassifier : IEmotionClassifier
    {
        private readonly ManualResetEventSlim _released = new();
        private int _inside;
        private int _mostInside;
        private int _calls;

        public IReadOnlyList<string> Labels { get; } = ["neutral", "happy"];

        public int WindowSamples => 48_000;

        public ModelInfo Info { get; } = new("held.onnx", "held", "1", "test", new Dictionary<string, string>());

        public int Inside => Volatile.Read(ref _inside);

        public int MostInside => Volatile.Read(ref _mostInside);

        public int Calls => Volatile.Read(ref _calls);

        public void Release() => _released.Set();

        public void Classify(ReadOnlySpan<float> window, Span<float> probabilities)
        {
            Interlocked.Increment(ref _calls);
            var inside = Interlocked.Increment(ref _inside);
            int most;
            while (inside > (most = Volatile.Read(ref _mostInside)) && Interlocked.CompareExchange(ref _mostInside, inside, most) != most)
            {
            }

            _released.Wait(TimeSpan.FromSeconds(30)).ShouldBeTrue("the test releases the model");
            Interlocked.Decrement(ref _inside);
            probabilities[0] = 0.2f;
            probabilities[1] = 0.8f;
        }

        public void Dispose() => _released.Dispose();
    }
}
