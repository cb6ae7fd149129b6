using System.Collections.ObjectModel;
using OrpheusLive.Storage;
using OrpheusLive.Core.Moods;
using OrpheusLive.Tui.Hosting;
using OrpheusLive.Tui.Mapping;
using Terminal.Gui.Input;
using Terminal.Gui.ViewBase;
using Terminal.Gui.Views;

namespace OrpheusLive.Tui.Editor;

/// <summary>
/// The mapping editor: a table of emotion → mood → shuffle → targets, and under it the selected row's fields,
/// edited in place with the validation message beside each field — the mood (an existing one, a new name, or empty
/// for "not mapped"), its targets (typed and checked by the same rules as the mapping file, picked from a local
/// folder, or from the host's catalogs: Spotify playlists, library moods), and shuffle. Ctrl+S saves through
/// <see cref="IMoodMapStore.SaveAsync"/> (validated, atomic; a running pipeline reads it at its next decision), after
/// keeping an unreadable file as a backup. Esc leaves, asking first when there are unsaved changes.
/// </summary>
public sealed class MappingEditorView : Runnable
{
    private const int FieldColumn = 9;
    private static readonly Key[] CatalogKeys = [Key.F3, Key.F4, Key.F5, Key.F6, Key.F7, Key.F8, Key.F9, Key.F10];
    private static readonly TimeSpan SaveTimeout = TimeSpan.FromSeconds(15);

    private readonly TuiSession _session;
    private readonly IMoodMapStore _store;
    private readonly MappingEditorOptions _options;
    private readonly MappingDraft _draft;
    private readonly Label _header;
    private readonly TableView _table;
    private readonly FrameView _detail;
    private readonly TextField _mood;
    private readonly Label _moodMessage;
    private readonly ListView _targets;
    private readonly TextField _add;
    private readonly Label _addMessage;
    private readonly CheckBox _shuffle;
    private IReadOnlyList<EmotionMapping> _rows = [];
    private string? _notice;
    private bool _saved;
    private bool _refreshing;

    /// <summary>Builds the editor for <paramref name="store"/>'s current mapping (on the UI thread of <paramref name="session"/>).</summary>
    public MappingEditorView(TuiSession session, IMoodMapStore store, MappingEditorOptions options)
    {
        ArgumentNullException.ThrowIfNull(session);
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(options);
        _session = session;
        _store = store;
        _options = options;
        _draft = new MappingDraft(store.Current, store.Targets);
        Width = Dim.Fill();
        Height = Dim.Fill();

        _header = new Label { X = 0, Y = 0, Width = Dim.Fill(), Height = 1 }.Literal();
        _table = new TableView
        {
            X = 0,
            Y = 0,
            Width = Dim.Fill(),
            Height = Dim.Fill(),
            FullRowSelect = true,
            MultiSelect = false,
        };
        _table.Style.ExpandLastColumn = true;
        _table.Style.ShowHorizontalHeaderOverline = false;
        _table.Style.ShowHorizontalBottomLine = false;
        _table.Style.ShowVerticalCellLineForFirstColumn = false;
        _table.Style.ShowVerticalCellLineForLastColumn = false;
        _table.ValueChanged += (_, _) => ShowSelected();
        _table.Accepting += (_, e) =>
        {
            e.Handled = true;
            _mood!.SetFocus();
        };
        var tableFrame = new FrameView
        {
            Title = "Emotion → mood → targets",
            X = 0,
            Y = 1,
            Width = Dim.Fill(),
            Height = _draft.Emotions.Count + 4,
        };
        tableFrame.Add(_table);

        _detail = new FrameView { X = 0, Y = Pos.Bottom(tableFrame), Width = Dim.Fill(), Height = 10 };
        _mood = new TextField { X = FieldColumn, Y = 0, Width = 18 };
        _mood.Accepting += (_, e) =>
        {
            e.Handled = true;
            CommitMood();
        };
        _mood.HasFocusChanged += (_, e) =>
        {
            if (e.NewValue)
            {
                _mood.SelectAll(); // typing replaces the mood
            }
            else
            {
                CommitMood();
            }
        };
        _moodMessage = new Label { X = Pos.Right(_mood) + 1, Y = 0, Width = Dim.Fill(), Height = 2 }.Literal();
        _targets = new ListView { X = FieldColumn, Y = 2, Width = Dim.Fill(), Height = 2 };
        _targets.KeyDown += (_, key) =>
        {
            if (key == Key.DeleteChar || key == Key.Delete || key == Key.Backspace)
            {
                key.Handled = true;
                RemoveTarget();
            }
        };
        _add = new TextField { X = FieldColumn, Y = 4, Width = Dim.Fill() };
        _add.Accepting += (_, e) =>
        {
            e.Handled = true;
            AddTarget(_add.Text);
        };
        _addMessage = new Label { X = FieldColumn, Y = 5, Width = Dim.Fill(), Height = 2 }.Literal();
        _shuffle = new CheckBox { Text = "shuffle the targets", X = FieldColumn, Y = 7 };
        _shuffle.ValueChanged += (_, e) => SetShuffle(e.NewValue == CheckState.Checked);
        _detail.Add(
            Caption("Mood", 0), _mood, _moodMessage,
            Caption("Targets", 2), _targets,
            Caption("Add", 4), _add, _addMessage,
            Caption("Shuffle", 7), _shuffle);

        var shortcuts = new List<Shortcut>
        {
            new(Key.Esc, $"Leave ({options.LeaveText})", Leave),
            new(Key.S.WithCtrl, "Save", () => Save()),
            new(Key.F2, "Folder…", PickFolder),
        };
        for (var i = 0; i < options.TargetCatalogs.Count && i < CatalogKeys.Length; i++)
        {
            var catalog = options.TargetCatalogs[i];
            shortcuts.Add(new Shortcut(CatalogKeys[i], $"{catalog.Title}…", () => PickFromCatalog(catalog)));
        }

        shortcuts.Add(new Shortcut(Key.DeleteChar, "Remove target", RemoveTarget));
        Add(_header, tableFrame, _detail, new StatusBar(shortcuts));

        session.App.Keyboard.KeyDown += OnKeyDown;
        Refresh(selectRow: 0);
        _table.SetFocus();
    }

    /// <summary>How the editor was left: saved (at least once), discarded changes, or nothing changed.</summary>
    public MappingEditorResult Outcome =>
        _saved ? MappingEditorResult.Saved : _draft.IsDirty ? MappingEditorResult.Discarded : MappingEditorResult.Unchanged;

    /// <inheritdoc />
    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            _session.App.Keyboard.KeyDown -= OnKeyDown;
        }

        base.Dispose(disposing);
    }

    private static Label Caption(string text, int row) => new() { Text = text, X = 0, Y = row };

    private EmotionMapping? Selected =>
        _table.Value?.SelectedCell.Y is { } row && row >= 0 && row < _rows.Count ? _rows[row] : null;

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
        else if (key == Key.S.WithCtrl)
        {
            key.Handled = true;
            Save();
        }
        else if (key == Key.F2)
        {
            key.Handled = true;
            PickFolder();
        }
        else if (Array.IndexOf(CatalogKeys, key) is var catalog and >= 0 && catalog < _options.TargetCatalogs.Count)
        {
            key.Handled = true;
            PickFromCatalog(_options.TargetCatalogs[catalog]);
        }
    }

    /// <summary>Rebuilds the table (keeping the row) and the fields of the selected row.</summary>
    private void Refresh(int? selectRow = null)
    {
        var row = selectRow ?? _table.Value?.SelectedCell.Y ?? 0;
        _rows = _draft.Emotions;
        _refreshing = true;
        _table.Table = new EnumerableTableSource<EmotionMapping>(_rows, MappingColumns.For(_draft));
        _table.SetSelection(0, Math.Clamp(row, 0, Math.Max(0, _rows.Count - 1)), false, null);
        _refreshing = false;
        ShowHeader();
        ShowSelected();
    }

    /// <summary>The top line: the file and whether there are unsaved changes, or the outcome of the last save.</summary>
    private void ShowHeader() =>
        _header.Text = _notice ?? $"Mapping editor — {_store.UserFilePath}{(_draft.IsDirty ? "   (unsaved changes: Ctrl+S saves)" : "")}";

    /// <summary>Shows <paramref name="notice"/> (a save's outcome) on the top line until the next edit (null clears it).</summary>
    private void Tell(string? notice)
    {
        _notice = notice;
        ShowHeader();
    }

    private void ShowSelected()
    {
        if (_refreshing || Selected is not { } row)
        {
            return;
        }

        _detail.Title = $"{row.Emotion} (Enter in a field applies it)";
        _mood.Text = row.Mood ?? "";
        _moodMessage.Text = $"moods: {string.Join(", ", _draft.Moods)}; empty: not mapped";
        var targets = row.Mood is null ? [] : _draft.TargetsOf(row.Mood).Targets;
        _targets.SetSource(new ObservableCollection<string>(targets));
        _targets.SelectedItem = targets.Count > 0 ? 0 : null;
        _add.Enabled = row.Mood is not null;
        _shuffle.Enabled = row.Mood is not null;
        _shuffle.Value = row.Mood is not null && _draft.TargetsOf(row.Mood).Shuffle ? CheckState.Checked : CheckState.UnChecked;
        _addMessage.Text = row.Mood is null
            ? "map the emotion to a mood first"
            : _draft.ProblemOf(row.Mood) ?? HintForAdd();
    }

    private string HintForAdd()
    {
        var catalogs = string.Concat(_options.TargetCatalogs.Take(CatalogKeys.Length).Select((c, i) => $", {CatalogKeys[i]} {c.Title}"));
        return $"spotify:playlist:…, an open.spotify.com link or a folder; F2 picks a folder{catalogs}";
    }

    private void CommitMood()
    {
        if (Selected is not { } row || string.Equals(_mood.Text.Trim(), row.Mood ?? "", StringComparison.OrdinalIgnoreCase))
        {
            return;
        }

        Tell(null);
        var result = _draft.Assign(row.Emotion, _mood.Text);
        if (!result.Ok)
        {
            _moodMessage.Text = $"✗ {result.Message}";
            return;
        }

        Refresh();
        _moodMessage.Text = $"✓ {result.Message}";
    }

    private void AddTarget(string input)
    {
        if (Selected is not { Mood: { } mood })
        {
            return;
        }

        Tell(null);
        var result = _draft.AddTarget(mood, input);
        if (!result.Ok)
        {
            _addMessage.Text = $"✗ {result.Message}";
            return;
        }

        _add.Text = "";
        Refresh();
        _addMessage.Text = $"✓ {result.Message}";
    }

    private void RemoveTarget()
    {
        if (Selected is not { Mood: { } mood } || _targets.SelectedItem is not { } index)
        {
            return;
        }

        var targets = _draft.TargetsOf(mood).Targets;
        if (index < 0 || index >= targets.Count)
        {
            return;
        }

        Tell(null);
        var result = _draft.RemoveTarget(mood, targets[index]);
        if (result.Ok)
        {
            Refresh();
        }

        _addMessage.Text = result.Ok ? $"✓ {result.Message}" : $"✗ {result.Message}";
    }

    private void SetShuffle(bool shuffle)
    {
        if (_refreshing || Selected is not { Mood: { } mood } || _draft.TargetsOf(mood).Shuffle == shuffle)
        {
            return;
        }

        Tell(null);
        _draft.SetShuffle(mood, shuffle);
        Refresh();
    }

    private void PickFolder()
    {
        if (Selected is not { Mood: { } mood })
        {
            _addMessage.Text = "✗ Map the emotion to a mood first.";
            return;
        }

        var start = _draft.TargetsOf(mood).Targets.FirstOrDefault(t => !t.StartsWith("spotify:", StringComparison.Ordinal));
        if (FolderPicker.Pick(_session, start is null ? null : UserPaths.ResolveAppPath(start)) is { } folder)
        {
            AddTarget(folder);
        }
    }

    private void PickFromCatalog(ITargetCatalog catalog)
    {
        if (Selected is not { Mood: not null })
        {
            _addMessage.Text = "✗ Map the emotion to a mood first.";
            return;
        }

        var choice = PickerDialog<TargetChoice>.Pick(
            _session,
            $"Add which of your {catalog.Title}?",
            $"Loading {catalog.Title}…",
            $"No {catalog.Title} found.",
            catalog.ListAsync,
            c => c.Name,
            null,
            _options.CatalogTimeout);
        if (choice is not null)
        {
            AddTarget(choice.Target);
        }
    }

    private bool Save()
    {
        CommitMood();
        if (_draft.Validate() is { } problem)
        {
            Tell($"✗ Not saved: {problem}");
            return false;
        }

        var path = _store.UserFilePath;
        string? backup = null;
        try
        {
            // The store keeps an invalid file it replaces as its backup (one backup logic, in the store).
            var replacesInvalid = MappingFileGuard.Problem(path, _store.Targets) is not null;
            // The store's save is asynchronous file I/O; it is short, and waiting on a pool thread never captures the UI's context.
            if (!Task.Run(() => _store.SaveAsync(_draft.ToMap(), CancellationToken.None)).Wait(SaveTimeout))
            {
                Tell($"✗ Not saved: writing {path} took longer than {SaveTimeout.TotalSeconds:0} s.");
                return false;
            }

            backup = replacesInvalid ? _store.BackupFilePath : null;
        }
        catch (AggregateException e)
        {
            // MoodMapException names the bad entry or the write that failed; anything else is said as it is.
            Tell($"✗ Not saved: {e.InnerException?.Message ?? e.Message}");
            return false;
        }

        _saved = true;
        _draft.Rebase();
        _notice = backup is null
            ? $"✓ Saved to {path}; a running dashboard uses it from the next decision."
            : $"✓ Saved; the unreadable file was kept beside it as {Path.GetFileName(backup)}.";
        Refresh();
        return true;
    }

    private void Leave()
    {
        CommitMood();
        if (_draft.IsDirty)
        {
            var answer = ChoiceDialog.Ask(_session, "Unsaved changes", "The mapping has changes that are not saved.", "_Keep editing", "_Discard and leave", "_Save and leave");
            if (answer is null or 0 || (answer == 2 && !Save()))
            {
                return;
            }
        }

        App?.RequestStop(this);
    }
}
