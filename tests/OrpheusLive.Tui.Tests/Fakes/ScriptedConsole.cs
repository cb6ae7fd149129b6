using System.Text;
using System.Text.RegularExpressions;
using Spectre.Console;
using Spectre.Console.Rendering;

namespace OrpheusLive.Tui.Tests.Fakes;

/// <summary>
/// A Spectre console that writes to a string and reads scripted keys (Spectre.Console.Testing does not restore here).
/// Without ANSI and colour, so the output is plain text to assert on.
/// </summary>
public sealed partial class ScriptedConsole : IAnsiConsole, IAnsiConsoleInput
{
    private readonly IAnsiConsole _inner;
    private readonly StringWriter _writer = new();
    private readonly Queue<ConsoleKeyInfo> _keys = new();
    private readonly object _gate = new();

    public ScriptedConsole(int width = 80, int height = 24, bool ansi = false, ColorSystemSupport colors = ColorSystemSupport.NoColors, bool unicode = true)
    {
        _inner = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Ansi = ansi ? AnsiSupport.Yes : AnsiSupport.No,
            ColorSystem = colors,
            Interactive = InteractionSupport.Yes,
            Out = new AnsiConsoleOutput(_writer),
        });
        _inner.Profile.Width = width;
        _inner.Profile.Height = height;
        _inner.Profile.Capabilities.Unicode = unicode;
    }

    /// <summary>When set, reading a key from an empty queue throws (a test would otherwise hang on a prompt).</summary>
    public bool FailWhenOutOfKeys { get; set; } = true;

    public string Output
    {
        get
        {
            lock (_gate)
            {
                return _writer.ToString();
            }
        }
    }

    public Profile Profile => _inner.Profile;

    public IAnsiConsoleCursor Cursor => _inner.Cursor;

    public IAnsiConsoleInput Input => this;

    public IExclusivityMode ExclusivityMode => _inner.ExclusivityMode;

    public RenderPipeline Pipeline => _inner.Pipeline;

    public void Clear(bool home) => _inner.Clear(home);

    public void Write(IRenderable renderable)
    {
        lock (_gate)
        {
            _inner.Write(renderable);
        }
    }

    public ScriptedConsole Type(string text)
    {
        foreach (var c in text)
        {
            Press(c is '\r' or '\n' ? new ConsoleKeyInfo('\r', ConsoleKey.Enter, false, false, false) : new ConsoleKeyInfo(c, ConsoleKey.A, false, false, false));
        }

        return this;
    }

    public ScriptedConsole Press(ConsoleKey key, int times = 1)
    {
        for (var i = 0; i < times; i++)
        {
            var c = key switch
            {
                ConsoleKey.Enter => '\r',
                ConsoleKey.Backspace => '\b',
                _ => '\0',
            };
            Press(new ConsoleKeyInfo(c, key, false, false, false));
        }

        return this;
    }

    public ScriptedConsole Press(ConsoleKeyInfo key)
    {
        lock (_gate)
        {
            _keys.Enqueue(key);
        }

        return this;
    }

    public int PendingKeys
    {
        get
        {
            lock (_gate)
            {
                return _keys.Count;
            }
        }
    }

    public bool IsKeyAvailable()
    {
        lock (_gate)
        {
            return _keys.Count > 0;
        }
    }

    public ConsoleKeyInfo? ReadKey(bool intercept)
    {
        lock (_gate)
        {
            if (_keys.Count > 0)
            {
                return _keys.Dequeue();
            }
        }

        if (FailWhenOutOfKeys)
        {
            throw new InvalidOperationException($"The test ran out of scripted keys. Screen so far:\n{Output}");
        }

        return null;
    }

    public async Task<ConsoleKeyInfo?> ReadKeyAsync(bool intercept, CancellationToken cancellationToken)
    {
        while (!IsKeyAvailable() && !FailWhenOutOfKeys)
        {
            await Task.Delay(5, cancellationToken);
        }

        return ReadKey(intercept);
    }

    /// <summary>Waits (with a deadline, polling the output) until the screen shows <paramref name="text"/>.</summary>
    public async Task WaitForTextAsync(string text)
    {
        var deadline = DateTime.UtcNow.AddSeconds(20);
        while (!Text().Contains(text, StringComparison.Ordinal))
        {
            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"The screen never showed '{text}':\n{Text()}");
            }

            await Task.Delay(10); // a poll interval, not a timing: the condition decides
        }
    }

    /// <summary>The output without ANSI sequences and with each line's trailing spaces removed (joined with \n).</summary>
    public string Text() => string.Join('\n', AnsiSequence().Replace(Output, "").Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n').Select(l => l.TrimEnd()));

    [GeneratedRegex(@"\u001b(\[[0-9;?]*[A-Za-z]|\][^\u0007]*\u0007)")]
    private static partial Regex AnsiSequence();

    public override string ToString() => new StringBuilder(Output).ToString();
}
