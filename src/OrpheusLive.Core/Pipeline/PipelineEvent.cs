namespace OrpheusLive.Core.Pipeline;

/// <summary>Something the live pipeline reports, stamped with the audio time in seconds since the start of input.</summary>
/// <param name="T">Seconds of audio since the start of the input (end of the window for window events).</param>
public abstract record PipelineEvent(double T);
