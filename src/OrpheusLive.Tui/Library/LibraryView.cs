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
/// answer ("Playing chill (your pick)…", or why not) replaces the line at the top. Esc leaves.
/// </summary>
public sealed class LibraryView : Runnable
{
    private const int MoodWidth = 22;
    private const int MapHeight = 9;

    private readonly TuiSession _session;
    private readonly LibraryViewOptions _options;
    private readonly BackgroundCalls _calls;
    private readonly Label _status;
    private readonly ListView _moods;
    private readonly Label _header;
    private readonly ListView _tracks;
    private readonly LibraryMapView _map;
    private readonly FrameView _tracksFrame;
    private IReadOnlyList<LibraryTrack> _all = [];
    private IReadOnlyList<(string? Mood, string Label)> _moodItems = [];
    private IReadOnlyList<LibraryTrack> _shown = [];
    private bool _closed;

    private LibraryView(TuiSession session, LibraryViewOptions options)
    {
        _session = session;
        _options = options;
        _calls = new BackgroundCalls(session.App, ShowAnswer, options.Timeout);
        Width = Dim.Fill();
        Height = Dim.Fill();
        _status = new Label { Text = "Reading the music library…", X = 0, Y = 0, Width = Dim.Fill(), Height = 1 }.Literal();

        var moodFrame = new FrameView { Title = "Moods", X = 0, Y = 1, Width = MoodWidth, Height = Dim.Fill(1) };
        _moods = new ListView { Width = Dim.Fill(), Height = Dim.Fill(), CanFocus = true };
        _moods.ValueChanged += (_, _) => ShowMood();
        moodFrame.Add(_moods);

        _tracksFrame = new FrameView { Title = "Tracks", X = Pos.Right(moodFrame), Y = 1, Width = Dim.Fill(), Height = Dim.Fill(MapHeight + 1) };
        _header = new Label { X = 0, Y = 0, Width = Dim.Fill(), Height = 1 }.Literal();
        _tracks = new ListView { X = 0, Y = 1, Width = Dim.Fill(), Height = Dim.Fill(), CanFocus = true };
        _tracksFrame.Add(_header, _tracks);

        var mapFrame = new FrameView { Title = "Valence → arousal ↑", X = Pos.Right(moodFrame), Y = Pos.Bottom(_tracksFrame), Width = Dim.Fill(), Height = MapHeight };
        _map = new LibraryMapView(session.Theme) { Width = Dim.Fill(), Height = Dim.Fill() };
        mapFrame.Add(_map);

        var statusBar = new StatusBar([
            new Shortcut(Key.Esc, $"Leave ({options.LeaveText})", Leave),
            new Shortcut(Key.Enter, "Play this mood now", PlaySelected),
        ]);
        Add(_status, moodFrame, _tracksFrame, mapFrame, statusBar);
        session.App.Keyboard.KeyDown += OnKeyDown;
        _moods.SetFocus();
    }

    /// <summary>Shows the library until the user leaves (Esc).</summary>
    /// <param name="session">The running UI.</param>
    /// <param name="options">The library, the pipeline and where Esc goes.</param>
    public static void Run(TuiSession session, LibraryViewOptions options)
    {
        ArgumentNullException.ThrowIfNull(session);
        ArgumentNullException.ThrowIfNull(options);
        var (catalog, timeout) = (options.Catalog, options.Timeout);
        using var view = new LibraryView(session, options);
        var app = session.App;
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

            app.Post(() => view.Fill(tracks, problem));
        });
        session.Show(view);
        view._closed = true;
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
    }

    /// <summary>The mood Enter plays: the selected track's when the tracks have the focus, else the selected mood's (null for "all").</summary>
    private string? SelectedMood()
    {
        if (_tracks.HasFocus)
        {
            return _tracks.SelectedItem is { } t && t >= 0 && t < _shown.Count ? _shown[t].Mood : null;
        }

        return _moods.SelectedItem is { } i && i >= 0 && i < _moodItems.Count ? _moodItems[i].Mood : null;
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

    private void Fill(IReadOnlyList<LibraryTrack> tracks, string? problem)
    {
        if (_closed)
        {
            return;
        }

        _all = tracks;
        _status.Text = problem ?? (tracks.Count == 0
            ? LibraryText.Empty
            : $"{tracks.Count} tracks in {MoodCount(tracks)} moods; ↑/↓ picks a mood, Enter plays it now, Tab moves to the tracks.");
        _moodItems = tracks.Count == 0 ? [] : LibraryText.Moods(tracks);
        _moods.SetSource(new ObservableCollection<string>(_moodItems.Select(m => m.Label)));
        if (_moodItems.Count > 0)
        {
            _moods.SelectedItem = 0;
        }

        ShowMood();
    }

    private static int MoodCount(IReadOnlyList<LibraryTrack> tracks) => tracks.Select(t => t.Mood).OfType<string>().Distinct(StringComparer.Ordinal).Count();

    private void ShowMood()
    {
        var mood = _moods.SelectedItem is { } i && i >= 0 && i < _moodItems.Count ? _moodItems[i].Mood : null;
        var shown = mood is null ? _all : [.. _all.Where(t => t.Mood == mood)];
        _shown = shown;
        var nameWidth = Math.Max(8, _tracksFrame.Viewport.Width - 33);
        _tracksFrame.Title = mood is null ? "Tracks" : $"Tracks: {mood}";
        _header.Text = _all.Count == 0 ? "" : LibraryText.Header(nameWidth);
        _tracks.SetSource(new ObservableCollection<string>(shown.Select(t => LibraryText.Row(t, nameWidth))));
        _map.Show(_all, mood);
    }
}
