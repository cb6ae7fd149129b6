using OrpheusLive.Core.Audio;
using OrpheusLive.Core.Emotions;
using OrpheusLive.Core.Moods;
using OrpheusLive.Core.Playback;

namespace OrpheusLive.Core.Tests;

/// <summary>
/// A model whose answer is encoded in the audio: the window's mean picks the label (mean 0.1 → label 1, 0.2 → label 2, …),
/// with probability 0.9 for it.
/// </summary>
internal sealed class MeanCodedClassifier : IEmotionClassifier
{
    public IReadOnlyList<string> Labels { get; } = ["neutral", "happy", "sad", "angry"];

    public int WindowSamples => 48_000;

    public int Calls { get; private set; }

    public ModelInfo Info { get; } = new("fake.onnx", "fake", "1", "test", new Dictionary<string, string>());

    public void Classify(ReadOnlySpan<float> window, Span<float> probabilities)
    {
        window.Length.ShouldBe(WindowSamples);
        Calls++;
        double sum = 0;
        foreach (var s in window)
        {
            sum += s;
        }

        var label = Math.Clamp((int)Math.Round(sum / window.Length * 10), 0, Labels.Count - 1);
        for (var i = 0; i < probabilities.Length; i++)
        {
            probabilities[i] = i == label ? 0.9f : 0.1f / (Labels.Count - 1);
        }
    }

    public void Dispose()
    {
    }
}

/// <summary>
/// A model that hears where the audio sits in the window: the probabilities follow the centre of the window's energy
/// (early → neutral … late → angry), smoothly, so any change of padding changes the scores.
/// </summary>
internal sealed class PlacementClassifier : IEmotionClassifier
{
    public IReadOnlyList<string> Labels { get; } = ["neutral", "happy", "sad", "angry"];

    public int WindowSamples => 48_000;

    public ModelInfo Info { get; } = new("placement.onnx", "placement", "1", "test", new Dictionary<string, string>());

    public void Classify(ReadOnlySpan<float> window, Span<float> probabilities)
    {
        double energy = 0, moment = 0;
        for (var i = 0; i < window.Length; i++)
        {
            var e = (double)window[i] * window[i];
            energy += e;
            moment += e * i;
        }

        var position = energy > 0 ? moment / energy / window.Length * (Labels.Count - 1) : 0;
        double total = 0;
        for (var i = 0; i < probabilities.Length; i++)
        {
            probabilities[i] = (float)Math.Exp(-(position - i) * (position - i));
            total += probabilities[i];
        }

        for (var i = 0; i < probabilities.Length; i++)
        {
            probabilities[i] = (float)(probabilities[i] / total);
        }
    }

    public void Dispose()
    {
    }
}

/// <summary>Speech wherever the signal is not exactly zero.</summary>
internal sealed class NonZeroSpeechDetector : ISpeechDetector
{
    public float SpeechFraction(ReadOnlySpan<float> window)
    {
        var nonZero = 0;
        foreach (var s in window)
        {
            if (s != 0)
            {
                nonZero++;
            }
        }

        return nonZero / (float)window.Length;
    }
}

/// <summary>Records every request; pause and resume change what it reports as playing.</summary>
internal sealed class RecordingPlayer : IPlayer
{
    private readonly TaskCompletionSource _firstPlay = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public List<PlayRequest> Requests { get; } = [];

    /// <summary>Completes when the first request was played.</summary>
    public Task FirstPlay => _firstPlay.Task;

    public int Skips { get; private set; }

    public string Name => "recording";

    public NowPlaying? Current { get; private set; }

    /// <summary>When set, the first request does not return until this completes (a slow player: the next commands queue).</summary>
    public Task? FirstPlayReturnsAfter { get; init; }

    public async Task<PlaybackResult> PlayAsync(PlayRequest request, CancellationToken cancellationToken)
    {
        var first = Requests.Count == 0;
        Requests.Add(request);
        Current = new NowPlaying(request.Mood, request.Targets[0], null, null, false);
        _firstPlay.TrySetResult();
        if (first && FirstPlayReturnsAfter is { } gate)
        {
            await gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        }

        return PlaybackResult.Ok(request.Targets[0]);
    }

    public Task PauseAsync(CancellationToken cancellationToken)
    {
        Current = Current is null ? null : Current with { IsPaused = true };
        return Task.CompletedTask;
    }

    public Task ResumeAsync(CancellationToken cancellationToken)
    {
        Current = Current is null ? null : Current with { IsPaused = false };
        return Task.CompletedTask;
    }

    public Task SkipAsync(CancellationToken cancellationToken)
    {
        Skips++;
        return Task.CompletedTask;
    }

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;
}

/// <summary>Plays track "one" until <see cref="MoveOn"/> puts it on track "two" by itself (a track ended, a skip landed late).</summary>
internal sealed class MovingOnPlayer : IPlayer
{
    private readonly TaskCompletionSource _played = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private volatile NowPlaying? _current;

    /// <summary>Completes when the first request was played.</summary>
    public Task Played => _played.Task;

    public string Name => "moving-on";

    public NowPlaying? Current => _current;

    /// <summary>The next track starts without anyone asking.</summary>
    public void MoveOn() => _current = _current is { } playing ? playing with { Title = "two" } : null;

    public Task<PlaybackResult> PlayAsync(PlayRequest request, CancellationToken cancellationToken)
    {
        _current = new NowPlaying(request.Mood, request.Targets[0], "one", null, false);
        _played.TrySetResult();
        return Task.FromResult(PlaybackResult.Ok(request.Targets[0]));
    }

    public Task PauseAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task ResumeAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task SkipAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;
}

/// <summary>An in-memory mapping.</summary>
internal sealed class MemoryMoodStore(MoodMap map) : IMoodMapStore
{
    public MoodMap Current { get; set; } = map;

    public IObservable<MoodMap> Changes => System.Reactive.Linq.Observable.Never<MoodMap>();

    public string UserFilePath => "memory";

    public MoodTargetRules Targets => TestTargets.Rules;

    public Task SaveAsync(MoodMap map, CancellationToken cancellationToken)
    {
        Current = map;
        return Task.CompletedTask;
    }

    public static MemoryMoodStore Default() => new(new MoodMap(
        new Dictionary<string, string> { ["neutral"] = "chill", ["happy"] = "upbeat", ["sad"] = "comforting", ["angry"] = "energetic" },
        new Dictionary<string, MoodTargets>
        {
            ["chill"] = new(["spotify:playlist:37i9dQZF1DX4WYpdgoIcn6"]),
            ["upbeat"] = new(["spotify:playlist:37i9dQZF1DXdPec7aLTmlC"]),
            ["comforting"] = new(["spotify:playlist:37i9dQZF1DX3YSRoSdA634"]),
            ["energetic"] = new(["spotify:playlist:37i9dQZF1DX76Wlfdnj7AP"]),
        }));
}

/// <summary>Builds test audio: segments of constant "mean-coded" level (label index / 10) or silence.</summary>
internal static class Audio
{
    public static float[] Segments(params (double Seconds, int Label)[] segments)
    {
        var list = new List<float>();
        foreach (var (seconds, label) in segments)
        {
            // label -1 = digital silence; otherwise a DC level the fake model decodes, with tiny dither so it is "speech".
            var value = label < 0 ? 0f : label / 10f;
            var n = (int)(seconds * 16_000);
            for (var i = 0; i < n; i++)
            {
                list.Add(label < 0 ? 0f : value + ((i & 1) == 0 ? 1e-4f : -1e-4f));
            }
        }

        return [.. list];
    }
}
