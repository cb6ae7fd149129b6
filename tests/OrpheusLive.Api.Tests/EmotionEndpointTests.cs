using System.Net;
using System.Net.Http.Headers;
using OrpheusLive.Api.Tests.Support;
using OrpheusLive.Audio.Wav;

namespace OrpheusLive.Api.Tests;

public sealed class EmotionEndpointTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory]
    [InlineData(440, "happy", "upbeat")]
    [InlineData(200, "sad", "comforting")]
    [InlineData(1000, "angry", "energetic")]
    public async Task Raw_wav_body_returns_the_emotion_scores_and_mood(double frequency, string emotion, string mood)
    {
        await using var api = await TestApi.StartAsync();

        using var response = await api.Client.PostAsync("/api/emotion", HttpExtensions.Wav(TestWavs.Tone(frequency, 5)), Ct);

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        var json = await response.JsonAsync();
        var (_, confidence) = ToneClassifier.Expected(frequency, 0.5);
        json.GetProperty("emotion").GetString().ShouldBe(emotion);
        json.GetProperty("confidence").GetDouble().ShouldBe(confidence, 0.01);
        json.GetProperty("mood").GetString().ShouldBe(mood);
        json.GetProperty("duration_s").GetDouble().ShouldBe(5.0, 0.001);
        json.GetProperty("windows").GetInt32().ShouldBe(3); // 0-3, 1-4, 2-5 s
        json.GetProperty("speech_windows").GetInt32().ShouldBe(3);
        var scores = json.GetProperty("scores").EnumerateObject().ToDictionary(p => p.Name, p => p.Value.GetDouble());
        scores.Keys.ShouldBe(ToneClassifier.AllLabels);
        scores.Values.Sum().ShouldBe(1.0, 0.001);
        scores[emotion].ShouldBe(confidence, 0.01);
    }

    [Fact]
    public async Task Multipart_field_file_is_accepted()
    {
        await using var api = await TestApi.StartAsync();
        using var form = new MultipartFormDataContent();
        form.Add(HttpExtensions.Wav(TestWavs.Tone(440, 4)), "file", "clip.wav");

        using var response = await api.Client.PostAsync("/api/emotion", form, Ct);

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await response.JsonAsync()).GetProperty("emotion").GetString().ShouldBe("happy");
    }

    [Theory]
    [InlineData("audio/x-wav")]
    [InlineData("audio/wave")]
    [InlineData("application/octet-stream")]
    public async Task Other_wav_content_types_are_accepted(string contentType)
    {
        await using var api = await TestApi.StartAsync();

        using var response = await api.Client.PostAsync("/api/emotion", HttpExtensions.Wav(TestWavs.Tone(200, 3), contentType), Ct);

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await response.JsonAsync()).GetProperty("emotion").GetString().ShouldBe("sad");
    }

    [Fact]
    public async Task Any_rate_channels_and_depth_is_converted_to_16_kHz_mono()
    {
        await using var api = await TestApi.StartAsync();
        var stereo24 = TestWavs.Tone(1000, 3.5, sampleRate: 44_100, channels: 2, bits: 24);

        using var response = await api.Client.PostAsync("/api/emotion", HttpExtensions.Wav(stereo24), Ct);

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        var json = await response.JsonAsync();
        json.GetProperty("emotion").GetString().ShouldBe("angry");
        json.GetProperty("duration_s").GetDouble().ShouldBe(3.5, 0.01);
        json.GetProperty("windows").GetInt32().ShouldBe(2);
    }

    [Fact]
    public async Task A_clip_shorter_than_one_window_is_padded_to_one_window()
    {
        await using var api = await TestApi.StartAsync();

        using var response = await api.Client.PostAsync("/api/emotion", HttpExtensions.Wav(TestWavs.Tone(440, 1.5, amplitude: 0.8)), Ct);

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        var json = await response.JsonAsync();
        json.GetProperty("windows").GetInt32().ShouldBe(1);
        json.GetProperty("duration_s").GetDouble().ShouldBe(1.5, 0.001);
        json.GetProperty("emotion").GetString().ShouldBe("happy");
    }

    [Fact]
    public async Task Emotions_lists_the_model_labels_and_model()
    {
        await using var api = await TestApi.StartAsync();

        var json = await (await api.Client.GetAsync("/api/emotions", Ct)).JsonAsync();

        json.GetProperty("labels").EnumerateArray().Select(e => e.GetString()).ShouldBe(ToneClassifier.AllLabels);
        json.GetProperty("model").GetProperty("name").GetString().ShouldBe("tone-fake");
        json.GetProperty("model").GetProperty("version").GetString().ShouldBe("1.2.3");
        json.GetProperty("window_seconds").GetDouble().ShouldBe(3.0);
    }

    [Fact]
    public async Task Twenty_concurrent_uploads_are_all_answered_consistently()
    {
        var classifier = new ToneClassifier();
        await using var api = await TestApi.StartAsync(classifier);
        var happy = TestWavs.Tone(440, 6, amplitude: 0.4);
        var angry = TestWavs.Tone(1000, 4, amplitude: 0.3, sampleRate: 22_050, channels: 2);

        var responses = await Task.WhenAll(Enumerable.Range(0, 20).Select(async i =>
        {
            var body = i % 2 == 0 ? happy : angry;
            using var response = await api.Client.PostAsync("/api/emotion", HttpExtensions.Wav(body), Ct);
            return (Index: i, Status: response.StatusCode, Text: await response.Content.ReadAsStringAsync(Ct));
        }));

        responses.ShouldAllBe(r => r.Status == HttpStatusCode.OK);
        responses.Where(r => r.Index % 2 == 0).Select(r => r.Text).Distinct().Count().ShouldBe(1);
        responses.Where(r => r.Index % 2 == 1).Select(r => r.Text).Distinct().Count().ShouldBe(1);
        responses[0].Text.ShouldContain("\"emotion\":\"happy\"");
        responses[1].Text.ShouldContain("\"emotion\":\"angry\"");

        // Sequential answers match the concurrent ones exactly.
        using var single = await api.Client.PostAsync("/api/emotion", HttpExtensions.Wav(happy), Ct);
        (await single.Content.ReadAsStringAsync(Ct)).ShouldBe(responses[0].Text);
    }

    [Fact]
    public async Task Empty_body_is_400()
    {
        await using var api = await TestApi.StartAsync();

        using var response = await api.Client.PostAsync("/api/emotion", HttpExtensions.Wav([]), Ct);

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await response.ErrorAsync()).ShouldContain("empty");
    }

    [Fact]
    public async Task Garbage_is_415_not_a_wav()
    {
        await using var api = await TestApi.StartAsync();
        var garbage = new byte[5000];
        new Random(42).NextBytes(garbage);

        using var response = await api.Client.PostAsync("/api/emotion", HttpExtensions.Wav(garbage), Ct);

        response.StatusCode.ShouldBe(HttpStatusCode.UnsupportedMediaType);
        (await response.ErrorAsync()).ShouldContain("not an audio file this app reads (known formats: WAV)");
    }

    [Fact]
    public async Task A_riff_file_that_is_not_wave_is_415()
    {
        await using var api = await TestApi.StartAsync();
        byte[] avi = [.. "RIFF"u8, 4, 0, 0, 0, .. "AVI "u8, .. new byte[100]];

        using var response = await api.Client.PostAsync("/api/emotion", HttpExtensions.Wav(avi), Ct);

        response.StatusCode.ShouldBe(HttpStatusCode.UnsupportedMediaType);
    }

    [Fact]
    public async Task An_unsupported_codec_is_415()
    {
        await using var api = await TestApi.StartAsync();
        var wav = TestWavs.Tone(440, 1);
        wav[20] = 0x02; // format tag 2 = Microsoft ADPCM
        wav[21] = 0x00;

        using var response = await api.Client.PostAsync("/api/emotion", HttpExtensions.Wav(wav), Ct);

        response.StatusCode.ShouldBe(HttpStatusCode.UnsupportedMediaType);
        (await response.ErrorAsync()).ShouldContain("ADPCM");
    }

    [Fact]
    public async Task Wrong_content_type_is_415()
    {
        await using var api = await TestApi.StartAsync();

        using var response = await api.Client.PostAsync("/api/emotion", HttpExtensions.Wav(TestWavs.Tone(440, 3), "text/plain"), Ct);

        response.StatusCode.ShouldBe(HttpStatusCode.UnsupportedMediaType);
        (await response.ErrorAsync()).ShouldContain("audio/wav");
    }

    [Theory]
    [InlineData(2000)] // cut inside the data chunk
    [InlineData(30)]   // cut inside the fmt chunk
    [InlineData(8)]    // cut inside the RIFF header
    public async Task Truncated_wav_is_400(int keepBytes)
    {
        await using var api = await TestApi.StartAsync();
        var truncated = TestWavs.Tone(440, 3)[..keepBytes];

        using var response = await api.Client.PostAsync("/api/emotion", HttpExtensions.Wav(truncated), Ct);

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await response.ErrorAsync()).ShouldMatch("truncated|damaged");
    }

    [Fact]
    public async Task Corrupt_header_is_400()
    {
        await using var api = await TestApi.StartAsync();
        var wav = TestWavs.Tone(440, 1);
        wav[32] = 7; // block align no longer matches channels × bits

        using var response = await api.Client.PostAsync("/api/emotion", HttpExtensions.Wav(wav), Ct);

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await response.ErrorAsync()).ShouldContain("block align");
    }

    [Fact]
    public async Task A_wav_without_samples_is_400()
    {
        await using var api = await TestApi.StartAsync();

        using var response = await api.Client.PostAsync("/api/emotion", HttpExtensions.Wav(TestWavs.Encode(WavFormat.Pcm(16_000, 1), [])), Ct);

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await response.ErrorAsync()).ShouldContain("no audio");
    }

    [Fact]
    public async Task Multipart_without_file_field_is_400()
    {
        await using var api = await TestApi.StartAsync();
        using var form = new MultipartFormDataContent();
        form.Add(HttpExtensions.Wav(TestWavs.Tone(440, 3)), "audio", "clip.wav");

        using var response = await api.Client.PostAsync("/api/emotion", form, Ct);

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await response.ErrorAsync()).ShouldContain("'file'");
    }

    [Fact]
    public async Task Body_over_the_size_limit_is_413()
    {
        await using var api = await TestApi.StartAsync();
        var huge = new byte[11 * 1024 * 1024];
        "RIFF"u8.CopyTo(huge);

        using var response = await api.Client.PostAsync("/api/emotion", HttpExtensions.Wav(huge), Ct);

        response.StatusCode.ShouldBe(HttpStatusCode.RequestEntityTooLarge);
        (await response.ErrorAsync()).ShouldContain("MaxUploadBytes");
        (await api.Client.GetAsync("/health", Ct)).StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task Chunked_body_over_the_size_limit_is_413()
    {
        await using var api = await TestApi.StartAsync(configure: o => o.MaxUploadBytes = 100_000);
        var wav = TestWavs.Tone(440, 5); // 160 kB
        var content = new StreamContent(new NonSeekableStream(wav));
        content.Headers.ContentType = new MediaTypeHeaderValue("audio/wav");

        using var response = await api.Client.PostAsync("/api/emotion", content, Ct);

        response.StatusCode.ShouldBe(HttpStatusCode.RequestEntityTooLarge);
    }

    [Fact]
    public async Task Multipart_over_the_size_limit_is_413()
    {
        await using var api = await TestApi.StartAsync(configure: o => o.MaxUploadBytes = 100_000);
        using var form = new MultipartFormDataContent();
        form.Add(HttpExtensions.Wav(TestWavs.Tone(440, 5)), "file", "clip.wav");

        using var response = await api.Client.PostAsync("/api/emotion", form, Ct);

        response.StatusCode.ShouldBe(HttpStatusCode.RequestEntityTooLarge);
    }

    [Fact]
    public async Task Clip_over_the_duration_limit_is_413()
    {
        await using var api = await TestApi.StartAsync();
        var longClip = TestWavs.Tone(440, 61, sampleRate: 8_000, bits: 8); // ~0.5 MB: small, but 61 s

        using var response = await api.Client.PostAsync("/api/emotion", HttpExtensions.Wav(longClip), Ct);

        response.StatusCode.ShouldBe(HttpStatusCode.RequestEntityTooLarge);
        (await response.ErrorAsync()).ShouldContain("MaxClipSeconds");
    }

    [Fact]
    public async Task Clip_with_a_streaming_header_over_the_duration_limit_is_413()
    {
        await using var api = await TestApi.StartAsync(configure: o => o.MaxClipSeconds = 5);
        var wav = TestWavs.Tone(440, 6);
        wav[40] = wav[41] = wav[42] = wav[43] = 0xFF; // data size 0xFFFFFFFF: "until the end of the file"

        using var response = await api.Client.PostAsync("/api/emotion", HttpExtensions.Wav(wav), Ct);

        response.StatusCode.ShouldBe(HttpStatusCode.RequestEntityTooLarge);
    }

    [Fact]
    public async Task Random_inputs_never_cause_a_500()
    {
        await using var api = await TestApi.StartAsync();
        var random = new Random(7);
        var valid = TestWavs.Tone(440, 2);
        for (var i = 0; i < 40; i++)
        {
            var body = (byte[])valid.Clone();
            if (i % 2 == 0)
            {
                // Flip header bytes.
                for (var k = 0; k < 4; k++)
                {
                    body[random.Next(0, 44)] = (byte)random.Next(256);
                }
            }
            else
            {
                body = body[..random.Next(0, body.Length)];
            }

            using var response = await api.Client.PostAsync("/api/emotion", HttpExtensions.Wav(body), Ct);
            ((int)response.StatusCode).ShouldBeOneOf(200, 400, 413, 415);
            if (response.StatusCode != HttpStatusCode.OK)
            {
                (await response.ErrorAsync()).ShouldNotBeNullOrWhiteSpace();
            }
        }
    }

    private sealed class NonSeekableStream(byte[] bytes) : MemoryStream(bytes)
    {
        public override bool CanSeek => false;

        public override long Length => throw new NotSupportedException();
    }
}
