using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using OrpheusLive.Core.Emotions;

namespace OrpheusLive.Onnx;

/// <summary>Creates the best speech detector available: Silero VAD, or the energy gate when the VAD cannot load.</summary>
public static class SpeechDetectorFactory
{
    /// <summary>
    /// A <see cref="SileroSpeechDetector"/> over <see cref="OnnxOptions.VadPath"/>; if that model or ONNX Runtime cannot
    /// be loaded, logs a warning and returns an <see cref="EnergySpeechDetector"/>. Dispose the result if it is
    /// <see cref="IDisposable"/>.
    /// </summary>
    public static ISpeechDetector Create(OnnxOptions options, ILoggerFactory? loggerFactory = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        loggerFactory ??= NullLoggerFactory.Instance;
        try
        {
            return new SileroSpeechDetector(options, loggerFactory.CreateLogger<SileroSpeechDetector>());
        }
        catch (ModelException e)
        {
            loggerFactory.CreateLogger(typeof(SpeechDetectorFactory)).LogWarning(
                "Silero VAD unavailable, using the energy-based speech detector instead (less reliable with music or TV in the room): {Reason}",
                e.Message);
            return new EnergySpeechDetector();
        }
    }
}
