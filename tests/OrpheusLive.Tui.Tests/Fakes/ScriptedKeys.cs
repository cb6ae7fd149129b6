using OrpheusLive.Tui.Terminal;

namespace OrpheusLive.Tui.Tests.Fakes;

/// <summary>
/// Dashboard keys released one at a time, each only once its condition holds (e.g. "the input has ended"); a step can also
/// be an action (Ctrl+C from outside) run on the UI's key poll once its condition holds. Conditions, not clocks.
/// </summary>
public sealed class ScriptedKeys : IKeyReader
{
    private readonly Queue<(Func<bool> Ready, ConsoleKeyInfo? Key, Action? Action)> _steps = new();
    private readonly object _gate = new();

    public ScriptedKeys Then(char key, Func<bool>? when = null)
    {
        lock (_gate)
        {
            _steps.Enqueue((when ?? (() => true), new ConsoleKeyInfo(key, ConsoleKey.A, false, false, false), null));
        }

        return this;
    }

    public ScriptedKeys ThenDo(Action action, Func<bool> when)
    {
        lock (_gate)
        {
            _steps.Enqueue((when, null, action));
        }

        return this;
    }

    public int Remaining
    {
        get
        {
            lock (_gate)
            {
                return _steps.Count;
            }
        }
    }

    public bool TryRead(out ConsoleKeyInfo key)
    {
        key = default;
        Action? action = null;
        lock (_gate)
        {
            if (_steps.Count == 0 || !_steps.Peek().Ready())
            {
                return false;
            }

            var step = _steps.Dequeue();
            if (step.Key is { } k)
            {
                key = k;
                return true;
            }

            action = step.Action;
        }

        action?.Invoke();
        return false;
    }
}
