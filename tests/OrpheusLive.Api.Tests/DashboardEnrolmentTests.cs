using System.Text.Json;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using OrpheusLive.Api.Tests.Support;
using OrpheusLive.Audio;
using OrpheusLive.Commands.Calibrate;
using OrpheusLive.Core.Audio;
using OrpheusLive.Core.Calibration;
using OrpheusLive.Core.Debouncing;
using OrpheusLive.Core.Emotions;
using OrpheusLive.Core.Pipeline;
using OrpheusLive.Hosting;
using OrpheusLive.Storage;

namespace OrpheusLive.Api.Tests;

/// <summary>
/// The dashboard's calibration screen over the app (<see cref="DashboardEnrolment"/>): it continues the running
/// pipeline's adaptation, records each line from the microphone, saves atomically and the running pipeline continues
/// from the saved enrolment.
/// </summary>
public sealed class DashboardEnrolmentTests : IDisposable
{
    private readonly DirectoryInfo _profiles = Directory.CreateTempSubdirectory("orpheus-dashboard-enrolment-");

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public void Dispose() => _profiles.Delete(recursive: true);

    [Fact]
    public async Task An_enrolment_made_while_the_pipeline_runs_is_saved_and_the_run_continues_from_it()
    {
        var (studio, microphone, live, store) = CreateStudio();
        await using var api = await TestApi.StartAsync();
        using var pipeline = new LivePipeline(api.Store, new ListenOptions(), new DebounceOptions(), NullLogger.Instance);
        var run = live.Start("carol", pipeline);

        var (session, warning) = await studio.BeginAsync(Ct);
        warning.ShouldBeNull();
        session.ProfileName.ShouldBe("carol", "the screen enrols the running pipeline's profile");
        foreach (var prompt in session.Prompts)
        {
            microphone.Next = prompt.Label;
            var progress = new List<RecordingProgress>();
            var samples = await studio.RecordAsync(prompt, progress.Add, Ct);
            samples.Length.ShouldBe(studio.LineSeconds * IAudioSource.SampleRate);
            progress[^1].SecondsLeft.ShouldBe(0);
            session.Add(prompt.Line, prompt.Label, samples);
        }

        microphone.Opened.ShouldBe(session.Prompts.Count, "the microphone is opened for each line only");
        session.Enrol().Applied.ShouldBeTrue();
        run.State().EnrolledClips.ShouldBe(0, "nothing changes before the save");

        var saved = await studio.SaveAsync(session, Ct);

        saved.Saved.ShouldBeTrue(saved.Message);
        saved.Message.ShouldContain(store.PathOf("carol"));
        run.State().EnrolledClips.ShouldBe(session.Prompts.Count, "the running pipeline continues from the enrolment");
        using (var file = JsonDocument.Parse(await File.ReadAllTextAsync(store.PathOf("carol"), Ct)))
        {
            file.RootElement.GetProperty("enrolled_clips").GetInt32().ShouldBe(session.Prompts.Count);
        }

        await live.SaveAsync(run, pipeline, Ct);
        using var after = JsonDocument.Parse(await File.ReadAllTextAsync(store.PathOf("carol"), Ct));
        after.RootElement.GetProperty("enrolled_clips").GetInt32().ShouldBe(session.Prompts.Count, "the run's final save keeps the enrolment");
    }

    [Fact]
    public async Task The_screen_records_from_the_microphone_the_run_listens_to()
    {
        var (studio, microphone, _, _) = CreateStudio();
        var (session, _) = await studio.BeginAsync(Ct);

        await studio.ForMicrophone("usb-headset").RecordAsync(session.Prompts[0], _ => { }, Ct);
        await studio.RecordAsync(session.Prompts[0], _ => { }, Ct);

        microphone.Devices.ShouldBe(["usb-headset", null], "the run's --device, else the default microphone");
    }

    /// <summary>
    /// The screen over a tone model and a tone microphone, with a profile store in this test's folder. Noise suppression
    /// is off: the microphone's steady tones are what a noise suppressor takes for noise.
    /// </summary>
    private (DashboardEnrolment Studio, ToneMicrophone Microphone, LiveCalibration Live, FileSpeakerProfileStore Store) CreateStudio()
    {
        var model = new ToneClassifier();
        var store = new FileSpeakerProfileStore(NullLogger<FileSpeakerProfileStore>.Instance, _profiles.FullName);
        var options = Options.Create(new CalibrationOptions());
        var classifier = new Lazy<IEmotionClassifier>(() => model);
        var live = new LiveCalibration(classifier, store, options, NullLogger<LiveCalibration>.Instance);
        var setup = new EnrolmentSetup(classifier, () => new AlwaysSpeech(), store, Options.Create(new ListenOptions()), options,
            Options.Create(new AudioOptions { NoiseSuppressionDb = 0 }));
        var microphone = new ToneMicrophone();
        return (new DashboardEnrolment(setup, live, microphone), microphone, live, store);
    }

    /// <summary>A microphone that speaks a tone the <see cref="ToneClassifier"/> hears as <see cref="Next"/> (silence for neutral).</summary>
    private sealed class ToneMicrophone : IAudioSourceFactory
    {
        public string Next { get; set; } = "neutral";

        public int Opened => Devices.Count;

        public List<string?> Devices { get; } = [];

        public IAudioSource Open(string? inputFile, bool fast, string? device)
        {
            inputFile.ShouldBeNull();
            Devices.Add(device);
            var frequency = Next switch { "sad" => 200, "happy" => 440, "angry" => 1000, _ => 0 };
            var source = new GatedAudioSource(frequency == 0 ? new float[10 * IAudioSource.SampleRate] : GatedAudioSource.Tone(frequency, 10));
            source.Open();
            return source;
        }
    }
}
