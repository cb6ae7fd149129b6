using Microsoft.Extensions.Logging.Abstractions;
using OrpheusLive.Audio.Wav;
using OrpheusLive.Core.Audio;
using OrpheusLive.Core.Calibration;
using OrpheusLive.Core.Pipeline;
using OrpheusLive.Storage;
using OrpheusLive.Tui.Calibration;

namespace OrpheusLive.Tui.Tests.Fakes;

/// <summary>
/// The calibration screen's host in tests: real speech instead of the microphone (each prompt's line is a 6 s piece
/// of <c>samples/demo.wav</c> spoken in the prompt's emotion), a real <see cref="EnrolmentSession"/> over the clip
/// path with <see cref="VoiceFeatureClassifier"/>, and saves through a real <see cref="FileSpeakerProfileStore"/> in
/// <paramref name="directory"/>. With <see cref="Hold"/> a recording stops half-way (3 s left) until <see cref="Release"/>.
/// </summary>
internal sealed class WavEnrolmentStudio(string directory) : IEnrolmentStudio
{
    // The demo's emotion blocks (seconds), as samples/README.md lists them.
    private static readonly Dictionary<string, (double Start, double End)> Blocks = new()
    {
        ["neutral"] = (1.0, 10.0), ["happy"] = (11.5, 23.5), ["angry"] = (25.0, 37.4), ["sad"] = (40.4, 58.9),
    };

    private static readonly Lazy<float[]> Demo = new(() => WavFile.Read(Path.Combine(AppContext.BaseDirectory, "samples", "demo.wav")).Samples);

    private readonly Dictionary<string, int> _used = [];
    private TaskCompletionSource _release = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public FileSpeakerProfileStore Store { get; } = new(NullLogger<FileSpeakerProfileStore>.Instance, directory);

    public int LineSeconds => 6;

    /// <summary>Recordings stop with 3 s left until <see cref="Release"/>.</summary>
    public bool Hold { get; set; }

    /// <summary>The labels of the lines recorded, in order.</summary>
    public List<string> Recorded { get; } = [];

    public void Release()
    {
        var release = _release;
        _release = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        release.TrySetResult();
    }

    public Task<(EnrolmentSession Session, string? Warning)> BeginAsync(CancellationToken cancellationToken)
    {
        var model = new VoiceFeatureClassifier();
        var step = new PersonalCalibration(new CalibrationOptions(), model.Labels, "voice-features 1");
        var warning = Store.Open(FileSpeakerProfileStore.DefaultProfile, step);
        var analyzer = new ClipAnalyzer(new WindowAnalyzer(model, model, 0.25), 1);
        return Task.FromResult((new EnrolmentSession(step, analyzer, FileSpeakerProfileStore.DefaultProfile), warning));
    }

    public async Task<float[]> RecordAsync(EnrolmentPrompt prompt, Action<RecordingProgress> progress, CancellationToken cancellationToken)
    {
        var (start, end) = Blocks[prompt.Label];
        var n = _used.GetValueOrDefault(prompt.Label);
        _used[prompt.Label] = n + 1;
        var from = (int)((start + (n * 3 % Math.Max(1, (int)(end - start - LineSeconds)))) * IAudioSource.SampleRate);
        var clip = Demo.Value.AsSpan(from, LineSeconds * IAudioSource.SampleRate).ToArray();
        progress(new RecordingProgress(LineSeconds / 2.0, LineSeconds, -18));
        if (Hold)
        {
            await _release.Task.WaitAsync(cancellationToken);
        }

        progress(new RecordingProgress(LineSeconds, LineSeconds, -20));
        Recorded.Add(prompt.Label);
        return clip;
    }

    public async Task<EnrolmentSaved> SaveAsync(EnrolmentSession session, CancellationToken cancellationToken)
    {
        var saved = await Store.SaveAsync(session.ProfileName, session.Learnt, cancellationToken);
        return new EnrolmentSaved(saved, saved ? $"Saved profile '{session.ProfileName}' ({Store.PathOf(session.ProfileName)})." : "NOT saved");
    }
}
