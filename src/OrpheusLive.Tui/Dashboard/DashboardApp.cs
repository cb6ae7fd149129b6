using OrpheusLive.Core.Moods;
using OrpheusLive.Core.Pipeline;
using OrpheusLive.Core.Pipeline.State;
using OrpheusLive.Tui.Devices;
using OrpheusLive.Tui.Mapping;
using OrpheusLive.Tui.Terminal;
using Spectre.Console;

namespace OrpheusLive.Tui.Dashboard;

/// <summary>
/// The live dashboard: starts the pipeline, shows its state (<see cref="IPipelineControl.States"/>) through a
/// <see cref="DashboardViewModel"/>, redraws at most every <see cref="FrameInterval"/> with a Spectre live display, and
/// polls keys without blocking; every key that controls something goes through <see cref="IPipelineControl"/>.
/// The mapping editor and device chooser run between live displays (Spectre prompts cannot run inside one) while
/// the pipeline keeps going. Quitting (q, Ctrl+C) restores the normal screen and cursor and returns 0.
/// </summary>
public sealed class DashboardApp
{
    /// <summary>Time between frames (and key polls): at most ten redraws a second.</summary>
    public static readonly TimeSpan FrameInterval = TimeSpan.FromMilliseconds(100);

    private static readonly TimeSpan DeviceTimeout = TimeSpan.FromSeconds(15);
    private static readonly TimeSpan PipelineStopTimeout = TimeSpan.FromSeconds(5);

    private readonly IAnsiConsole _console;
    private readonly IKeyReader _keys;
    private readonly IPipelineControl _pipeline;
    private readonly IMoodMapStore _moods;
    private readonly PlaybackDevicesFactory? _devices;
    private readonly DashboardRenderer _renderer;
    private readonly TimeProvider _time;
    private bool _pipelineObserved;
    private Task _pendingSkip = Task.CompletedTask;

    /// <summary>Creates the dashboard for <paramref name="pipeline"/>.</summary>
    /// <param name="console">Where to draw and prompt.</param>
    /// <param name="keys">Non-blocking key input.</param>
    /// <param name="pipeline">The pipeline to show and control.</param>
    /// <param name="moods">The mapping the editor ([m]) changes.</param>
    /// <param name="devices">Device selection for the state's player, or null when no player kind has any.</param>
    /// <param name="time">Clock for frames and notices; the system clock when null.</param>
    public DashboardApp(IAnsiConsole console, IKeyReader keys, IPipelineControl pipeline, IMoodMapStore moods,
        PlaybackDevicesFactory? devices, TimeProvider? time = null)
    {
        ArgumentNullException.ThrowIfNull(console);
        ArgumentNullException.ThrowIfNull(pipeline);
        _console = console;
        _keys = keys;
        _pipeline = pipeline;
        _moods = moods;
        _devices = devices;
        _renderer = new DashboardRenderer(DashboardTheme.For(console));
        _time = time ?? TimeProvider.System;
        ViewModel = new DashboardViewModel(_time);
    }

    /// <summary>What the screen shows.</summary>
    public DashboardViewModel ViewModel { get; }

    /// <summary>
    /// Starts <paramref name="runPipeline"/> in its own task and shows the dashboard until the user quits or
    /// <paramref name="cancellationToken"/> is cancelled (Ctrl+C). The pipeline is then stopped. Returns the exit code (0).
    /// </summary>
    public async Task<int> RunAsync(Func<CancellationToken, Task> runPipeline, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(runPipeline);
        using var subscription = _pipeline.States.Subscribe(ViewModel.Apply);
        using var stopPipeline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var pipelineTask = Task.Run(() => runPipeline(stopPipeline.Token), CancellationToken.None);
        try
        {
            using var screen = TerminalScreen.Enter(_console);
            await RunScreensAsync(screen, pipelineTask, cancellationToken);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // Ctrl+C: a normal way to quit.
        }
        finally
        {
            await stopPipeline.CancelAsync();
            await StopAsync(pipelineTask);
        }

        return 0;
    }

    private async Task RunScreensAsync(TerminalScreen screen, Task pipelineTask, CancellationToken cancellationToken)
    {
        while (!cancellationToken.IsCancellationRequested)
        {
            var action = await LiveAsync(pipelineTask, cancellationToken);
            if (action == DashboardAction.Quit)
            {
                return;
            }

            screen.Clear();
            if (action == DashboardAction.EditMapping)
            {
                await EditMappingAsync(cancellationToken);
            }
            else if (action == DashboardAction.ChooseDevice)
            {
                await ChooseDeviceAsync(cancellationToken);
            }

            screen.Clear();
        }
    }

    /// <summary>Shows the live display until a key asks for something that needs the whole screen (or quit).</summary>
    private async Task<DashboardAction> LiveAsync(Task pipelineTask, CancellationToken cancellationToken)
    {
        var size = (_console.Profile.Width, _console.Profile.Height);
        Refresh(pipelineTask);
        var version = ViewModel.Version;
        return await _console.Live(_renderer.Render(ViewModel.Build(), size.Width, size.Height))
            .AutoClear(true)
            .Overflow(VerticalOverflow.Crop)
            .Cropping(VerticalOverflowCropping.Bottom)
            .StartAsync(async context =>
            {
                while (!cancellationToken.IsCancellationRequested)
                {
                    while (_keys.TryRead(out var key))
                    {
                        if (Handle(key) is var action and (DashboardAction.Quit or DashboardAction.EditMapping or DashboardAction.ChooseDevice))
                        {
                            return action;
                        }
                    }

                    Refresh(pipelineTask);
                    var now = (_console.Profile.Width, _console.Profile.Height);
                    if (ViewModel.Version != version || now != size)
                    {
                        version = ViewModel.Version;
                        size = now;
                        context.UpdateTarget(_renderer.Render(ViewModel.Build(), size.Width, size.Height));
                    }

                    try
                    {
                        await Task.Delay(FrameInterval, _time, cancellationToken);
                    }
                    catch (OperationCanceledException)
                    {
                        break;
                    }
                }

                return DashboardAction.Quit;
            });
    }

    /// <summary>Handles a key inside the live display; returns the actions that must leave it.</summary>
    private DashboardAction Handle(ConsoleKeyInfo key)
    {
        // Some terminals deliver Ctrl+C as a key instead of a signal.
        if (key.Key == ConsoleKey.C && key.Modifiers.HasFlag(ConsoleModifiers.Control))
        {
            return DashboardAction.Quit;
        }

        var action = DashboardKeys.Map(key);
        switch (action)
        {
            case DashboardAction.TogglePause:
                TogglePause();
                break;
            case DashboardAction.Skip:
                Skip();
                break;
            case DashboardAction.ToggleTimeline:
                ViewModel.ToggleTimeline();
                break;
            case DashboardAction.ChooseDevice when Devices() is null:
                ViewModel.ShowNotice("Device selection is available with the Spotify player.");
                return DashboardAction.None;
        }

        return action;
    }

    private IPlaybackDevices? Devices() => _devices?.Invoke(_pipeline.Current.Playback.Player);

    private void TogglePause()
    {
        var status = _pipeline.Current.Status;
        if (status is PipelineStatus.Ended or PipelineStatus.Failed)
        {
            ViewModel.ShowNotice("The input has ended; there is nothing to pause.");
            return;
        }

        if (status == PipelineStatus.Paused)
        {
            _pipeline.ResumeListening();
            ViewModel.ShowNotice("Listening again.");
            return;
        }

        _pipeline.PauseListening();
        ViewModel.ShowNotice("Listening paused; the music keeps playing.");
    }

    private void Skip()
    {
        if (!_pendingSkip.IsCompleted)
        {
            return;
        }

        if (_pipeline.Current.Playback.Playing is null)
        {
            ViewModel.ShowNotice("Nothing is playing yet.");
            return;
        }

        ViewModel.ShowNotice("Skipping to the next track…");
        _pendingSkip = SkipAsync();
    }

    private async Task SkipAsync()
    {
        try
        {
            using var timeout = new CancellationTokenSource(DeviceTimeout);
            await _pipeline.SkipAsync(timeout.Token);
            ViewModel.ShowNotice("Skipped to the next track.");
        }
        catch (Exception e)
        {
            // Never let a player failure escape into the UI loop: it becomes a plain-words warning.
            ViewModel.AddWarning($"Could not skip the track: {e.Message}");
        }
    }

    private void Refresh(Task pipelineTask)
    {
        ObservePipeline(pipelineTask);
        ViewModel.Tick();
    }

    // The pipeline reports its own end and failures in its state; this only catches a run that broke outside it.
    private void ObservePipeline(Task pipelineTask)
    {
        if (_pipelineObserved || !pipelineTask.IsCompleted)
        {
            return;
        }

        _pipelineObserved = true;
        if (pipelineTask.Exception is { } failure && (failure.InnerException ?? failure) is var cause and not OperationCanceledException
            && _pipeline.Current.Status != PipelineStatus.Failed)
        {
            ViewModel.AddWarning(cause.Message, StatusSeverity.Error);
        }
    }

    private async Task EditMappingAsync(CancellationToken cancellationToken)
    {
        var editor = new MappingEditor(_console, _moods, MappingEditorLabels.Dashboard);
        var result = await editor.RunAsync(cancellationToken);
        ViewModel.ShowNotice(result switch
        {
            MappingEditorResult.Saved => $"Mapping saved to {_moods.UserFilePath}; it is used from the next decision.",
            MappingEditorResult.Discarded => "Mapping changes discarded.",
            _ => "Mapping unchanged.",
        });
    }

    private async Task ChooseDeviceAsync(CancellationToken cancellationToken)
    {
        if (Devices() is not { } devicesOfPlayer)
        {
            return;
        }

        IReadOnlyList<PlaybackDevice> devices;
        try
        {
            _console.MarkupLine("Looking for playback devices…");
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            timeout.CancelAfter(DeviceTimeout);
            devices = await devicesOfPlayer.ListAsync(timeout.Token);
        }
        catch (Exception e) when (!cancellationToken.IsCancellationRequested)
        {
            ViewModel.ShowNotice($"Could not list devices: {e.Message}");
            return;
        }

        if (devices.Count == 0)
        {
            ViewModel.ShowNotice("No playback device found; open Spotify on a phone, computer or speaker and try again.");
            return;
        }

        var prompt = new SelectionPrompt<int>()
            .Title("Play music on which device?")
            .WrapAround()
            .PageSize(Math.Clamp(_console.Profile.Height - 4, 3, 12))
            .UseConverter(i => i < devices.Count
                ? Markup.Escape(devices[i].IsActive ? $"{devices[i].Name} (playing now)" : devices[i].Name)
                : "‹ Back")
            .AddChoices(Enumerable.Range(0, devices.Count + 1));
        var pick = await prompt.ShowAsync(_console, cancellationToken);
        if (pick >= devices.Count)
        {
            return;
        }

        try
        {
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            timeout.CancelAfter(DeviceTimeout);
            await devicesOfPlayer.SelectAsync(devices[pick], timeout.Token);
            ViewModel.ShowNotice($"Playing on {devices[pick].Name}.");
        }
        catch (Exception e) when (!cancellationToken.IsCancellationRequested)
        {
            ViewModel.ShowNotice($"Could not switch to {devices[pick].Name}: {e.Message}");
        }
    }

    private async Task StopAsync(Task pipelineTask)
    {
        try
        {
            await Task.WhenAll(pipelineTask, _pendingSkip).WaitAsync(PipelineStopTimeout);
        }
        catch (Exception)
        {
            // Quitting: the pipeline's own failures were already shown (and logged by the pipeline); a slow stop is abandoned.
        }
    }
}
