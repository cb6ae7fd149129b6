namespace OrpheusLive.Core.Windowing;

/// <summary>
/// The one rule for audio shorter than a window, used by clip scoring (<c>eval</c>, the API) and by live listening at
/// the end of a short input: the audio is centred, with silence on both sides, as the model was evaluated in training
/// (all padding at one end shifts what the model hears and changes its scores).
/// </summary>
public static class WindowPadding
{
    /// <summary>Writes <paramref name="audio"/> centred into <paramref name="window"/>, the rest silence.</summary>
    /// <exception cref="ArgumentException"><paramref name="audio"/> is longer than <paramref name="window"/>.</exception>
    public static void Centre(ReadOnlySpan<float> audio, Span<float> window)
    {
        if (audio.Length > window.Length)
        {
            throw new ArgumentException($"{audio.Length} samples do not fit a window of {window.Length}.", nameof(audio));
        }

        var offset = (window.Length - audio.Length) / 2;
        window[..offset].Clear();
        audio.CopyTo(window[offset..]);
        window[(offset + audio.Length)..].Clear();
    }
}
