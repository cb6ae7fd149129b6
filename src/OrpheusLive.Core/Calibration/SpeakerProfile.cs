using System.Collections.Immutable;
using System.Globalization;

namespace OrpheusLive.Core.Calibration;

/// <summary>
/// What calibration has learnt about one listener's voice, as an immutable snapshot that can be saved and loaded
/// (<see cref="SpeakerProfileSerializer"/>). It is tied to the model's labels and identity: another model's outputs
/// are biased differently, so a profile made with another model is rejected by <see cref="Validate"/>.
/// </summary>
/// <param name="Version">Format version (<see cref="CurrentVersion"/>).</param>
/// <param name="Model">The model it was learnt with (name and version, as the host passes it).</param>
/// <param name="Labels">The model's labels, in output order.</param>
/// <param name="Weight">How much speech the running statistics hold (windows; see <see cref="CalibrationOptions"/>).</param>
/// <param name="MeanLogProbabilities">Running mean of the centred log-probabilities: the voice's bias (per label).</param>
/// <param name="MeanPosterior">Running mean of the model's probabilities (per label; sums to 1).</param>
/// <param name="MeanEntropy">Running mean of the entropy of the model's probabilities (nats).</param>
/// <param name="ClassBias">Per-label bias learnt by enrolment (nats; zero without enrolment).</param>
/// <param name="EnrolledClips">How many labelled clips the enrolment used (0 = none).</param>
public sealed record SpeakerProfile(
    int Version,
    string Model,
    ImmutableArray<string> Labels,
    double Weight,
    ImmutableArray<double> MeanLogProbabilities,
    ImmutableArray<double> MeanPosterior,
    double MeanEntropy,
    ImmutableArray<double> ClassBias,
    int EnrolledClips)
{
    /// <summary>The format version this build writes and reads.</summary>
    public const int CurrentVersion = 1;

    /// <summary>The largest absolute log-probability or bias a valid profile holds (nats).</summary>
    public const double MaxNats = 50;

    /// <summary>A profile that knows nothing yet (no correction).</summary>
    public static SpeakerProfile Empty(IReadOnlyList<string> labels, string model)
    {
        ArgumentNullException.ThrowIfNull(labels);
        var k = labels.Count;
        return new SpeakerProfile(CurrentVersion, model, [.. labels], 0, Zeros(k), [.. Enumerable.Repeat(1.0 / k, k)], 0, Zeros(k), 0);
    }

    /// <summary>
    /// Null when this profile can be used with a model of <paramref name="labels"/> and identity <paramref name="model"/>;
    /// otherwise one line saying what is wrong (a mismatch or a corrupt value), for a warning before a fresh start.
    /// </summary>
    public string? Validate(IReadOnlyList<string> labels, string model)
    {
        ArgumentNullException.ThrowIfNull(labels);
        if (Version != CurrentVersion)
        {
            return $"profile format version {Version} is not the supported version {CurrentVersion}";
        }

        if (!string.Equals(Model, model, StringComparison.Ordinal))
        {
            return $"profile was learnt with model '{Model}', the current model is '{model}'";
        }

        if (Labels.IsDefault || !Labels.SequenceEqual(labels, StringComparer.OrdinalIgnoreCase))
        {
            return $"profile labels ({(Labels.IsDefault ? "none" : string.Join(", ", Labels))}) differ from the model's ({string.Join(", ", labels)})";
        }

        var k = labels.Count;
        foreach (var (name, values) in new[] { ("mean_log_probabilities", MeanLogProbabilities), ("mean_posterior", MeanPosterior), ("class_bias", ClassBias) })
        {
            if (values.IsDefault || values.Length != k)
            {
                return $"profile {name} must have {k} values (one per label), has {(values.IsDefault ? 0 : values.Length)}";
            }

            if (values.Any(v => !double.IsFinite(v) || Math.Abs(v) > MaxNats))
            {
                return $"profile {name} holds a value that is not a finite number within ±{MaxNats.ToString(CultureInfo.InvariantCulture)}";
            }
        }

        if (!(Weight >= 0 && Weight <= 1e6))
        {
            return $"profile weight must be between 0 and 1e6 (got {Weight.ToString(CultureInfo.InvariantCulture)})";
        }

        if (MeanPosterior.Any(p => p < 0 || p > 1) || Math.Abs(MeanPosterior.Sum() - 1) > 1e-3)
        {
            return "profile mean_posterior must be probabilities that sum to 1";
        }

        if (!(MeanEntropy >= 0 && MeanEntropy <= Math.Log(k) + 1e-6))
        {
            return $"profile mean_entropy must be between 0 and ln({k}) (got {MeanEntropy.ToString(CultureInfo.InvariantCulture)})";
        }

        return EnrolledClips >= 0 ? null : $"profile enrolled_clips must be 0 or more (got {EnrolledClips})";
    }

    private static ImmutableArray<double> Zeros(int k) => [.. new double[k]];
}
