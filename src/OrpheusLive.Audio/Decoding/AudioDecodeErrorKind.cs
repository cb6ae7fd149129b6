namespace OrpheusLive.Audio.Decoding;

/// <summary>Why a file could not be decoded; callers map it to their own status (HTTP 400/415, scan "failed", exit 1).</summary>
public enum AudioDecodeErrorKind
{
    /// <summary>The file does not exist or cannot be opened (permissions, a folder, a locked file).</summary>
    Unreadable,

    /// <summary>The file is not audio in any known format.</summary>
    NotAudio,

    /// <summary>The format is recognised but this variant is not supported (codec, bit depth, channel count, rate).</summary>
    Unsupported,

    /// <summary>The file is damaged: a bad header, a lying size, corrupt data.</summary>
    Invalid,

    /// <summary>The file ends before its header says it does.</summary>
    Truncated,

    /// <summary>The file holds no audio (0 samples).</summary>
    Empty,

    /// <summary>The format needs a program or library that is not installed; the message names it.</summary>
    DecoderMissing,

    /// <summary>
    /// The audio is longer than the caller's limit (<see cref="AudioDecoderExtensions.ReadAll"/>; e.g. the API's
    /// <c>Api:MaxClipSeconds</c>). Added after the first contract so every caller of the decoder refuses long input the
    /// same way (HTTP 413, a skipped clip), instead of each counting samples itself.
    /// </summary>
    TooLong,
}
