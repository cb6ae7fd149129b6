namespace OrpheusLive.Library.Storage;

/// <summary>What the library knows about a track.</summary>
public enum TrackStatus
{
    /// <summary>Analysed: features, valence, arousal and mood are set.</summary>
    Analysed,

    /// <summary>The file could not be decoded or analysed; <see cref="TrackRecord.Error"/> says why. Retried when the file or the analyser changes.</summary>
    Failed,
}
