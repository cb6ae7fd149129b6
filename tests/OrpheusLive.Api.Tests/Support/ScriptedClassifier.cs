using OrpheusLive.Core.Emotions;

namespace OrpheusLive.Api.Tests.Support;

/// <summary>A classifier whose output (or failure) the test writes.</summary>
internal sealed class ScriptedClassifier(Action<Span<float>> classify) : IEmotionClassifier
{
    public IReadOnlyList<string> Labels => ToneClassifier.AllLabels;

    public int WindowSamples => 48_000;

    public ModelInfo Info { get; } = new("/fake/scripted.onnx", "scripted", "0", "test", new Dictionary<string, string>());

    public void Classify(ReadOnlySpan<float> window, Span<float> probabilities) => classify(probabilities);

    public void Dispose()
    {
    }
}
