using Microsoft.Extensions.Options;

namespace OrpheusLive.Spotify;

/// <summary>Checks <see cref="SpotifyOptions"/> and says which key is wrong and what a good value looks like.</summary>
internal sealed class SpotifyOptionsValidator : IValidateOptions<SpotifyOptions>
{
    public ValidateOptionsResult Validate(string? name, SpotifyOptions options)
    {
        var failures = new List<string>();

        if (options.ClientId is { } clientId && clientId.Trim().Any(c => !char.IsAsciiLetterOrDigit(c) && c != '-' && c != '_'))
        {
            failures.Add("Spotify:ClientId must be the Client ID shown in the Spotify developer dashboard (letters and digits only).");
        }

        CheckBaseUrl(options.ApiBaseUrl, "Spotify:ApiBaseUrl", "https://api.spotify.com/v1/", failures);
        CheckBaseUrl(options.AccountsBaseUrl, "Spotify:AccountsBaseUrl", "https://accounts.spotify.com/", failures);

        if (options.RedirectPort is < 1 or > 65535)
        {
            failures.Add($"Spotify:RedirectPort must be a TCP port between 1 and 65535 (got {options.RedirectPort}); it must match the redirect URI http://127.0.0.1:PORT/callback registered in the Spotify app.");
        }

        if (options.TokenFile is { } tokenFile && tokenFile.IndexOfAny(Path.GetInvalidPathChars()) >= 0)
        {
            failures.Add($"Spotify:TokenFile '{tokenFile}' is not a valid file path.");
        }

        if (options.LoginTimeout <= TimeSpan.Zero)
        {
            failures.Add("Spotify:LoginTimeout must be positive (e.g. 00:05:00).");
        }

        var resilience = options.Resilience;
        if (resilience.ServerErrorRetries is < 0 or > 5 || resilience.NetworkRetries is < 0 or > 5)
        {
            failures.Add("Spotify:Resilience:ServerErrorRetries and NetworkRetries must be between 0 and 5.");
        }

        if (resilience.MaxRetryAfterWait < TimeSpan.Zero || resilience.BaseDelay < TimeSpan.Zero || resilience.AttemptTimeout <= TimeSpan.Zero)
        {
            failures.Add("Spotify:Resilience delays must not be negative and AttemptTimeout must be positive.");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    private static void CheckBaseUrl(string? value, string key, string example, List<string> failures)
    {
        if (!Uri.TryCreate(value, UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttps && uri.Scheme != Uri.UriSchemeHttp))
        {
            failures.Add($"{key} must be an absolute http(s) URL such as {example} (got '{value}').");
        }
    }
}
