namespace OrpheusLive.Onnx.Tests;

public sealed class ProbabilityNormalizerTests
{
    [Fact]
    public void Probabilities_pass_through_untouched()
    {
        float[] scores = [0.1f, 0.2f, 0.3f, 0.4f];
        var result = new float[4];
        ProbabilityNormalizer.ToProbabilities(scores, result).ShouldBeFalse();
        result.ShouldBe(scores);
    }

    [Fact]
    public void Logits_are_softmaxed()
    {
        float[] logits = [1f, 2f, 3f];
        var result = new float[3];
        ProbabilityNormalizer.ToProbabilities(logits, result).ShouldBeTrue();
        double z = Math.Exp(1) + Math.Exp(2) + Math.Exp(3);
        result[0].ShouldBe((float)(Math.Exp(1) / z), 1e-7);
        result[2].ShouldBe((float)(Math.Exp(3) / z), 1e-7);
    }

    [Fact]
    public void Values_in_range_that_do_not_sum_to_one_are_treated_as_logits()
    {
        var result = new float[2];
        ProbabilityNormalizer.ToProbabilities([0.9f, 0.9f], result).ShouldBeTrue();
        result.ShouldBe([0.5f, 0.5f]);
    }

    [Fact]
    public void Huge_logits_do_not_overflow()
    {
        var result = new float[2];
        ProbabilityNormalizer.ToProbabilities([1000f, 0f], result);
        result[0].ShouldBe(1f);
        result[1].ShouldBe(0f);
    }
}
