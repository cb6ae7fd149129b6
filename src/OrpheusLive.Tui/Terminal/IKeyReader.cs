namespace OrpheusLive.Tui.Terminal;

/// <summary>Non-blocking key input, so the UI loop keeps rendering while no key is pressed.</summary>
public interface IKeyReader
{
    /// <summary>Returns true and the key when one is waiting; false at once otherwise (never blocks).</summary>
    bool TryRead(out ConsoleKeyInfo key);
}
