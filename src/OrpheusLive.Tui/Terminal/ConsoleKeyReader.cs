namespace OrpheusLive.Tui.Terminal;

/// <summary>Reads keys from the terminal by polling <see cref="Console.KeyAvailable"/> (a blocking read would freeze the screen).</summary>
public sealed class ConsoleKeyReader : IKeyReader
{
    /// <inheritdoc />
    public bool TryRead(out ConsoleKeyInfo key)
    {
        key = default;
        try
        {
            if (!Console.KeyAvailable)
            {
                return false;
            }
        }
        catch (InvalidOperationException)
        {
            return false; // Input is not a terminal; the command refuses to start in that case, this is only a safety net.
        }

        key = Console.ReadKey(intercept: true);
        return true;
    }
}
