using Terminal.Gui.ViewBase;
using Terminal.Gui.Views;

namespace OrpheusLive.Tui.Hosting;

/// <summary>A question with buttons ("Keep editing", "Discard", "Save and leave"); the last button is the default (Enter), Esc answers nothing.</summary>
public static class ChoiceDialog
{
    /// <summary>Asks <paramref name="message"/> and returns the index of the button pressed, or null for Esc.</summary>
    public static int? Ask(TuiSession session, string title, string message, params string[] buttons)
    {
        ArgumentNullException.ThrowIfNull(session);
        ArgumentNullException.ThrowIfNull(buttons);
        using var dialog = new Dialog { Title = title, Width = Dim.Percent(80), Height = Dim.Auto() };
        dialog.Add(new Label { Text = message, X = 1, Y = 1, Width = Dim.Fill(1), Height = Dim.Auto() }.Literal());
        foreach (var text in buttons)
        {
            dialog.AddButton(new Button { Text = text });
        }

        session.Show(dialog);
        return dialog.Result;
    }
}
