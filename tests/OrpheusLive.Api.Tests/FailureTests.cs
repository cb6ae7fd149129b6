using System.Net;
using OrpheusLive.Api.Tests.Support;
using OrpheusLive.Core.Emotions;

namespace OrpheusLive.Api.Tests;

public sealed class FailureTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_failing_model_is_a_500_with_a_json_error_and_no_internals()
    {
        var classifier = new ScriptedClassifier(_ => throw new ModelException("ORT run failed at /secret/path/model.onnx"));
        await using var api = await TestApi.StartAsync(classifier);

        using var response = await api.Client.PostAsync("/api/emotion", HttpExtensions.Wav(TestWavs.Tone(440, 3)), Ct);

        response.StatusCode.ShouldBe(HttpStatusCode.InternalServerError);
        var error = await response.ErrorAsync();
        error.ShouldContain("Internal error");
        error.ShouldNotContain("/secret/path");
        api.Logs.AllText.ShouldContain("ORT run failed"); // the details are in the log
        (await api.Client.GetAsync("/health", Ct)).StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task NaN_probabilities_are_reported_as_zero_not_a_crash()
    {
        var classifier = new ScriptedClassifier(p =>
        {
            p.Fill(float.NaN);
            p[1] = 0.9f;
        });
        await using var api = await TestApi.StartAsync(classifier);

        using var response = await api.Client.PostAsync("/api/emotion", HttpExtensions.Wav(TestWavs.Tone(440, 3)), Ct);

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        var json = await response.JsonAsync();
        json.GetProperty("scores").GetProperty("neutral").GetDouble().ShouldBe(0);
    }
}
