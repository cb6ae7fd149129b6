using System.Collections.ObjectModel;
using OrpheusLive.Tui.Hosting;
using OrpheusLive.Tui.Live;
using Terminal.Gui.Input;
using Terminal.Gui.ViewBase;
using Terminal.Gui.Views;

namespace OrpheusLive.Tui.Library;

/// <summary>
/// The library view (the dashboard's [l]): the moods with their track counts on the left (↑/↓ filters), the tracks of
/// the selected mood with tempo, valence and arousal, and the valence–arousal map with that mood's tracks bright. The
/// library loads in the background (the screen says so meanwhile); an empty library says how to fill it. Enter plays
/// the selected mood now (on the tracks: the selected track's mood) through the pipeline, as the user's choice; the
/// answer ("Playing chill (your pick)…", or why not) replaces the line at the top. [r] rescans the library's folders
/// with a progress bar and shows the library anew when done (another process scanning: "busy, pid N"); leaving stops
/// a rescan cleanly (the files finished are kept, the next scan resumes). The track columns follow the width. Esc leaves.
/// </summary>
public sealed class LibraryView : Runnable
{
    private const int MoodWidth = 22;
    private const int MapHeight = 9;
    private const int ProgressWidth = 20;

    private readonly TuiSession _session;
    private readonly LibraryViewOptions _options;
    private readonly BackgroundCalls _calls;
    private readonly Label _status;
    private readonly ProgressBar _progress;
    private readonly ListView _moods;
    private readonly Label _header;
    private readonly ListView _tracks;
    private readonly LibraryMapView _map;
    private readonly FrameView _tracksFrame;
    private IReadOnlyList<LibraryTrack> _all = [];
    private IReadOnlyList<(string? Mood, string Label)> _moodItems = [];
    private IReadOnlyList<LibraryTrack> _shown = [];
    private LatestProgress? _scanProgress;
    private CancellationTokenSource? _scanStop;
    private Task? _scan;
    private int _shownWidth;
    private bool _closed;

    private LibraryView(TuiSession session, LibraryViewOptions options)
    {
        _session = session;
        _options = options;
        _calls = new BackgroundCalls(session.App, ShowAnswer, options.Timeout);
        Width = Dim.Fill();
        Height = Dim.Fill();
        _status = new Label { Text = "Reading the music library…", X = 0, Y = 0, Width = Dim.Fill(), Height = 1 }.Literal();
        _progress = new ProgressBar { X = 0, Y = 0, Width = ProgressWidth, Height = 1, Visible = false, ProgressBarStyle = ProgressBarStyle.Continuous };

        var moodFrame = new FrameView { Title = "Moods", X = 0, Y = 1, Width = MoodWidth, Height = Dim.Fill(1) };
        _moods = new ListView { Width = Dim.Fill(), Height = Dim.Fill(), CanFocus = true };
        _moods.ValueChanged += (_, _) => ShowMood();
        moodFrame.Add(_moods);

        _tracksFrame = new FrameView { Title = "Tracks", X = Pos.Right(moodFrame), Y = 1, Width = Dim.Fill(), Height = Dim.Fill(MapHeight + 1) };
        _header = new Label { X = 0, Y = 0, Width = Dim.Fill(), Height = 1 }.Literal();
        _tracks = new ListView { X = 0, Y = 1, Width = Dim.Fill(), Height = Dim.Fill(), CanFocus = true };
        _tracksFrame.Add(_header, _tracks);
        _tracksFrame.FrameChanged += (_, _) =>
        {
            if (_tracksFrame.Viewport.Width != _shownWidth)
            {
                ShowMood(keepTrack: true); // the name column takes what the other columns leave
            }
        };

        var mapFrame = new FrameView { Title = "Valence → arousal ↑", X = Pos.Right(moodFrame), Y = Pos.Bottom(_tracksFrame), Width = Dim.Fill(), Height = MapHeight };
        _map = new LibraryMapView(session.Theme) { Width = Dim.Fill(), Height = Dim.Fill() };
        mapFrame.Add(_map);

        var statusBar = new StatusBar([
            new Shortcut(Key.Esc, $"Leave ({options.LeaveText})", Leave),
            new Shortcut(Key.Enter, "Play this mood now", PlaySelected),
            new Shortcut(Key.R, "Rescan", Rescan),
        ]);
        Add(_status, _progress, moodFrame, _tracksFrame, mapFrame, statusBar);
        session.App.Keyboard.KeyDown += OnKeyDown;
        _moods.SetFocus();
    }

    /// <summary>Shows the library until the user leaves (Esc); a rescan still running then is stopped and waited for (at most the timeout).</summary>
    /// <param name="session">The running UI.</param>
    /// <param name="options">The library, the pipeline and where Esc goes.</param>
    public static void Run(TuiSession session, LibraryViewOptions options)
    {
        ArgumentNullException.ThrowIfNull(session);
        ArgumentNullException.ThrowIfNull(options);
        using var view = new LibraryView(session, options);
        view.Load(null);
        session.Show(view);
        view._closed = true;
        view.StopScan();
    }

    /// <summary>Reads the library off the UI thread and shows it; <paramref name="notice"/> replaces the summary line when set.</summary>
    private void Load(string? notice)
    {
        var (catalog, timeout, app) = (_options.Catalog, _options.Timeout, _session.App);
        _ = Task.Run(async () =>
        {
            string? problem = null;
            IReadOnlyList<LibraryTrack> tracks = [];
            try
            {
                using var timeoutSource = new CancellationTokenSource(timeout);
                tracks = await catalog.ListAsync(timeoutSource.Token).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                problem = $"The library did not answer within {timeout.TotalSeconds:0} s; press Esc and try again.";
            }
            catch (Exception e)
            {
                problem = $"Could not read the music library: {e.Message}";
            }

            app.Post(() => Fill(tracks, problem, notice));
        });
    }

    /// <inheritdoc />
    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            _session.App.Keyboard.KeyDown -= OnKeyDown;
        }

        base.Dispose(disposing);
    }

    private void OnKeyDown(object? sender, Key key)
    {
        if (key.Handled || _session.App.TopRunnableView != this)
        {
            return;
        }

        if (key == Key.Esc)
        {
            key.Handled = true;
            Leave();
        }
        else if (key == Key.Enter)
        {
            key.Handled = true;
            PlaySelected();
        }
        else if (key == Key.Tab || key == Key.Tab.WithShift)
        {
            // The two lists sit in frames (tab groups), which plain Tab would not leave: Tab goes between them.
            key.Handled = true;
            (_tracks.HasFocus ? _moods : _tracks).SetFocus();
        }
        else if (key == Key.R || key == Key.R.WithShift)
        {
            key.Handled = true;
            Rescan();
        }
    }

    private void Rescan()
    {
        if (_options.Rescan is not { } rescan)
        {
            ShowAnswer("Rescanning needs the app's music library; run 'orpheus library scan DIR'.");
            return;
        }

        if (_scan is { IsCompleted: false })
        {
            ShowAnswer("A rescan is running; Esc stops it.");
            return;
        }

        var progress = new LatestProgress();
        var stop = new CancellationTokenSource();
        (_scanProgress, _scanStop) = (progress, stop);
        _progress.Fraction = 0;
        _progress.Visible = true;
        _status.X = ProgressWidth + 1;
        ShowAnswer("Rescanning the library's folders…");
        var app = _session.App;
        _scan = Task.Run(async () =>
        {
            string message;
            try
            {
                message = await rescan.RescanAsync(progress, stop.Token).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                message = "Rescan stopped; what was finished is kept and the next scan resumes.";
            }
            catch (Exception e)
            {
                message = $"Could not rescan: {e.Message}";
            }

            app.Post(() => ScanEnded(progress, message));
        });
        app.AddTimeout(_options.ProgressInterval, () =>
        {
            if (_closed || !ReferenceEquals(_scanProgress, progress))
            {
                return false;
            }

            ShowProgress(progress.Latest);
            return true;
        });
    }

    private void ShowProgress(LibraryScanProgress? progress)
    {
        if (progress is null)
        {
            return;
        }

        _progress.Fraction = progress.Fraction;
        var file = progress.CurrentFile is { } current ? $": {Path.GetFileName(current)}" : "";
        ShowAnswer($"Rescanning {progress.FilesDone}/{progress.FilesTotal} files{file}");
    }

    private void ScanEnded(LatestProgress progress, string message)
    {
        if (_closed || !ReferenceEquals(_scanProgress, progress))
        {
            return;
        }

        _scanProgress = null;
        _progress.Visible = false;
        _status.X = 0;
        ShowAnswer(message);
        Load(message); // the library as the scan left it
    }

    /// <summary>Stops a running rescan and waits (at most the timeout) until it has written what it finished.</summary>
    private void StopScan()
    {
        if (_scan is not { } scan || _scanStop is not { } stop)
        {
            return;
        }

        stop.Cancel();
        try
        {
            scan.Wait(_options.Timeout);
        }
        catch (AggregateException)
        {
            // The scan's failure was already turned into its message.
        }

        if (scan.IsCompleted)
        {
            stop.Dispose(); // a scan still writing after the timeout keeps its token
        }
    }

    /// <summary>The mood Enter plays: the selected track's when the tracks have the focus, else the selected mood's (null for "all").</summary>
    private string? SelectedMood()
    {
        if (_tracks.HasFocus)
        {
            return _tracks.SelectedItem is { } t && t >= 0 && t < _shown.Count ? _shown[t].Mood : null;
        }

        return SelectedMoodItem();
    }

    private void PlaySelected()
    {
        if (_all.Count == 0)
        {
            return;
        }

        if (SelectedMood() is not { } mood)
        {
            ShowAnswer(_tracks.HasFocus
                ? "This track has no mood yet (not analysed); pick another track or a mood."
                : "Pick a mood first (↑/↓), then Enter plays it now.");
            return;
        }

        if (_options.Pipeline is not { } pipeline)
        {
            ShowAnswer($"Nothing is listening here, so '{mood}' cannot play now; start 'orpheus run'.");
            return;
        }

        if (_calls.Start("play", ct => pipeline.PlayMoodAsync(mood, ct), r => r.Message, $"Could not play {mood}"))
        {
            ShowAnswer($"Starting {mood}…");
        }
    }

    private void ShowAnswer(string message)
    {
        if (!_closed)
        {
            _status.Text = message;
        }
    }

    private void Leave() => App?.RequestStop(this);

    private void Fill(IReadOnlyList<LibraryTrack> tracks, string? problem, string? notice)
    {
        if (_closed)
        {
            return;
        }

        var selected = SelectedMoodItem();
        _all = tracks;
        _status.Text = problem ?? notice ?? (tracks.Count == 0
            ? LibraryText.Empty
            : $"{tracks.Count} tracks in {MoodCount(tracks)} moods; ↑/↓ picks a mood, Enter plays it now, Tab moves to the tracks.");
        _moodItems = tracks.Count == 0 ? [] : LibraryText.Moods(tracks);
        _moods.SetSource(new ObservableCollection<string>(_moodItems.Select(m => m.Label)));
        if (_moodItems.Count > 0)
        {
            // A refresh after a rescan keeps the mood the user was on, when it is still there.
            var again = _moodItems.Select(m => m.Mood).ToList().IndexOf(selected);
            _moods.SelectedItem = Math.Max(0, again);
        }

        ShowMood();
    }

    private string? SelectedMoodItem() => _moods.SelectedItem is { } i && i >= 0 && i < _moodItems.Count ? _moodItems[i].Mood : null;

    private static int MoodCount(IReadOnlyList<LibraryTrack> tracks) => tracks.Select(t => t.Mood).OfType<string>().Distinct(StringComparer.Ordinal).Count();

    private void ShowMood(bool keepTrack = false)
    {
        var mood = SelectedMoodItem();
        var shown = mood is null ? _all : [.. _all.Where(t => t.Mood == mood)];
        _shown = shown;
        _shownWidth = _tracksFrame.Viewport.Width;
        var nameWidth = Math.Max(8, _shownWidth - 33);
        var selectedTrack = keepTrack ? _tracks.SelectedItem : null;
        _tracksFrame.Title = mood is null ? "Tracks" : $"Tracks: {mood}";
        _header.Text = _all.Count == 0 ? "" : LibraryText.Header(nameWidth);
        _tracks.SetSource(new ObservableCollection<string>(shown.Select(t => LibraryText.Row(t, nameWidth))));
        if (selectedTrack is { } keep && keep >= 0 && keep < shown.Count)
        {
            _tracks.SelectedItem = keep;
        }

        _map.Show(_all, mood);
    }
}
