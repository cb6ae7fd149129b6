using Microsoft.Extensions.Options;
using OrpheusLive.Audio;
using OrpheusLive.Audio.Denoise;
using OrpheusLive.Core.Calibration;
using OrpheusLive.Core.Emotions;
using OrpheusLive.Core.Pipeline;
using OrpheusLive.Hosting;
using OrpheusLive.Storage;

namespace OrpheusLive.Commands.Calibrate;

/// <summary>
/// Creates an <see cref="EnrolmentSession"/> for the loaded model: the live clip path (speech gate + model, the
/// <c>Listen</c> windowing) and a calibration step (<c>Calibration</c> options) started from what the profile knows —
/// the saved file (<c>orpheus calibrate</c>) or the running pipeline's adaptation (the dashboard's screen). One place
/// for both, so they enrol alike.
/// </summary>
public sealed class EnrolmentSetup(
    Lazy<IEmotionClassifier> classifier,
    Func<ISpeechDetector> speechDetector,
    FileSpeakerProfileStore profiles,
    IOptions<ListenOptions> listen,
    IOptions<CalibrationOptions> calibration,
    IOptions<AudioOptions> audio)
{
    /// <summary>The calibration options in use.</summary>
    public CalibrationOptions Options => calibration.Value;

    /// <summary>The profile store enrolments are saved to.</summary>
    public FileSpeakerProfileStore Profiles => profiles;

    /// <summary>
    /// A recorded or read line as listening hears the microphone (the noise suppressor of <c>Audio:NoiseSuppressionDb</c>),
    /// so the enrolment learns from what the running pipeline will hear.
    /// </summary>
    public float[] AsHeard(float[] samples) => NoiseSuppressor.SuppressClip(samples, audio.Value.NoiseSuppressionDb);

    /// <summary>
    /// An enrolment of profile <paramref name="profile"/> continuing from its saved file (fresh when there is none).
    /// <paramref name="warning"/> is null, or the line saying why the file could not be used (see <see cref="FileSpeakerProfileStore.Open"/>).
    /// </summary>
    /// <exception cref="ModelException">The model is missing or invalid.</exception>
    public EnrolmentSession FromFile(string profile, out string? warning)
    {
        var (step, analyzer) = Create();
        warning = profiles.Open(profile, step);
        return new EnrolmentSession(step, analyzer, profile);
    }

    /// <summary>An enrolment of profile <paramref name="profile"/> continuing from <paramref name="learnt"/> as it is (a running pipeline's adaptation).</summary>
    /// <exception cref="ModelException">The model is missing or invalid.</exception>
    /// <exception cref="CalibrationProfileException">The snapshot does not fit the model.</exception>
    public EnrolmentSession FromSnapshot(string profile, SpeakerProfile learnt)
    {
        ArgumentNullException.ThrowIfNull(learnt);
        var (step, analyzer) = Create();
        step.StartSession(null);
        step.Adaptation.Load(learnt);
        return new EnrolmentSession(step, analyzer, profile);
    }

    private (PersonalCalibration Step, ClipAnalyzer Analyzer) Create()
    {
        var model = classifier.Value;
        var analyzer = new ClipAnalyzer(new WindowAnalyzer(model, speechDetector(), listen.Value.MinSpeechFraction), listen.Value.HopSeconds);
        return (new PersonalCalibration(calibration.Value, model.Labels, LiveCalibration.ModelIdentity(model.Info)), analyzer);
    }
}
