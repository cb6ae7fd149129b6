using System.Collections.ObjectModel;
using OrpheusLive.Core.Calibration;
using OrpheusLive.Core.Pipeline.State;
using OrpheusLive.Tui.Hosting;
using Terminal.Gui.Input;
using Terminal.Gui.ViewBase;
using Terminal.Gui.Views;

namespace OrpheusLive.Tui.Calibration;

/// <summary>
/// The dashboard's calibration screen ([c]): the enrolment of <c>orpheus calibrate</c> on the dashboard. It shows each
/// prompt with its emotion; Space or Enter records the line (a level meter and "Recording… 3 s", counted in recorded
/// audio), s skips it; after the last line a before/after confidence table, and Enter saves the profile (atomically;
/// the running pipeline continues from it). Listening is paused while the screen is open, so the music does not follow
/// the prompted lines, and resumed when it closes (unless it was paused before). Esc leaves, asking first when
/// recorded lines were not saved. All model and microphone work runs off the UI thread (<see cref="IEnrolmentStudio"/>).
/// </summary>
public sealed class CalibrationScreen : Runnable
{
    private readonly TuiSession _session;
    private readonly IEnrolmentStudio _studio;
    private readonly CancellationTokenSource _stop = new();
    private readonly Label _intro;
    private readonly FrameView _promptFrame;
    private readonly Label _manner;
    private readonly Label _line;
    private readonly Label _state;
    private readonly Label _meter;
    private readonly FrameView _resultsFrame;
    private readonly ListView _results;
    private readonly Label _status;
    private EnrolmentSession? _enrolment;
    private int _index;
    private bool _busy = true;
    private bool _finished;
    private bool _saved;
    private bool _closed;

    private CalibrationScreen(TuiSession session, IEnrolmentStudio studio, string leaveText)
    {
        _session = session;
        _studio = studio;
        Width = Dim.Fill();
        Height = Dim.Fill();
        _intro = new Label { Text = "Loading the emotion model…", X = 0, Y = 0, Width = Dim.Fill(), Height = 1 }.Literal();

        _promptFrame = new FrameView { Title = "Calibration", X = 0, Y = 1, Width = Dim.Fill(), Height = 8 };
        _manner = new Label { X = 1, Y = 0, Width = Dim.Fill(1), Height = 1 }.Literal();
        _line = new Label { X = 3, Y = 1, Width = Dim.Fill(1), Height = 1 }.Literal();
        _state = new Label { X = 1, Y = 3, Width = Dim.Fill(1), Height = 1 }.Literal();
        _meter = new Label { X = 1, Y = 4, Width = Dim.Fill(1), Height = 1 }.Literal();
        _promptFrame.Add(_manner, _line, _state, _meter);

        _resultsFrame = new FrameView { Title = "Confidence in the asked emotion (before → after)", X = 0, Y = Pos.Bottom(_promptFrame), Width = Dim.Fill(), Height = Dim.Fill(2) };
        _results = new ListView { Width = Dim.Fill(), Height = Dim.Fill(), CanFocus = true };
        _resultsFrame.Add(_results);
        _status = new Label { X = 0, Y = Pos.AnchorEnd(2), Width = Dim.Fill(), Height = 1 }.Literal();

        var statusBar = new StatusBar(
        [
            new Shortcut(Key.Space, "Record / Save profile", RecordOrSave),
            new Shortcut(Key.S, "Skip line", Skip),
            new Shortcut(Key.Esc, $"Leave ({leaveText})", Leave),
        ]);
        Add(_intro, _promptFrame, _resultsFrame, _status, statusBar);
        session.App.Keyboard.KeyDown += OnKeyDown;
    }

    /// <summary>
    /// Runs the enrolment until the user leaves. Listening on <paramref name="pipeline"/> is paused meanwhile and resumed
    /// after (unless it was paused, ended or failed before).
    /// </summary>
    /// <param name="session">The running UI.</param>
    /// <param name="studio">The model, microphone and profile store.</param>
    /// <param name="pipeline">The running pipeline (its listening is paused while the screen is open).</param>
    /// <param name="leaveText">Where Esc goes ("back to the dashboard").</param>
    /// <returns>True when a profile was saved.</returns>
    public static bool Run(TuiSession session, IEnrolmentStudio studio, IPipelineControl pipeline, string leaveText)
    {
        ArgumentNullException.ThrowIfNull(session);
        ArgumentNullException.ThrowIfNull(studio);
        ArgumentNullException.ThrowIfNull(pipeline);
        var pause = pipeline.Current.Status is PipelineStatus.Listening or PipelineStatus.Starting;
        if (pause)
        {
            pipeline.PauseListening();
        }

        using var screen = new CalibrationScreen(session, studio, leaveText);
        try
        {
            screen.Begin();
            session.Show(screen);
        }
        finally
        {
            screen._closed = true;
            screen._stop.Cancel();
            if (pause)
            {
                pipeline.ResumeListening();
            }
        }

        return screen._saved;
    }

    /// <inheritdoc />
    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            _session.App.Keyboard.KeyDown -= OnKeyDown;
            _stop.Dispose();
        }

        base.Dispose(disposing);
    }

    private EnrolmentPrompt? Current => _enrolment is { } e && _index < e.Prompts.Count ? e.Prompts[_index] : null;

    private void Begin() => Background(async ct =>
    {
        var (enrolment, warning) = await _studio.BeginAsync(ct).ConfigureAwait(false);
        return () =>
        {
            _enrolment = enrolment;
            _busy = false;
            _intro.Text = $"Profile '{enrolment.ProfileName}': read each line aloud in the voice asked for ({enrolment.Prompts.Count} lines, {_studio.LineSeconds} s each). Listening is paused.";
            _status.Text = warning is null ? "" : $"Warning: {warning}";
            ShowPrompt();
        };
    }, "Could not start the calibration");

    private void OnKeyDown(object? sender, Key key)
    {
        if (key.Handled || _session.App.TopRunnableView != this)
        {
            return;
        }

        Action? action = key == Key.Esc ? Leave
            : key == Key.Space || key == Key.Enter ? RecordOrSave
            : key == Key.S || key == Key.S.WithShift ? Skip
            : null;
        if (action is not null)
        {
            key.Handled = true;
            action();
        }
    }

    private void RecordOrSave()
    {
        if (_busy || _enrolment is not { } enrolment)
        {
            return;
        }

        if (_finished)
        {
            Save(enrolment);
            return;
        }

        if (Current is not { } prompt)
        {
            return;
        }

        _busy = true;
        var name = $"line {_index + 1}";
        _state.Text = CalibrationText.Recording(new RecordingProgress(0, _studio.LineSeconds, float.NegativeInfinity));
        _meter.Text = CalibrationText.Meter(float.NegativeInfinity);
        Background(async ct =>
        {
            var samples = await _studio.RecordAsync(prompt, p => _session.App.Post(() => ShowProgress(p)), ct).ConfigureAwait(false);
            _session.App.Post(() =>
            {
                if (!_closed)
                {
                    _state.Text = "Scoring…";
                }
            });
            enrolment.Add(name, prompt.Label, samples);
            return () =>
            {
                _status.Text = $"Recorded {name} ({prompt.Label}).";
                Next();
            };
        }, $"Could not record {name}");
    }

    private void Skip()
    {
        if (_busy || _finished || Current is null)
        {
            return;
        }

        _status.Text = $"Skipped line {_index + 1}.";
        Next();
    }

    private void Next()
    {
        _busy = false;
        _index++;
        if (Current is not null)
        {
            ShowPrompt();
            return;
        }

        Finish();
    }

    private void ShowPrompt()
    {
        if (Current is not { } prompt || _enrolment is not { } enrolment)
        {
            return;
        }

        _promptFrame.Title = CalibrationText.LineTitle(_index, enrolment.Prompts.Count);
        _manner.Text = CalibrationText.Manner(prompt);
        _line.Text = CalibrationText.Line(prompt);
        _state.Text = "Space or Enter records this line; s skips it.";
        _meter.Text = "";
    }

    private void ShowProgress(RecordingProgress progress)
    {
        if (_closed || !_busy || _finished)
        {
            return;
        }

        _state.Text = CalibrationText.Recording(progress);
        _meter.Text = CalibrationText.Meter(progress.LevelDbfs);
    }

    private void Finish()
    {
        _finished = true;
        _promptFrame.Title = "Calibration";
        _manner.Text = "All lines done.";
        _line.Text = "";
        _meter.Text = "";
        if (_enrolment is not { Count: > 0 } enrolment)
        {
            _state.Text = "No line was recorded, so there is nothing to learn; Esc leaves.";
            return;
        }

        _busy = true;
        _state.Text = "Learning your voice…";
        Background(_ =>
        {
            var result = enrolment.Enrol();
            return Task.FromResult<Action>(() =>
            {
                _busy = false;
                var rows = new List<string> { CalibrationText.Header };
                rows.AddRange(result.Clips.Select((clip, i) => CalibrationText.Row(enrolment.Names[i], clip)));
                rows.Add(CalibrationText.Mean(result));
                _results.SetSource(new ObservableCollection<string>(rows));
                _state.Text = result.Summary;
                _meter.Text = $"Enter: Save profile '{enrolment.ProfileName}'    Esc: leave without saving";
            });
        }, "Could not learn from the lines");
    }

    private void Save(EnrolmentSession enrolment)
    {
        if (_saved)
        {
            _status.Text = "The profile is saved; Esc goes back.";
            return;
        }

        _busy = true;
        _status.Text = "Saving…";
        Background(async ct =>
        {
            var saved = await _studio.SaveAsync(enrolment, ct).ConfigureAwait(false);
            return () =>
            {
                _busy = false;
                _saved = saved.Saved;
                _status.Text = saved.Message;
                if (saved.Saved)
                {
                    _meter.Text = "Esc goes back.";
                }
            };
        }, "Could not save the profile");
    }

    private void Leave()
    {
        if (_enrolment is { Count: > 0 } enrolment && !_saved)
        {
            var answer = ChoiceDialog.Ask(_session, "Leave calibration?",
                $"{enrolment.Count} recorded line(s) are not saved; leaving forgets them.", "_Keep calibrating", "_Leave without saving");
            if (answer != 1)
            {
                return;
            }
        }

        App?.RequestStop(this);
    }

    // Runs work off the UI thread; its result (an update of the screen) or its failure is shown on the UI thread.
    private void Background(Func<CancellationToken, Task<Action>> work, string failure)
    {
        var token = _stop.Token;
        _ = Task.Run(async () =>
        {
            Action show;
            try
            {
                show = await work(token).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (token.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e)
            {
                var message = e.Message;
                show = () =>
                {
                    _busy = _enrolment is null;
                    if (_enrolment is null)
                    {
                        _intro.Text = "Calibration is not available; Esc goes back.";
                    }

                    _status.Text = $"{failure}: {message}";
                    if (_enrolment is not null && !_finished)
                    {
                        ShowPrompt();
                    }
                };
            }

            _session.App.Post(() =>
            {
                if (!_closed)
                {
                    show();
                }
            });
        }, CancellationToken.None);
    }
}
