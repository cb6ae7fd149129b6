namespace OrpheusLive.Commands.Model;

/// <summary>The audio <c>bench</c> times the capture-path stages on: its windows end to end, repeated as needed.</summary>
public static class BenchAudio
{
    /// <summary><paramref name="samples"/> samples of <paramref name="windows"/> concatenated and repeated.</summary>
    public static float[] Repeat(IReadOnlyList<float[]> windows, int samples)
    {
        ArgumentNullException.ThrowIfNull(windows);
        var audio = new float[samples];
        for (int i = 0, w = 0; i < audio.Length; w++)
        {
            var window = windows[w % windows.Count];
            var n = Math.Min(window.Length, audio.Length - i);
            window.AsSpan(0, n).CopyTo(audio.AsSpan(i));
            i += n;
        }

        return audio;
    }
}
