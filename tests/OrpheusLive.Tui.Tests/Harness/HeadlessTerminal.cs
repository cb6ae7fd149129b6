using System.Collections.Concurrent;
using System.Drawing;
using OrpheusLive.Tui.Hosting;
using Terminal.Gui.App;
using Terminal.Gui.Drivers;
using Terminal.Gui.Input;
using Terminal.Gui.Testing;
using Terminal.Gui.Time;

namespace OrpheusLive.Tui.Tests.Harness;

/// <summary>
/// A full-screen UI run through its real entry point on Terminal.Gui's ANSI driver with a virtual clock and a fixed
/// screen size, its loop on its own thread. The test acts between iterations of that loop (keys, mouse, time, reading
/// the screen) by queuing work that the loop's <c>Iteration</c> event runs — so a key that opens a dialog runs the
/// dialog's nested loop exactly as on a terminal. Time only moves when the test advances it; waits count loop
/// iterations (the wall-clock limit is only a safety net against a hung UI).
/// </summary>
public sealed class HeadlessTerminal : IAsyncDisposable
{
    private static readonly TimeSpan SafetyNet = TimeSpan.FromSeconds(30);
    private const int DefaultIterations = 4;

    private readonly ConcurrentQueue<Action> _work = new();
    private readonly TaskCompletionSource<IApplication> _started = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private long _iterations;
    private Task _run = Task.CompletedTask;

    private HeadlessTerminal(int width, int height, bool noColor)
    {
        Options = new TerminalUiOptions
        {
            Time = Time,
            Driver = DriverRegistry.Names.ANSI,
            ScreenSize = new Size(width, height),
            NoColor = noColor,
            IterationsPerSecond = 1000, // no waiting between iterations to speak of, without spinning a core flat out
            Started = app =>
            {
                app.Iteration += (_, _) =>
                {
                    while (_work.TryDequeue(out var work))
                    {
                        work();
                    }

                    Interlocked.Increment(ref _iterations);
                };
                _started.TrySetResult(app);
            },
        };
    }

    /// <summary>The UI's clock.</summary>
    public VirtualTimeProvider Time { get; } = new();

    /// <summary>The options to give the entry point.</summary>
    public TerminalUiOptions Options { get; }

    /// <summary>The running application.</summary>
    public IApplication App { get; private set; } = null!;

    /// <summary>The entry point's task (completes when the UI closed).</summary>
    public Task Completion => _run;

    /// <summary>Starts <paramref name="run"/> (an entry point given <see cref="Options"/>) and waits until its first screen is drawn.</summary>
    public static async Task<HeadlessTerminal> StartAsync(Func<TerminalUiOptions, Task> run, int width = 110, int height = 34, bool noColor = false)
    {
        var terminal = new HeadlessTerminal(width, height, noColor);
        terminal._run = run(terminal.Options);
        var first = await Task.WhenAny(terminal._started.Task, terminal._run).WaitAsync(SafetyNet);
        if (first == terminal._run)
        {
            await terminal._run; // failed before the UI started: show why
        }

        terminal.App = await terminal._started.Task;
        terminal.Iterate();
        return terminal;
    }

    /// <summary>The screen as text, one line per row (after the loop drew what is pending).</summary>
    public string Screen()
    {
        Iterate();
        return On(() => App.Driver!.ToString()!);
    }

    /// <summary>The screen's rows.</summary>
    public string[] Rows() => Screen().Split('\n').Select(r => r.TrimEnd('\r')).ToArray();

    /// <summary>The screen as ANSI (to check attributes and colours).</summary>
    public string Ansi()
    {
        Iterate();
        return On(() => App.Driver!.ToAnsi()!);
    }

    /// <summary>Presses <paramref name="key"/> (handled in the loop, as a real key would be).</summary>
    public HeadlessTerminal Press(Key key)
    {
        _work.Enqueue(() => App.InjectKey(key));
        Iterate();
        return this;
    }

    /// <summary>Types <paramref name="text"/> one key at a time.</summary>
    public HeadlessTerminal Type(string text)
    {
        foreach (var c in text)
        {
            Press(new Key(c));
        }

        return this;
    }

    /// <summary>Clicks (press and release) the left button at screen cell (<paramref name="x"/>, <paramref name="y"/>).</summary>
    public HeadlessTerminal Click(int x, int y, bool twice = false)
    {
        var point = new Point(x, y);
        for (var i = 0; i < (twice ? 2 : 1); i++)
        {
            _work.Enqueue(() =>
            {
                App.InjectMouse(new Mouse { ScreenPosition = point, Flags = MouseFlags.LeftButtonPressed, Timestamp = Time.Now });
                App.InjectMouse(new Mouse { ScreenPosition = point, Flags = MouseFlags.LeftButtonReleased, Timestamp = Time.Now });
            });
            Iterate();
        }

        return this;
    }

    /// <summary>The screen cell where <paramref name="text"/> starts, or throws with the screen.</summary>
    public Point Find(string text)
    {
        var rows = Rows();
        for (var y = 0; y < rows.Length; y++)
        {
            var x = rows[y].IndexOf(text, StringComparison.Ordinal);
            if (x >= 0)
            {
                return new Point(x, y);
            }
        }

        throw new InvalidOperationException($"'{text}' is not on the screen:\n{string.Join('\n', rows)}");
    }

    /// <summary>Moves the UI's clock on by <paramref name="span"/> and lets its timers run.</summary>
    public HeadlessTerminal Advance(TimeSpan span)
    {
        _work.Enqueue(() => Time.Advance(span));
        Iterate();
        return this;
    }

    /// <summary>Changes the terminal's size, as a resize would.</summary>
    public HeadlessTerminal Resize(int width, int height)
    {
        _work.Enqueue(() => App.Driver!.SetScreenSize(width, height));
        Iterate();
        return this;
    }

    /// <summary>
    /// Lets the loop run until the screen satisfies <paramref name="done"/> (work finishing on other threads, such as
    /// a device list) and returns it; fails with the last screen.
    /// </summary>
    public string WaitFor(Func<string, bool> done, string what)
    {
        var screen = "";
        WaitUntil(() => done(screen = Screen()), what);
        return screen;
    }

    /// <summary>Lets the loop run until <paramref name="done"/> holds (checked between iterations); fails naming <paramref name="what"/>.</summary>
    public void WaitUntil(Func<bool> done, string what)
    {
        var stopwatch = System.Diagnostics.Stopwatch.StartNew();
        while (!done())
        {
            if (stopwatch.Elapsed > SafetyNet || _run.IsCompleted)
            {
                throw new TimeoutException($"Never saw {what}; the screen was:\n{(_run.IsCompleted ? "(closed)" : Screen())}");
            }

            Iterate();
        }
    }

    /// <summary>Waits until the UI closed (the entry point returned); fails if it does not within the loop's safety net.</summary>
    public async Task ClosedAsync() => await _run.WaitAsync(SafetyNet);

    /// <summary>Runs <paramref name="action"/> on the UI thread between iterations.</summary>
    public void On(Action action) => On(() =>
    {
        action();
        return true;
    });

    /// <summary>Runs <paramref name="read"/> on the UI thread between iterations and returns its value.</summary>
    public T On<T>(Func<T> read)
    {
        var result = new TaskCompletionSource<T>(TaskCreationOptions.RunContinuationsAsynchronously);
        _work.Enqueue(() =>
        {
            try
            {
                result.SetResult(read());
            }
            catch (Exception e)
            {
                result.SetException(e);
            }
        });
        var stopwatch = System.Diagnostics.Stopwatch.StartNew();
        while (!result.Task.Wait(TimeSpan.FromMilliseconds(5)))
        {
            if (_run.IsCompleted)
            {
                throw new InvalidOperationException("The UI closed before the test's work ran.");
            }

            if (stopwatch.Elapsed > SafetyNet)
            {
                throw new TimeoutException("The UI loop did not run the test's work.");
            }
        }

        return result.Task.Result;
    }

    /// <summary>Closes the UI (as Ctrl+C) if the test left it open, and waits for it.</summary>
    public async ValueTask DisposeAsync()
    {
        if (!_run.IsCompleted)
        {
            _work.Enqueue(() => App.InjectKey(Key.C.WithCtrl));
        }

        try
        {
            await _run.WaitAsync(SafetyNet);
        }
        catch (Exception) when (_run.IsFaulted)
        {
            // The test observed (or will observe) the failure through Completion.
        }
    }

    /// <summary>Lets the loop run a few iterations: enough for queued work, due timers and the redraw after them.</summary>
    private void Iterate(int count = DefaultIterations)
    {
        var target = Interlocked.Read(ref _iterations) + count;
        var stopwatch = System.Diagnostics.Stopwatch.StartNew();
        while (Interlocked.Read(ref _iterations) < target)
        {
            if (_run.IsCompleted)
            {
                return;
            }

            if (stopwatch.Elapsed > SafetyNet)
            {
                throw new TimeoutException("The UI loop stopped iterating.");
            }

            Thread.Yield();
        }
    }
}
