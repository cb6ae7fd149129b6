using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Configuration;
using OrpheusLive.Audio;
using OrpheusLive.Audio.Decoding;
using OrpheusLive.Audio.Decoding.Formats;
using OrpheusLive.Audio.Echo;
using OrpheusLive.Audio.Playback;
using OrpheusLive.Cli;
using OrpheusLive.Commands;
using OrpheusLive.Commands.Api;
using OrpheusLive.Commands.Library;
using OrpheusLive.Commands.Calibrate;
using OrpheusLive.Commands.Model;
using OrpheusLive.Commands.Soak;
using OrpheusLive.Commands.Spotify;
using OrpheusLive.Commands.Tui;
using OrpheusLive.Core.Audio;
using OrpheusLive.Core.Calibration;
using OrpheusLive.Core.Emotions;
using OrpheusLive.Core.Debouncing;
using OrpheusLive.Core.Moods;
using OrpheusLive.Core.Pipeline;
using OrpheusLive.Core.Pipeline.State;
using OrpheusLive.Core.Playback;
using OrpheusLive.Onnx;
using OrpheusLive.Players;
using OrpheusLive.Storage;

namespace OrpheusLive.Hosting;

/// <summary>The composition root: every adapter and command the app is made of.</summary>
public static class ServiceCollectionExtensions
{
    /// <summary>Registers the pipeline, adapters (audio, model, players) and commands.</summary>
    public static IServiceCollection AddOrpheusServices(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddPipeline();
        services.AddLivePipeline();
        services.AddInference(configuration);
        services.AddAudio();
        services.AddPlayers();
        services.AddMusicLibrary();
        services.AddCommands();
        return services;
    }

    /// <summary>
    /// The emotion model and speech gate (ONNX Runtime), created on first use so commands that need no model start fast;
    /// their <c>Model</c> options (bound and checked by the adapter) are validated when the host starts, like every other.
    /// </summary>
    public static IServiceCollection AddInference(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOnnxInference(configuration);
        services.AddSettingsSection<OnnxOptions>(OnnxOptions.SectionName);
        services.AddOptions<OnnxOptions>().ValidateOnStart();
        services.AddSingleton(sp => new Lazy<IEmotionClassifier>(sp.GetRequiredService<IEmotionClassifier>));
        services.AddSingleton<Func<ISpeechDetector>>(sp => sp.GetRequiredService<ISpeechDetector>);
        return services;
    }

    /// <summary>
    /// The one audio decoder (its formats: one line each), audio inputs (decoded files, PulseAudio, WASAPI) and the
    /// built-in local player (PulseAudio or WASAPI output), each with its options bound and validated at start.
    /// </summary>
    public static IServiceCollection AddAudio(this IServiceCollection services)
    {
        services.AddValidatedOptions<AudioOptions>(AudioOptions.SectionName, o => o.Validate());
        services.AddValidatedOptions<LocalPlayerOptions>(LocalPlayerOptions.SectionName, o => o.Problems());
        services.AddValidatedOptions<PulseAudioSinkOptions>(PulseAudioSinkOptions.SectionName, o => o.Problems());
        services.AddSingleton<IAudioFormat>(new WavAudioFormat());
        services.AddSingleton<IAudioFormat>(new FlacAudioFormat());
        services.AddSingleton<IAudioFormat>(new OggVorbisAudioFormat());
        services.AddSingleton<IAudioFormat>(new OggOpusAudioFormat());
        services.AddSingleton<IAudioFormat>(new Mp3AudioFormat());
        services.AddSingleton<IAudioDecoder>(sp => new AudioDecoder(sp.GetServices<IAudioFormat>()));
        services.AddSingleton<IAudioSourceFactory>(sp => new AudioSourceFactory(
            sp.GetRequiredService<IAudioDecoder>(), sp.GetRequiredService<IOptions<AudioOptions>>().Value));
        services.AddSingleton<IPlayerProvider>(sp => new LocalPlayerProvider(
            sp.GetRequiredService<IOptions<LocalPlayerOptions>>().Value,
            sp.GetRequiredService<IOptions<PulseAudioSinkOptions>>().Value,
            sp.GetRequiredService<ILoggerFactory>(),
            new DeferredMoodTracks(sp.GetService<IMoodTracks>),
            sp.GetService<EchoReference>())); // recorded only when a live pipeline cancels its echo (AddLivePipeline)
        services.AddSingleton<ITargetValidator>(sp => new LocalTargetValidator(sp.GetRequiredService<IOptions<LocalPlayerOptions>>().Value));
        return services;
    }

    /// <summary>Options and stores of the pipeline core (mapping, personal calibration profiles).</summary>
    public static IServiceCollection AddPipeline(this IServiceCollection services)
    {
        services.AddValidatedOptions<ListenOptions>(ListenOptions.SectionName, o => [o.Validate()]);
        services.AddValidatedOptions<DebounceOptions>(DebounceOptions.SectionName, o => [o.Validate()]);
        services.AddValidatedOptions<MoodMapOptions>(MoodMapOptions.SectionName, o => [o.Validate()]);
        services.AddValidatedOptions<CalibrationOptions>(CalibrationOptions.SectionName, o => [o.Validate()]);
        services.AddSingleton(sp => new FileSpeakerProfileStore(sp.GetRequiredService<ILogger<FileSpeakerProfileStore>>()));
        services.AddSingleton(sp => new MoodTargetRules(sp.GetServices<ITargetValidator>()));
        services.AddSingleton<FileMoodMapStore>(sp => new FileMoodMapStore(
            sp.GetRequiredService<IOptions<MoodMapOptions>>().Value, sp.GetRequiredService<MoodTargetRules>(), sp.GetRequiredService<ILogger<FileMoodMapStore>>()));
        services.AddSingleton<IMoodMapStore>(sp => sp.GetRequiredService<FileMoodMapStore>());
        return services;
    }

    /// <summary>
    /// The live pipeline as a hosted service: the one <see cref="LivePipeline"/> (state and controls, also as
    /// <see cref="IPipelineControl"/> for the dashboard, the API and media keys, created on first use), what a run needs
    /// (<see cref="LiveInputs"/>), the <see cref="PipelineRunner"/> commands hand their <see cref="ListenRequest"/> to,
    /// and <see cref="LivePipelineService"/>, idle until a command asks to listen.
    /// </summary>
    public static IServiceCollection AddLivePipeline(this IServiceCollection services)
    {
        // The capture path's echo cancellation: what the built-in player plays is recorded here, and the set-up wraps
        // the microphone with the canceller when a reference exists (Audio:EchoCancel).
        services.AddSingleton(_ => new EchoReference());
        services.AddSingleton<EchoCancelSetup>();
        services.AddSingleton<NoiseSuppressionSetup>();
        services.AddSingleton(sp => new LivePipeline(
            sp.GetRequiredService<IMoodMapStore>(),
            sp.GetRequiredService<IOptions<ListenOptions>>().Value,
            sp.GetRequiredService<IOptions<DebounceOptions>>().Value,
            sp.GetRequiredService<ILogger<LivePipeline>>()));
        services.AddSingleton<IPipelineControl>(sp => new DeferredPipelineControl(sp.GetRequiredService<LivePipeline>));
        services.AddSingleton<LiveInputs>();
        services.AddSingleton<LiveCalibration>();
        services.AddSingleton<PipelineRunner>();
        services.AddHostedService<LivePipelineService>();
        return services;
    }

    /// <summary>The player factory and the always-available console player.</summary>
    public static IServiceCollection AddPlayers(this IServiceCollection services)
    {
        services.AddValidatedOptions<PlayerOptions>(PlayerOptions.SectionName, _ => []);
        services.AddSingleton<IPlayerProvider, ConsolePlayerProvider>();
        services.AddSingleton<IPlayerFactory, PlayerFactory>();
        return services;
    }

    /// <summary>The sub-commands of this project.</summary>
    public static IServiceCollection AddCommands(this IServiceCollection services)
    {
        services.AddCliCommand<ListenCommand>();
        services.AddCliCommand<EvalCommand>();
        services.AddCliCommand<BenchCommand>();
        services.AddCliCommand<SoakCommand>();
        services.AddLibraryCommands();
        services.AddCliCommand<CalibrateCommand>();
        services.AddSingleton<EnrolmentSetup>();
        services.AddSingleton<DashboardEnrolment>();
        services.AddSpotifyCommands();
        services.AddTuiCommands();
        services.AddApiCommands();
        return services;
    }
}
