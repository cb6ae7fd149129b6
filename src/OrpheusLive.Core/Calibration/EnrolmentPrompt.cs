namespace OrpheusLive.Core.Calibration;

/// <summary>One line the listener reads during enrolment (<c>orpheus calibrate</c>).</summary>
/// <param name="Label">The emotion it is read in (one of the model's labels).</param>
/// <param name="Manner">How to say it ("calmly", "cheerfully", …), for the prompt.</param>
/// <param name="Line">The words to read.</param>
public sealed record EnrolmentPrompt(string Label, string Manner, string Line)
{
    /// <summary>
    /// About a minute of prompts for a model with <paramref name="labels"/>: two lines each in the calm, happy, sad and
    /// angry voice (the emotions the mood mapping tells apart most), then one each in the others the model knows,
    /// interleaved so that no emotion comes twice in a row. Labels without a prompt are left out.
    /// </summary>
    public static IReadOnlyList<EnrolmentPrompt> For(IReadOnlyList<string> labels)
    {
        ArgumentNullException.ThrowIfNull(labels);
        EnrolmentPrompt[] all =
        [
            new("neutral", "calmly", "The train leaves from platform four at half past nine."),
            new("happy", "cheerfully", "We finally got the tickets for Saturday!"),
            new("sad", "sadly", "I waited all evening, but nobody came."),
            new("angry", "angrily", "You promised me this would be fixed by now."),
            new("fearful", "fearfully", "Did you hear that noise downstairs?"),
            new("neutral", "calmly", "Please put the blue folder back on the shelf."),
            new("happy", "cheerfully", "That is the best news I have heard all week."),
            new("sad", "sadly", "The old house is empty now."),
            new("angry", "angrily", "Stop telling me what I can and cannot do."),
            new("surprised", "in surprise", "Wait, you were here the whole time?"),
        ];
        return [.. all.Where(p => labels.Contains(p.Label, StringComparer.OrdinalIgnoreCase))];
    }
}
