using OrpheusLive.Core.Moods;
using Spectre.Console;

namespace OrpheusLive.Tui.Mapping;

/// <summary>
/// The interactive mapping editor (dashboard key [m] and <c>orpheus map</c>): shows emotion → mood and mood → playlists,
/// and edits a <see cref="MappingDraft"/> with Spectre prompts. Saving goes through <see cref="IMoodMapStore.SaveAsync"/>
/// (validated, atomic); a running pipeline reads the new mapping at its next decision. Leaving without saving is always
/// the last entry of every menu.
/// </summary>
public sealed class MappingEditor(IAnsiConsole console, IMoodMapStore store, MappingEditorLabels labels)
{
    private const string Back = "‹ Back";
    private readonly string _ellipsis = console.Profile.Capabilities.Unicode ? "…" : "...";
    private string? _message;
    private bool _messageIsError;

    /// <summary>Runs until the user saves or leaves. Cancellation (Ctrl+C) throws <see cref="OperationCanceledException"/> without saving.</summary>
    public async Task<MappingEditorResult> RunAsync(CancellationToken cancellationToken)
    {
        var draft = new MappingDraft(store.Current, store.Targets);
        while (true)
        {
            ShowOverview(draft);
            var dirty = draft.IsDirty;
            var choice = await ChooseAsync(
                dirty ? "What next? [yellow](unsaved changes)[/]" : "What next?",
                ["Change an emotion's mood", "Edit a mood's playlists", labels.Save, labels.Close],
                cancellationToken);
            switch (choice)
            {
                case 0:
                    await ChangeEmotionAsync(draft, cancellationToken);
                    break;
                case 1:
                    await EditMoodsAsync(draft, cancellationToken);
                    break;
                case 2:
                    if (!dirty)
                    {
                        return MappingEditorResult.Unchanged;
                    }

                    if (await SaveAsync(draft, cancellationToken))
                    {
                        return MappingEditorResult.Saved;
                    }

                    break;
                default:
                    if (!dirty)
                    {
                        return MappingEditorResult.Unchanged;
                    }

                    var discard = await ChooseAsync("Discard your changes?", ["Keep editing", "Discard changes"], cancellationToken);
                    if (discard == 1)
                    {
                        return MappingEditorResult.Discarded;
                    }

                    break;
            }
        }
    }

    private async Task<bool> SaveAsync(MappingDraft draft, CancellationToken cancellationToken)
    {
        if (draft.Validate() is { } problem)
        {
            Say(problem, error: true);
            return false;
        }

        try
        {
            await store.SaveAsync(draft.ToMap(), cancellationToken);
            return true;
        }
        catch (MoodMapException e)
        {
            Say(e.Message, error: true);
            return false;
        }
    }

    private async Task ChangeEmotionAsync(MappingDraft draft, CancellationToken cancellationToken)
    {
        var emotions = draft.Emotions;
        var pick = await ChooseAsync(
            "Which emotion?",
            [.. emotions.Select(e => $"{e.Emotion} → {e.Mood ?? "(not mapped)"}"), Back],
            cancellationToken);
        if (pick >= emotions.Count)
        {
            return;
        }

        var emotion = emotions[pick];
        var moods = draft.Moods;
        var moodPick = await ChooseAsync(
            $"Mood for [bold]{Markup.Escape(emotion.Emotion)}[/]?",
            [.. moods.Select(m => m == emotion.Mood ? $"{m} (current)" : m), "+ New mood…", Back],
            cancellationToken);
        if (moodPick < moods.Count)
        {
            Report(draft.SetMood(emotion.Emotion, moods[moodPick]));
            return;
        }

        if (moodPick == moods.Count)
        {
            await NewMoodAsync(draft, emotion.Emotion, cancellationToken);
        }
    }

    private async Task NewMoodAsync(MappingDraft draft, string emotion, CancellationToken cancellationToken)
    {
        var name = await AskAsync("Name of the new mood (empty to cancel):", draft.CheckNewMoodName, cancellationToken);
        if (name is null)
        {
            return;
        }

        var target = await AskTargetAsync(draft, $"First playlist for '{name.Trim().ToLowerInvariant()}'", cancellationToken);
        if (target is null)
        {
            return;
        }

        var added = draft.AddMood(name, target);
        Report(added.Ok ? draft.SetMood(emotion, name) with { Message = $"{added.Message}; {emotion} → {name.Trim().ToLowerInvariant()}" } : added);
    }

    private async Task EditMoodsAsync(MappingDraft draft, CancellationToken cancellationToken)
    {
        var moods = draft.Moods;
        var pick = await ChooseAsync(
            "Which mood?",
            [.. moods.Select(m => $"{m} ({Count(draft.TargetsOf(m).Targets.Count)})"), Back],
            cancellationToken);
        if (pick >= moods.Count)
        {
            return;
        }

        await EditMoodAsync(draft, moods[pick], cancellationToken);
    }

    private async Task EditMoodAsync(MappingDraft draft, string mood, CancellationToken cancellationToken)
    {
        while (true)
        {
            var targets = draft.TargetsOf(mood);
            var users = draft.EmotionsUsing(mood);
            console.Clear(true);
            console.Write(new Rule($"[bold]Mood '{Markup.Escape(mood)}'[/]").LeftJustified());
            console.MarkupLine($"Used by: {Markup.Escape(users.Count == 0 ? "no emotion" : string.Join(", ", users))}   Shuffle: [bold]{(targets.Shuffle ? "on" : "off")}[/]");
            for (var i = 0; i < targets.Targets.Count; i++)
            {
                console.MarkupLine($"  {i + 1}. {Markup.Escape(targets.Targets[i])}");
            }

            ShowMessage();
            var actions = new List<string> { "Add a playlist", "Remove a playlist", targets.Shuffle ? "Turn shuffle off" : "Turn shuffle on" };
            if (users.Count == 0)
            {
                actions.Add("Delete this mood");
            }

            actions.Add(Back);
            var pick = await ChooseAsync("What next?", actions, cancellationToken);
            switch (actions[pick])
            {
                case "Add a playlist":
                    var target = await AskTargetAsync(draft, $"Playlist to add to '{mood}'", cancellationToken);
                    if (target is not null)
                    {
                        Report(draft.AddTarget(mood, target));
                    }

                    break;
                case "Remove a playlist":
                    var remove = await ChooseAsync("Remove which playlist?", [.. targets.Targets, Back], cancellationToken);
                    if (remove < targets.Targets.Count)
                    {
                        Report(draft.RemoveTarget(mood, targets.Targets[remove]));
                    }

                    break;
                case "Delete this mood":
                    Report(draft.RemoveMood(mood));
                    return;
                case Back:
                    return;
                default:
                    Report(draft.ToggleShuffle(mood));
                    break;
            }
        }
    }

    private Task<string?> AskTargetAsync(MappingDraft draft, string what, CancellationToken cancellationToken)
    {
        console.MarkupLine("[grey]A playlist is spotify:playlist:…, spotify:album:…, spotify:track:…, an open.spotify.com link or a local folder.[/]");
        return AskAsync(
            $"{what} (empty to cancel):",
            input => draft.NormalizeTarget(input, out var error) is null ? error : null,
            cancellationToken);
    }

    /// <summary>Asks for text; <paramref name="check"/> returns an error to show before asking again. Empty input cancels (null).</summary>
    private async Task<string?> AskAsync(string question, Func<string, string?> check, CancellationToken cancellationToken)
    {
        var prompt = new TextPrompt<string>(Markup.Escape(question))
            .AllowEmpty()
            .Validate(input => string.IsNullOrWhiteSpace(input) || check(input) is not { } error
                ? ValidationResult.Success()
                : ValidationResult.Error($"[red]{Markup.Escape(error)}[/]"));
        var answer = await prompt.ShowAsync(console, cancellationToken);
        return string.IsNullOrWhiteSpace(answer) ? null : answer.Trim();
    }

    private async Task<int> ChooseAsync(string title, IReadOnlyList<string> choices, CancellationToken cancellationToken)
    {
        var prompt = new SelectionPrompt<int>()
            .Title(title)
            .PageSize(Math.Clamp(console.Profile.Height - 4, 3, 12))
            .WrapAround()
            .MoreChoicesText("[grey](more with ↑/↓)[/]")
            .UseConverter(i => Markup.Escape(choices[i]))
            .AddChoices(Enumerable.Range(0, choices.Count));
        return await prompt.ShowAsync(console, cancellationToken);
    }

    private void ShowOverview(MappingDraft draft)
    {
        console.Clear(true);
        var width = Math.Max(40, console.Profile.Width);
        console.Write(new Rule($"[bold]Mapping editor[/] [grey]{Markup.Escape(Cut(store.UserFilePath, width - 24))}[/]").LeftJustified());
        var emotions = draft.Emotions;
        var emotionWidth = Math.Max(8, emotions.Max(e => e.Emotion.Length));
        var left = new List<string> { "[bold]Emotion → mood[/]" };
        left.AddRange(emotions.Select(e => $"{Markup.Escape(e.Emotion.PadRight(emotionWidth))} → {(e.Mood is null ? "[grey](not mapped)[/]" : Markup.Escape(e.Mood))}"));
        var leftWidth = emotionWidth + 3 + Math.Max(12, draft.Moods.Select(m => m.Length).DefaultIfEmpty(0).Max());
        var rightWidth = Math.Max(20, width - leftWidth - 3);
        var right = new List<string> { "[bold]Mood → playlists[/]" };
        foreach (var mood in draft.Moods)
        {
            var targets = draft.TargetsOf(mood);
            right.Add($"[bold]{Markup.Escape(Cut(mood, rightWidth - 14))}[/] [grey]{(targets.Shuffle ? "(shuffle)" : "(in order)")}[/]");
            right.AddRange(targets.Targets.Select(t => "  " + Markup.Escape(Cut(t, rightWidth - 2))));
        }

        var grid = new Grid()
            .AddColumn(new GridColumn().Width(leftWidth).NoWrap().PadRight(3))
            .AddColumn(new GridColumn().Width(rightWidth).NoWrap().PadRight(0));
        grid.AddRow(new Rows(left.Select(l => new Markup(l))), new Rows(right.Select(r => new Markup(r))));
        console.Write(grid);
        ShowMessage();
    }

    private void ShowMessage()
    {
        if (_message is null)
        {
            console.WriteLine();
            return;
        }

        console.MarkupLine(_messageIsError ? $"[red]{Markup.Escape(_message)}[/]" : $"[green]{Markup.Escape(_message)}[/]");
        _message = null;
    }

    private void Report(EditResult result) => Say(result.Message, error: !result.Ok);

    private void Say(string message, bool error)
    {
        _message = message;
        _messageIsError = error;
    }

    private string Cut(string text, int width) =>
        text.Length <= width ? text : text[..Math.Max(0, width - _ellipsis.Length)] + _ellipsis;

    private static string Count(int playlists) => playlists == 1 ? "1 playlist" : $"{playlists} playlists";
}
