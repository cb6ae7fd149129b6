using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using OrpheusLive.Core.Audio;
using OrpheusLive.Core.Calibration;
using OrpheusLive.Core.Pipeline;
using OrpheusLive.Core.Pipeline.State;
using OrpheusLive.Core.Playback;

namespace OrpheusLive.Hosting;

/// <summary>
/// The live pipeline in the Generic Host: waits for a command to say what to listen to (<see cref="PipelineRunner"/>),
/// sets up the model, input, player (<see cref="LiveInputs"/>) and personal calibration (<see cref="LiveCalibration"/>), runs the app's <see cref="LivePipeline"/> until the
/// input ends, it fails or the host stops, and tells the command how it ended. Every failure is in the pipeline's state
/// (status Failed, with the error), never thrown into the host, so <c>serve</c> keeps serving when listening stops.
/// </summary>
/// <remarks>
/// The service is part of every host but idle until a command asks; the pipeline and its inputs are resolved only then,
/// so commands that never listen (<c>eval</c>, <c>login</c>, …) do not load the mapping or create players.
/// </remarks>
public sealed class LivePipelineService(PipelineRunner runner, IServiceProvider services, ILogger<LivePipelineService> logger)
    : BackgroundService
{
    /// <inheritdoc />
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        PipelineRun run;
        try
        {
            run = await runner.NextAsync(stoppingToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            return; // the host stopped before a command asked to listen (commands that do not listen)
        }

        if (!run.TryClaim())
        {
            return;
        }

        using var stop = CancellationTokenSource.CreateLinkedTokenSource(stoppingToken, run.CancellationToken);
        run.Complete(await RunAsync(run.Request, stop.Token).ConfigureAwait(false));
    }

    private async Task<PipelineOutcome> RunAsync(ListenRequest request, CancellationToken cancellationToken)
    {
        IAudioSource? source = null;
        IPlayer? player = null;
        LivePipeline? pipeline = null;
        CalibrationRun? calibration = null;
        try
        {
            pipeline = services.GetRequiredService<LivePipeline>();
            var inputs = services.GetRequiredService<LiveInputs>();
            var analyzer = inputs.CreateAnalyzer();
            calibration = services.GetRequiredService<LiveCalibration>().Start(request.Profile, pipeline);
            source = await inputs.OpenAsync(request, pipeline, cancellationToken).ConfigureAwait(false);
            player = inputs.CreatePlayer(request.Player, pipeline);
            source = services.GetRequiredService<EchoCancelSetup>().Apply(source, player, pipeline);
            source = services.GetRequiredService<NoiseSuppressionSetup>().Apply(source, pipeline);
            inputs.ReportMappingProblems(pipeline);
            await pipeline.RunAsync(source, analyzer, player, cancellationToken, calibration).ConfigureAwait(false);
            logger.LogInformation("The input ended after {Windows} windows", pipeline.WindowCount);
            return PipelineOutcome.Ended;
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            return PipelineOutcome.Stopped;
        }
        catch (Exception e)
        {
            // The command reports it (one line for listen, a warning for serve); the state shows it to front ends.
            logger.LogDebug(e, "The live pipeline stopped: {Message}", e.Message);
            pipeline?.Fail(e.Message, e is AudioSourceException ? WarningIds.InputFailed : WarningIds.StartFailed);
            return PipelineOutcome.Failed(e);
        }
        finally
        {
            if (calibration is not null && pipeline is not null)
            {
                // Also after a stop or a failure: what was learnt so far is kept (the pipeline thread has finished).
                await services.GetRequiredService<LiveCalibration>().SaveAsync(calibration, pipeline, CancellationToken.None).ConfigureAwait(false);
            }

            if (player is not null)
            {
                await player.DisposeAsync().ConfigureAwait(false);
            }

            if (source is not null)
            {
                await source.DisposeAsync().ConfigureAwait(false);
            }
        }
    }
}
