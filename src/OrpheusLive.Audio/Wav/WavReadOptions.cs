namespace OrpheusLive.Audio.Wav;

/// <summary>How strictly <see cref="WavReader"/> treats damaged files.</summary>
public sealed record WavReadOptions
{
    /// <summary>The default: strict about truncation.</summary>
    public static WavReadOptions Default { get; } = new();

    /// <summary>
    /// When false (the default) a file whose data chunk (or a chunk after it) claims more bytes than the file holds is
    /// rejected with <see cref="WavErrorKind.Truncated"/>: a cut-off file is usually a failed copy the user wants to
    /// know about. When true the reader plays what is there and sets <see cref="WavReader.IsTruncated"/>.
    /// Data chunks with size 0 or 0xFFFFFFFF (written by streaming recorders that never patch the header) are read to
    /// the end of the file either way.
    /// </summary>
    public bool AllowTruncated { get; init; }
}
