using System.Collections.ObjectModel;
using OrpheusLive.Core.Moods;
using OrpheusLive.Core.Pipeline;
using OrpheusLive.Core.Pipeline.State;
using OrpheusLive.Tui.Calibration;
using OrpheusLive.Tui.Devices;
using OrpheusLive.Tui.Editor;
using OrpheusLive.Tui.Hosting;
using OrpheusLive.Tui.Library;
using OrpheusLive.Tui.Mapping;
using Terminal.Gui.Input;
using Terminal.Gui.ViewBase;
using Terminal.Gui.Views;

namespace OrpheusLive.Tui.Live;

/// <summary>
/// The live dashboard, drawn from the one pipeline state: a status banner, the emotion bars, the music and input
/// panel, the listener's valence–arousal plane, why a change is waiting, the warnings (dismissable) and the
/// timeline, with the keys in a status bar (clickable). New states are picked up at most every
/// <see cref="DashboardOptions.RedrawInterval"/> (a timer compares versions; nothing is drawn while the state stands
/// still). Controls go to <see cref="IPipelineControl"/>; what they did shows when the state says so.
/// </summary>
public sealed class DashboardWindow : Runnable
{
    private const int TopHeight = 10;
    private const int MaxWarningRows = 3;

    /// <summary>
    /// Narrowest screen that shows [l] in the status bar: the bar with every key (device included) is 97 columns, so
    /// on an 80-column terminal [l] works but is left out of the bar rather than pushing "Quit" off it.
    /// </summary>
    private const int LibraryHintWidth = 100;

    private readonly TuiSession _session;
    private readonly IPipelineControl _pipeline;
    private readonly IMoodMapStore _moods;
    private readonly IPlaybackDevices? _devices;
    private readonly DashboardOptions _options;
    private readonly BackgroundCalls _calls;
    private readonly IDisposable _stateSubscription;
    private readonly IDisposable _mappingSubscription;
    private readonly object? _redrawTimer;

    private readonly StatusBanner _banner;
    private readonly EmotionBars _emotions;
    private readonly MusicPanel _music;
    private readonly AffectPlane _plane;
    private readonly PendingLine _pending;
    private readonly FrameView _warningsFrame;
    private readonly ListView _warnings;
    private readonly ListView _timeline;
    private readonly Shortcut _pauseListening;
    private readonly Shortcut _pauseMusic;
    private readonly Shortcut _library;

    private PipelineState? _latest;
    private PipelineState _shown = PipelineState.Initial;
    private IReadOnlyList<PipelineWarning> _shownWarnings = [];
    private IReadOnlyList<DecisionEvent>? _shownTimeline;
    private long _noticeNumber;
    private bool _disposed;

    /// <summary>Builds the dashboard for <paramref name="pipeline"/> inside <paramref name="session"/> (on its UI thread).</summary>
    public DashboardWindow(TuiSession session, IPipelineControl pipeline, IMoodMapStore moods, IPlaybackDevices? devices, DashboardOptions options)
    {
        ArgumentNullException.ThrowIfNull(session);
        ArgumentNullException.ThrowIfNull(pipeline);
        ArgumentNullException.ThrowIfNull(moods);
        ArgumentNullException.ThrowIfNull(options);
        _session = session;
        _pipeline = pipeline;
        _moods = moods;
        _devices = devices;
        _options = options;
        _calls = new BackgroundCalls(session.App, Notify, options.ControlTimeout);
        var theme = session.Theme;

        Width = Dim.Fill();
        Height = Dim.Fill();
        _banner = new StatusBanner(theme) { X = 0, Y = 0, Width = Dim.Fill(), Height = 1 };

        var emotionFrame = Panel("Emotion", 0, Dim.Percent(36));
        _emotions = Fill(new EmotionBars(theme));
        emotionFrame.Add(_emotions);
        var musicFrame = Panel("Music", Pos.Right(emotionFrame), Dim.Percent(38));
        _music = Fill(new MusicPanel(theme));
        musicFrame.Add(_music);
        var planeFrame = Panel("Listener v→ a↑", Pos.Right(musicFrame), Dim.Fill());
        _plane = Fill(new AffectPlane(theme));
        planeFrame.Add(_plane);

        _pending = new PendingLine(theme) { X = 0, Y = 1 + TopHeight, Width = Dim.Fill(), Height = 1 };

        _warnings = new ListView { Width = Dim.Fill(), Height = Dim.Fill(), CanFocus = true };
        _warnings.Accepted += (_, _) => DismissSelectedWarning();
        _warningsFrame = new FrameView
        {
            Title = "Warnings (x dismisses the selected one)",
            X = 0,
            Y = Pos.Bottom(_pending),
            Width = Dim.Fill(),
            Height = 0,
            Visible = false,
        };
        _warningsFrame.Add(_warnings);

        _timeline = new ListView { Width = Dim.Fill(), Height = Dim.Fill(), CanFocus = true };
        var timelineFrame = new FrameView
        {
            Title = "Timeline (newest first)",
            X = 0,
            Y = Pos.Bottom(_warningsFrame),
            Width = Dim.Fill(),
            Height = Dim.Fill(1),
        };
        timelineFrame.Add(_timeline);

        _pauseListening = new Shortcut(Key.P, "Pause listening", ToggleListening);
        _pauseMusic = new Shortcut(Key.Space, "Pause music", ToggleMusic);
        var shortcuts = new List<Shortcut> { _pauseListening, _pauseMusic, new(Key.N, "Skip", Skip) };
        if (devices is not null)
        {
            shortcuts.Add(new Shortcut(Key.D, "Device", ChooseDevice));
        }

        shortcuts.Add(new Shortcut(Key.M, "Mapping", EditMapping));
        _library = new Shortcut(Key.L, "Library", ShowLibrary);
        shortcuts.Add(_library);
        shortcuts.Add(new Shortcut(Key.Q, "Quit", _session.QuitAll));
        if (options.Enrolment is not null)
        {
            shortcuts.Add(new Shortcut(Key.C, "Calibrate", Calibrate)); // after Quit: a narrow screen clips this hint, never Quit ([c] still works)
        }

        var libraryIndex = shortcuts.IndexOf(_library);
        var statusBar = new StatusBar(shortcuts);

        Add(_banner, emotionFrame, musicFrame, planeFrame, _pending, _warningsFrame, timelineFrame, statusBar);

        FrameChanged += (_, e) =>
        {
            // An invisible shortcut keeps its room in the bar; taking it out gives the room back.
            var wide = e.Value.Width >= LibraryHintWidth;
            var index = statusBar.SubViews.ToList().IndexOf(_library);
            if (wide && index < 0)
            {
                statusBar.AddShortcutAt(libraryIndex, _library);
            }
            else if (!wide && index >= 0)
            {
                statusBar.RemoveShortcut(index);
            }
        };
        session.App.Keyboard.KeyDown += OnKeyDown;
        _stateSubscription = pipeline.States.Subscribe(state => Volatile.Write(ref _latest, state));
        _mappingSubscription = moods.Changes.Subscribe(_ => session.App.Post(() => Notify("Mapping updated; it is used from the next decision.")));
        Show(Volatile.Read(ref _latest) ?? pipeline.Current);
        _redrawTimer = session.App.AddTimeout(options.RedrawInterval, OnRedrawTimer);
    }

    /// <summary>The controls still running (awaited briefly when the dashboard closes).</summary>
    internal BackgroundCalls Calls => _calls;

    /// <inheritdoc />
    protected override void Dispose(bool disposing)
    {
        if (disposing && !_disposed)
        {
            _disposed = true;
            _session.App.Keyboard.KeyDown -= OnKeyDown;
            if (_redrawTimer is not null)
            {
                _session.App.RemoveTimeout(_redrawTimer);
            }
            _stateSubscription.Dispose();
            _mappingSubscription.Dispose();
            if (_library.SuperView is null)
            {
                _library.Dispose();
            }
        }

        base.Dispose(disposing);
    }

    private static FrameView Panel(string title, Pos x, Dim width) =>
        new() { Title = title, X = x, Y = 1, Width = width, Height = TopHeight };

    private static T Fill<T>(T view)
        where T : View
    {
        view.Width = Dim.Fill();
        view.Height = Dim.Fill();
        return view;
    }

    private bool OnRedrawTimer()
    {
        if (_disposed)
        {
            return false;
        }

        if (Volatile.Read(ref _latest) is { } latest && latest.Version != _shown.Version)
        {
            Show(latest);
        }

        return true;
    }

    private void Show(PipelineState state)
    {
        _shown = state;
        _banner.Show(state);
        _emotions.Show(state);
        _music.Show(state);
        _plane.Show(state);
        _pending.Show(state);
        ShowWarnings(state.Warnings);
        ShowTimeline(state.Timeline);
        _pauseListening.Title = state.Status == PipelineStatus.Paused ? "Resume listening" : "Pause listening";
        _pauseMusic.Title = state.Playback.Playing is { IsPaused: true } ? "Resume music" : "Pause music";
    }

    private void ShowWarnings(IReadOnlyList<PipelineWarning> warnings)
    {
        if (warnings.SequenceEqual(_shownWarnings))
        {
            return;
        }

        var selectedId = _warnings.SelectedItem is { } i && i >= 0 && i < _shownWarnings.Count ? _shownWarnings[i].Id : null;
        _shownWarnings = warnings;
        _warnings.SetSource(new ObservableCollection<string>(warnings.Select(DashboardText.Warning)));
        _warningsFrame.Visible = warnings.Count > 0;
        _warningsFrame.Height = warnings.Count == 0 ? 0 : Math.Min(warnings.Count, MaxWarningRows) + 2;
        if (warnings.Count > 0)
        {
            var keep = warnings.ToList().FindIndex(w => w.Id == selectedId);
            _warnings.SelectedItem = keep >= 0 ? keep : 0;
        }
    }

    private void ShowTimeline(IReadOnlyList<DecisionEvent> timeline)
    {
        if (ReferenceEquals(timeline, _shownTimeline))
        {
            return;
        }

        _shownTimeline = timeline;
        _timeline.SetSource(new ObservableCollection<string>(timeline.Reverse().Select(DashboardText.Decision)));
    }

    private void OnKeyDown(object? sender, Key key)
    {
        if (key.Handled || _session.App.TopRunnableView != this)
        {
            return;
        }

        // Esc leaves the editor and dialogs; on the dashboard it does nothing, so a second Esc never ends the app.
        if (key == Key.Esc)
        {
            key.Handled = true;
            return;
        }

        Action? action = key == Key.DeleteChar ? DismissSelectedWarning : key == Key.Space ? ToggleMusic : Letter(key) switch
        {
            'p' => ToggleListening,
            'n' => Skip,
            'd' => ChooseDevice,
            'm' => EditMapping,
            'l' => ShowLibrary,
            'c' => Calibrate,
            'x' => DismissSelectedWarning,
            'q' => _session.QuitAll,
            _ => null,
        };
        if (action is not null)
        {
            key.Handled = true;
            action();
        }
    }

    private static char? Letter(Key key)
    {
        if (key.IsCtrl || key.IsAlt || !key.AsRune.IsBmp)
        {
            return null;
        }

        return char.ToLowerInvariant((char)key.AsRune.Value);
    }

    private void ToggleListening()
    {
        switch (_pipeline.Current.Status)
        {
            case PipelineStatus.Paused:
                _pipeline.ResumeListening();
                break;
            case PipelineStatus.Ended or PipelineStatus.Failed:
                Notify("The input has ended; there is nothing to pause.");
                break;
            default:
                _pipeline.PauseListening();
                break;
        }
    }

    private void ToggleMusic()
    {
        switch (_pipeline.Current.Playback.Playing)
        {
            case null:
                Notify("Nothing is playing yet.");
                break;
            case { IsPaused: true }:
                _calls.Start("music", _pipeline.ResumeMusicAsync, null, "Could not resume the music");
                break;
            default:
                _calls.Start("music", _pipeline.PauseMusicAsync, null, "Could not pause the music");
                break;
        }
    }

    private void Skip()
    {
        if (_pipeline.Current.Playback.Playing is null)
        {
            Notify("Nothing is playing yet.");
            return;
        }

        if (_calls.Start("skip", _pipeline.SkipAsync, "Skipped to the next track.", "Could not skip the track"))
        {
            Notify("Skipping to the next track…");
        }
    }

    private void ChooseDevice()
    {
        if (_devices is null)
        {
            Notify("Device selection is available with the Spotify player.");
            return;
        }

        var devices = _devices;
        var device = PickerDialog<PlaybackDevice>.Pick(
            _session,
            "Play music on which device?",
            "Looking for playback devices…",
            "No playback device found; open Spotify on a phone, computer or speaker and try again.",
            devices.ListAsync,
            d => d.IsActive ? $"{d.Name} (playing now)" : d.Name,
            d => d.IsActive,
            _options.ControlTimeout);
        if (device is not null)
        {
            Notify($"Moving the music to {device.Name}…");
            _calls.Start("device", ct => devices.SelectAsync(device, ct), $"Playing on {device.Name}.", $"Could not switch to {device.Name}");
        }
    }

    private void EditMapping()
    {
        var result = MappingEditor.Run(_session, _moods, new MappingEditorOptions
        {
            TargetCatalogs = _options.TargetCatalogs,
            LeaveText = "back to the dashboard",
        });
        if (_session.Quitting)
        {
            return;
        }

        Notify(result switch
        {
            MappingEditorResult.Saved => $"Mapping saved to {_moods.UserFilePath}; it is used from the next decision.",
            MappingEditorResult.Discarded => "Mapping changes discarded.",
            _ => "Mapping unchanged.",
        });
    }

    private void ShowLibrary()
    {
        if (_options.Library is not { } library)
        {
            Notify("No music library here; run 'orpheus library scan DIR' and start the dashboard again.");
            return;
        }

        LibraryView.Run(_session, new LibraryViewOptions
        {
            Catalog = library,
            Pipeline = _pipeline,
            Rescan = _options.LibraryRescan,
            LeaveText = "back to the dashboard",
            Timeout = _options.ControlTimeout,
        });
    }

    private void Calibrate()
    {
        if (_options.Enrolment is not { } studio)
        {
            Notify("Calibration is not available here; run 'orpheus calibrate'.");
            return;
        }

        if (CalibrationScreen.Run(_session, studio, _pipeline, "back to the dashboard") && !_session.Quitting)
        {
            Notify("Calibration profile saved; listening uses it now.");
        }
    }

    private void DismissSelectedWarning()
    {
        if (_warnings.SelectedItem is { } index && index >= 0 && index < _shownWarnings.Count)
        {
            _pipeline.DismissWarning(_shownWarnings[index].Id);
        }
    }

    private void Notify(string message)
    {
        if (_disposed)
        {
            return;
        }

        var number = ++_noticeNumber;
        _banner.Notice = message;
        _session.App.AddTimeout(_options.NoticeDuration, () =>
        {
            if (!_disposed && number == _noticeNumber)
            {
                _banner.Notice = null;
            }

            return false;
        });
    }
}
