namespace OrpheusLive.Commands.Model;

/// <summary>A one-line progress bar on standard error, drawn only when it is a terminal.</summary>
public sealed class ProgressLine(int total, bool enabled)
{
    private int _done;
    private int _lastDrawn = -1;

    /// <summary>Counts one item and redraws when the visible percentage changed.</summary>
    public void Advance()
    {
        _done++;
        if (!enabled || total == 0)
        {
            return;
        }

        var percent = _done * 100 / total;
        if (percent == _lastDrawn)
        {
            return;
        }

        _lastDrawn = percent;
        const int width = 30;
        var filled = percent * width / 100;
        Console.Error.Write($"\r[{new string('#', filled)}{new string('-', width - filled)}] {_done}/{total} ({percent}%)");
    }

    /// <summary>Ends the line.</summary>
    public void Done()
    {
        if (enabled && total > 0)
        {
            Console.Error.WriteLine();
        }
    }
}
