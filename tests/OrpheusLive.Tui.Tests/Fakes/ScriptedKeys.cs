using OrpheusLive.Tui.Terminal;

namespace OrpheusLive.Tui.Tests.Fakes;

/// <summary>Dashboard keys released one at a time, each only once its condition holds (e.g. "the input has ended").</summary>
public sealed class ScriptedKeys : IKeyReader
{
    private readonly Queue<(Func<bool> Ready, ConsoleKeyInfo Key)> _keys = new();
    private readonly object _gate = new();

    public ScriptedKeys Then(char key, Func<bool>? when = null)
    {
        lock (_gate)
        {
            _keys.Enqueue((when ?? (() => true), new ConsoleKeyInfo(key, ConsoleKey.A, false, false, false)));
        }

        return this;
    }

    public int Remaining
    {
        get
        {
            lock (_gate)
            {
                return _keys.Count;
            }
        }
    }

    public bool TryRead(out ConsoleKeyInfo key)
    {
        lock (_gate)
        {
            if (_keys.Count > 0 && _keys.Peek().Ready())
            {
                key = _keys.Dequeue().Key;
                return true;
            }
        }

        key = default;
        return false;
    }
}
