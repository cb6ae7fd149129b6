using OrpheusLive.Core.Emotions;

namespace OrpheusLive.Api.Tests.Support;

/// <summary>A speech gate that hears speech in every window.</summary>
internal sealed class AlwaysSpeech : ISpeechDetector
{
    public float SpeechFraction(ReadOnlySpan<float> window) => 1f;
}
