using System.Collections.ObjectModel;
using Terminal.Gui.App;
using Terminal.Gui.ViewBase;
using Terminal.Gui.Views;

namespace OrpheusLive.Tui.Hosting;

/// <summary>
/// A dialog that loads a list in the background (so a slow service never freezes the screen), then returns the item
/// the user picks with Enter or a double click; Esc returns nothing. Used for playback devices and for targets from
/// catalogs (Spotify playlists, library moods).
/// </summary>
/// <typeparam name="T">The items.</typeparam>
public sealed class PickerDialog<T> : Dialog
    where T : class
{
    private readonly Label _status;
    private readonly ListView _list;
    private readonly Func<T, string> _label;
    private readonly string _emptyText;
    private IReadOnlyList<T> _items = [];
    private bool _closed;

    private PickerDialog(string title, string loadingText, string emptyText, Func<T, string> label)
    {
        Title = title;
        Width = Dim.Percent(70);
        Height = Dim.Percent(60);
        _label = label;
        _emptyText = emptyText;
        _status = new Label { Text = loadingText, X = 1, Y = 0, Width = Dim.Fill(1) }.Literal();
        _list = new ListView { X = 1, Y = 2, Width = Dim.Fill(1), Height = Dim.Fill(1) };
        _list.Accepting += (_, e) =>
        {
            e.Handled = true;
            Choose();
        };
        Add(_status, _list);
    }

    /// <summary>The item chosen, or null.</summary>
    public T? Chosen { get; private set; }

    /// <summary>Shows the dialog while <paramref name="load"/> runs (at most <paramref name="timeout"/>) and returns the pick.</summary>
    /// <param name="session">The running UI.</param>
    /// <param name="title">The dialog's title (the question).</param>
    /// <param name="loadingText">Shown while loading.</param>
    /// <param name="emptyText">Shown when the list is empty (what to do about it).</param>
    /// <param name="load">Gets the items (off the UI thread).</param>
    /// <param name="label">How an item is shown.</param>
    /// <param name="isCurrent">Which item is selected first (the one in use), or null.</param>
    /// <param name="timeout">How long loading may take.</param>
    public static T? Pick(TuiSession session, string title, string loadingText, string emptyText,
        Func<CancellationToken, Task<IReadOnlyList<T>>> load, Func<T, string> label, Func<T, bool>? isCurrent, TimeSpan timeout)
    {
        ArgumentNullException.ThrowIfNull(session);
        ArgumentNullException.ThrowIfNull(load);
        using var dialog = new PickerDialog<T>(title, loadingText, emptyText, label);
        var app = session.App;
        _ = Task.Run(async () =>
        {
            string? problem = null;
            IReadOnlyList<T> found = [];
            try
            {
                using var timeoutSource = new CancellationTokenSource(timeout);
                found = await load(timeoutSource.Token).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                problem = $"No answer within {timeout.TotalSeconds:0} s; press Esc and try again.";
            }
            catch (Exception e)
            {
                problem = $"Could not get the list: {e.Message}";
            }

            app.Post(() => dialog.Fill(found, problem, isCurrent));
        });
        session.Show(dialog);
        dialog._closed = true;
        return dialog.Chosen;
    }

    private void Fill(IReadOnlyList<T> items, string? problem, Func<T, bool>? isCurrent)
    {
        if (_closed)
        {
            return;
        }

        _items = items;
        _status.Text = problem ?? (items.Count == 0 ? _emptyText : "↑/↓ and Enter (or a double click) to choose, Esc to go back.");
        _list.SetSource(new ObservableCollection<string>(items.Select(_label)));
        if (items.Count > 0)
        {
            var current = isCurrent is null ? -1 : items.ToList().FindIndex(i => isCurrent(i));
            _list.SelectedItem = Math.Max(0, current);
            _list.SetFocus();
        }
    }

    private void Choose()
    {
        if (_list.SelectedItem is { } index && index >= 0 && index < _items.Count)
        {
            Chosen = _items[index];
            App?.RequestStop(this);
        }
    }
}
