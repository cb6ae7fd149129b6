namespace OrpheusLive.Onnx;

/// <summary>Turns a model's raw scores into probabilities: passed through when already normalised, else softmax.</summary>
internal static class ProbabilityNormalizer
{
    /// <summary>How far from 1 the sum of a probability vector may be (float32 softmax rounding is ~1e-7 per term).</summary>
    public const float SumTolerance = 1e-3f;

    /// <summary>
    /// Writes probabilities for <paramref name="scores"/> into <paramref name="probabilities"/>. Scores that are all in
    /// [0, 1] and sum to 1 ± <see cref="SumTolerance"/> are taken as probabilities already; anything else is taken as
    /// logits (a model may export its pre-softmax layer) and softmaxed. Returns true when softmax was applied.
    /// </summary>
    public static bool ToProbabilities(ReadOnlySpan<float> scores, Span<float> probabilities)
    {
        if (IsDistribution(scores))
        {
            scores.CopyTo(probabilities);
            return false;
        }

        // Max-subtracted softmax in double: no overflow for large logits, no drift in the sum.
        float max = float.NegativeInfinity;
        foreach (float s in scores) max = Math.Max(max, s);
        double sum = 0;
        for (int i = 0; i < scores.Length; i++)
        {
            double e = Math.Exp(scores[i] - (double)max);
            probabilities[i] = (float)e;
            sum += e;
        }

        for (int i = 0; i < scores.Length; i++) probabilities[i] = (float)(probabilities[i] / sum);
        return true;
    }

    private static bool IsDistribution(ReadOnlySpan<float> scores)
    {
        double sum = 0;
        foreach (float s in scores)
        {
            if (!(s >= 0f && s <= 1f)) return false; // also rejects NaN
            sum += s;
        }

        return Math.Abs(sum - 1.0) <= SumTolerance;
    }
}
