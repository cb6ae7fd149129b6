using System.Collections.Concurrent;
using OrpheusLive.Audio.Denoise;
using OrpheusLive.Core.Emotions;
using OrpheusLive.Core.Pipeline;

namespace OrpheusLive.Api.Uploads;

/// <summary>
/// Scores clips for concurrent requests. A <see cref="ClipAnalyzer"/> (with its window buffers) serves one request at a
/// time, so each request rents one; idle ones are kept for reuse. The model is shared: the classifier runs one window at
/// a time across all requests. Speech gates come from the app's factory, which owns them (it may hand out one shared,
/// internally locked gate), so the pool never disposes them.
/// </summary>
public sealed class ClipAnalyzerPool : IDisposable
{
    private readonly IEmotionClassifier _classifier;
    private readonly Func<ISpeechDetector>? _detectors;
    private readonly ListenOptions _listen;
    private readonly int _maxIdle;
    private readonly ConcurrentBag<ClipAnalyzer> _idle = [];
    private readonly SemaphoreSlim _slots;
    private int _idleCount;
    private int _waiting;

    /// <summary>Creates the pool.</summary>
    /// <param name="classifier">The shared model.</param>
    /// <param name="detectors">Gives each new analyzer its speech gate (not disposed here), or null to count every window as speech.</param>
    /// <param name="listen">Hop and speech threshold of the live pipeline (the same windowing).</param>
    /// <param name="maxIdle">Analyzers kept idle; more are created under load and dropped afterwards.</param>
    public ClipAnalyzerPool(IEmotionClassifier classifier, Func<ISpeechDetector>? detectors, ListenOptions listen, int maxIdle = 8)
    {
        ArgumentNullException.ThrowIfNull(classifier);
        ArgumentNullException.ThrowIfNull(listen);
        _classifier = classifier;
        _detectors = detectors;
        _listen = listen;
        _maxIdle = maxIdle;
        Slots = Math.Max(1, Math.Min(maxIdle, Environment.ProcessorCount));
        _slots = new SemaphoreSlim(Slots);
    }

    /// <summary><c>Audio:NoiseSuppressionDb</c>: clips are noise-suppressed as <c>eval</c> hears a clip (<see cref="NoiseSuppressor.SuppressClip"/>; 0: not).</summary>
    public int NoiseSuppressionDb { get; init; }

    /// <summary>How many clips may be scored at once (one per core, at most the idle capacity).</summary>
    public int Slots { get; }

    /// <summary>Requests waiting for a slot right now (tests check that the pool, not the model's lock, queues them).</summary>
    internal int Waiting => Volatile.Read(ref _waiting);

    /// <summary>
    /// Scores <paramref name="samples"/> once a slot is free. Requests beyond the core count wait here asynchronously
    /// instead of blocking pool threads on the model's lock (which would starve the server under a burst of uploads).
    /// </summary>
    public async Task<ClipResult> AnalyzeAsync(float[] samples, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(samples);
        Interlocked.Increment(ref _waiting);
        try
        {
            await _slots.WaitAsync(cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            Interlocked.Decrement(ref _waiting);
        }

        try
        {
            return Analyze(samples);
        }
        finally
        {
            _slots.Release();
        }
    }

    /// <summary>Scores <paramref name="samples"/> (16 kHz mono, at least one sample).</summary>
    public ClipResult Analyze(ReadOnlySpan<float> samples)
    {
        var analyzer = Rent();
        try
        {
            return NoiseSuppressionDb == 0
                ? analyzer.Analyze(samples)
                : analyzer.Analyze(NoiseSuppressor.SuppressClip(samples.ToArray(), NoiseSuppressionDb));
        }
        finally
        {
            Return(analyzer);
        }
    }

    /// <inheritdoc />
    public void Dispose()
    {
        _idle.Clear();
        _slots.Dispose();
    }

    private ClipAnalyzer Rent()
    {
        if (_idle.TryTake(out var idle))
        {
            Interlocked.Decrement(ref _idleCount);
            return idle;
        }

        var window = new WindowAnalyzer(_classifier, _detectors?.Invoke(), _listen.MinSpeechFraction);
        return new ClipAnalyzer(window, _listen.HopSeconds);
    }

    private void Return(ClipAnalyzer analyzer)
    {
        if (Interlocked.Increment(ref _idleCount) > _maxIdle)
        {
            Interlocked.Decrement(ref _idleCount);
            return; // enough spares; this one goes to the garbage collector
        }

        _idle.Add(analyzer);
    }
}
