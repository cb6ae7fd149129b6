using System.Net;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using OrpheusLive.Spotify.Api;
using Polly;
using Polly.Retry;
using Polly.Timeout;

namespace OrpheusLive.Spotify.Http;

/// <summary>
/// Sends one logical Spotify request through the resilience pipeline: 429 is retried once and only for a short
/// Retry-After, 5xx a bounded number of times with back-off, network errors and timeouts a little. Everything that
/// is still failing comes back as the final response (to be mapped by the caller) or as an unreachable
/// <see cref="SpotifyApiException"/>.
/// </summary>
internal sealed class SpotifyRequestSender
{
    private static readonly TimeSpan DefaultRetryAfter = TimeSpan.FromSeconds(1);

    private readonly SpotifyRateLimitGate _gate;
    private readonly TimeProvider _time;
    private readonly ILogger<SpotifyRequestSender> _logger;
    private readonly SpotifyResilienceOptions _resilience;
    private readonly ResiliencePipeline<HttpResponseMessage> _pipeline;

    public SpotifyRequestSender(SpotifyRateLimitGate gate, IOptions<SpotifyOptions> options, TimeProvider time, ILogger<SpotifyRequestSender> logger)
    {
        _gate = gate;
        _time = time;
        _logger = logger;
        _resilience = options.Value.Resilience;
        // Retry delays and attempt timeouts run on the injected clock, so tests drive them instead of waiting.
        _pipeline = new ResiliencePipelineBuilder<HttpResponseMessage> { TimeProvider = time }
            .AddRetry(new RetryStrategyOptions<HttpResponseMessage>
            {
                // The per-kind limits are enforced in ShouldRetry; this is only the outer bound.
                MaxRetryAttempts = Math.Max(1, Math.Max(_resilience.ServerErrorRetries, _resilience.NetworkRetries)),
                ShouldHandle = args => ValueTask.FromResult(ShouldRetry(args.Outcome, args.AttemptNumber)),
                DelayGenerator = args => ValueTask.FromResult<TimeSpan?>(DelayBeforeRetry(args.Outcome, args.AttemptNumber)),
                OnRetry = args =>
                {
                    LogRetry(args.Outcome, args.AttemptNumber, args.RetryDelay);
                    return default;
                },
            })
            .AddTimeout(_resilience.AttemptTimeout)
            .Build();
    }

    /// <summary>
    /// Sends the request made by <paramref name="createRequest"/> (called once per attempt: a request cannot be sent
    /// twice). Returns the final response, successful or not; a final 429 also closes the rate-limit gate.
    /// </summary>
    /// <exception cref="SpotifyApiException">Rate-limit window still open, or Spotify unreachable.</exception>
    public async Task<HttpResponseMessage> SendAsync(HttpClient client, Func<HttpRequestMessage> createRequest, CancellationToken cancellationToken)
    {
        _gate.ThrowIfBlocked();
        HttpResponseMessage response;
        try
        {
            response = await _pipeline.ExecuteAsync(
                async token =>
                {
                    using var request = createRequest();
                    var started = _time.GetTimestamp();
                    var answer = await client.SendAsync(request, HttpCompletionOption.ResponseContentRead, token).ConfigureAwait(false);

                    // Method and path only: the query holds nothing secret, but there is no reason to log it either.
                    _logger.LogDebug("Spotify {Method} {Path} → {Status} in {Elapsed} ms", request.Method, request.RequestUri?.AbsolutePath, (int)answer.StatusCode, (int)_time.GetElapsedTime(started).TotalMilliseconds);
                    return answer;
                },
                cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (IsNetworkFailure(ex) && !cancellationToken.IsCancellationRequested)
        {
            _logger.LogWarning("Spotify unreachable: {Error}", ex.Message);
            throw new SpotifyApiException(null, null, SpotifyMessages.Unreachable, innerException: ex);
        }

        if (response.StatusCode == HttpStatusCode.TooManyRequests)
        {
            _gate.Block(RetryAfter(response));
        }

        return response;
    }

    /// <summary>The wait a 429 response asks for (Retry-After as seconds or as a date).</summary>
    public TimeSpan RetryAfter(HttpResponseMessage response)
    {
        var header = response.Headers.RetryAfter;
        if (header?.Delta is { } delta)
        {
            return delta;
        }

        if (header?.Date is { } date)
        {
            var wait = date - _time.GetUtcNow();
            return wait > TimeSpan.Zero ? wait : TimeSpan.Zero;
        }

        return DefaultRetryAfter;
    }

    private static bool IsNetworkFailure(Exception ex) =>
        ex is HttpRequestException or TimeoutRejectedException or IOException;

    private bool ShouldRetry(Outcome<HttpResponseMessage> outcome, int attemptNumber)
    {
        if (outcome.Exception is { } exception)
        {
            return IsNetworkFailure(exception) && attemptNumber < _resilience.NetworkRetries;
        }

        var response = outcome.Result!;
        if (response.StatusCode == HttpStatusCode.TooManyRequests)
        {
            // Once, and only when the wait is short: a long ban is reported instead of waited out.
            return attemptNumber == 0 && RetryAfter(response) <= _resilience.MaxRetryAfterWait;
        }

        return (int)response.StatusCode >= 500 && attemptNumber < _resilience.ServerErrorRetries;
    }

    private TimeSpan DelayBeforeRetry(Outcome<HttpResponseMessage> outcome, int attemptNumber)
    {
        if (outcome.Result is { StatusCode: HttpStatusCode.TooManyRequests } rateLimited)
        {
            return RetryAfter(rateLimited);
        }

        return _resilience.BaseDelay * Math.Pow(2, attemptNumber);
    }

    private void LogRetry(Outcome<HttpResponseMessage> outcome, int attemptNumber, TimeSpan delay)
    {
        if (outcome.Exception is { } exception)
        {
            _logger.LogInformation("Spotify request failed ({Error}); retry {Attempt} in {Delay} ms", exception.Message, attemptNumber + 1, (int)delay.TotalMilliseconds);
            return;
        }

        var status = outcome.Result!.StatusCode;
        if (status == HttpStatusCode.TooManyRequests)
        {
            _logger.LogWarning("Spotify rate limited, retrying in {Seconds} s", Math.Max(1, (int)Math.Ceiling(delay.TotalSeconds)));
            return;
        }

        _logger.LogInformation("Spotify answered {Status}; retry {Attempt} in {Delay} ms", (int)status, attemptNumber + 1, (int)delay.TotalMilliseconds);
    }
}
