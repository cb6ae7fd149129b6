using System.Net;
using System.Text;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using OrpheusLive.Spotify.Api;

namespace OrpheusLive.Spotify.Auth;

/// <summary>
/// <c>orpheus login</c>: Authorization Code with PKCE. Prints the authorization URL (and opens a browser when there is
/// one), waits on <c>http://127.0.0.1:PORT/callback</c>, checks <c>state</c>, exchanges the code and saves the tokens
/// owner-only.
/// </summary>
public sealed class SpotifyLogin
{
    private readonly SpotifyAccountsClient _accounts;
    private readonly SpotifyTokenStore _store;
    private readonly SpotifyTokenProvider _tokens;
    private readonly SpotifyClient _client;
    private readonly IBrowserLauncher _browser;
    private readonly IOptions<SpotifyOptions> _options;
    private readonly TimeProvider _time;
    private readonly ILogger<SpotifyLogin> _logger;

    internal SpotifyLogin(
        SpotifyAccountsClient accounts,
        SpotifyTokenStore store,
        SpotifyTokenProvider tokens,
        SpotifyClient client,
        IBrowserLauncher browser,
        IOptions<SpotifyOptions> options,
        TimeProvider time,
        ILogger<SpotifyLogin> logger)
    {
        _accounts = accounts;
        _store = store;
        _tokens = tokens;
        _client = client;
        _browser = browser;
        _options = options;
        _time = time;
        _logger = logger;
    }

    /// <summary>Runs the login. Instructions go to <paramref name="output"/> (the terminal), never to the logs.</summary>
    /// <exception cref="SpotifyAuthException">Login failed, was refused, rejected (state mismatch) or timed out; the message says what to do.</exception>
    /// <exception cref="SpotifyApiException">Spotify could not be reached for the code exchange.</exception>
    public async Task<SpotifyLoginResult> LoginAsync(TextWriter output, bool openBrowser, CancellationToken cancellationToken)
    {
        var options = _options.Value;
        if (!options.HasClientId)
        {
            throw new SpotifyAuthException(SpotifyMessages.ClientIdMissing);
        }

        var clientId = options.ClientId!.Trim();
        var redirectUri = options.RedirectUri;
        var verifier = Pkce.CreateVerifier();
        var state = Pkce.CreateState();
        var authorizeUri = _accounts.BuildAuthorizeUri(clientId, redirectUri, Pkce.ChallengeFor(verifier), state);

        using var listener = StartListener(options.RedirectPort);
        await output.WriteLineAsync("Open this address in a browser to log in to Spotify:").ConfigureAwait(false);
        await output.WriteLineAsync($"  {authorizeUri.AbsoluteUri}").ConfigureAwait(false);
        await output.WriteLineAsync($"Waiting up to {Describe(options.LoginTimeout)} for Spotify to send the browser back to {redirectUri} …").ConfigureAwait(false);
        await output.FlushAsync(cancellationToken).ConfigureAwait(false);
        if (openBrowser && !_browser.TryOpen(authorizeUri))
        {
            _logger.LogDebug("No browser could be opened; the user opens the printed address");
        }

        using var timeout = new CancellationTokenSource(options.LoginTimeout, _time);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, timeout.Token);
        var token = await WaitForCallbackAsync(listener, state, clientId, redirectUri, verifier, linked.Token, timeout, options.LoginTimeout, cancellationToken).ConfigureAwait(false);

        await _store.SaveAsync(token, cancellationToken).ConfigureAwait(false);
        _tokens.Reset();
        _logger.LogInformation("Logged in to Spotify; login saved to {Path}", _store.FilePath);

        SpotifyUser? user = null;
        try
        {
            user = await _client.GetMeAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (SpotifyApiException ex)
        {
            // The login itself worked; the profile is only used for the Premium hint.
            _logger.LogInformation("Could not read the Spotify profile after login: {Error}", ex.Message);
        }

        return new SpotifyLoginResult(user?.DisplayName ?? user?.Id, user?.Product, token.Scope, _store.FilePath);
    }

    private static HttpListener StartListener(int port)
    {
        var listener = new HttpListener();
        listener.Prefixes.Add($"http://127.0.0.1:{port}/");
        try
        {
            listener.Start();
            return listener;
        }
        catch (HttpListenerException ex)
        {
            listener.Close();
            throw new SpotifyAuthException(
                $"Cannot listen on 127.0.0.1:{port} for the login callback ({ex.Message}): stop whatever uses that port, or set Spotify:RedirectPort to a free port and register http://127.0.0.1:PORT/callback in your Spotify app.",
                ex);
        }
    }

    private static string Describe(TimeSpan span) =>
        span.TotalMinutes >= 1 ? $"{span.TotalMinutes:0.#} min" : $"{span.TotalSeconds:0} s";

    private async Task<SpotifyToken> WaitForCallbackAsync(
        HttpListener listener,
        string expectedState,
        string clientId,
        Uri redirectUri,
        string verifier,
        CancellationToken waitToken,
        CancellationTokenSource timeout,
        TimeSpan loginTimeout,
        CancellationToken cancellationToken)
    {
        while (true)
        {
            HttpListenerContext context;
            try
            {
                context = await listener.GetContextAsync().WaitAsync(waitToken).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (timeout.IsCancellationRequested && !cancellationToken.IsCancellationRequested)
            {
                throw new SpotifyAuthException(
                    $"Spotify login timed out: no answer from the browser within {Describe(loginTimeout)}. Run `orpheus login` again; if the browser showed an error about the redirect URI, register {redirectUri} in your Spotify app.");
            }

            if (!string.Equals(context.Request.Url?.AbsolutePath, "/callback", StringComparison.Ordinal))
            {
                // Browsers also ask for /favicon.ico and the like.
                await RespondAsync(context, HttpStatusCode.NotFound, "Not found", "This address only serves the Spotify login callback.").ConfigureAwait(false);
                continue;
            }

            var query = context.Request.QueryString;
            if (!string.Equals(query["state"], expectedState, StringComparison.Ordinal))
            {
                const string Mismatch = "Spotify login rejected: the browser came back with a different state than this login attempt sent (an old tab or a forged request). Run `orpheus login` again and use the new address.";
                _logger.LogWarning("Spotify login callback rejected: state mismatch");
                await RespondAsync(context, HttpStatusCode.BadRequest, "Login rejected", Mismatch).ConfigureAwait(false);
                throw new SpotifyAuthException(Mismatch);
            }

            if (query["error"] is { } error)
            {
                var message = error == "access_denied"
                    ? "Spotify login cancelled: access was denied in the browser. Run `orpheus login` again and choose Agree to let OrpheusLive control playback."
                    : $"Spotify login failed: Spotify answered '{error}'. Run `orpheus login` again.";
                await RespondAsync(context, HttpStatusCode.OK, "Login cancelled", message).ConfigureAwait(false);
                throw new SpotifyAuthException(message);
            }

            if (string.IsNullOrEmpty(query["code"]))
            {
                const string NoCode = "Spotify login failed: the callback carried no authorization code. Run `orpheus login` again.";
                await RespondAsync(context, HttpStatusCode.BadRequest, "Login failed", NoCode).ConfigureAwait(false);
                throw new SpotifyAuthException(NoCode);
            }

            try
            {
                var response = await _accounts.ExchangeCodeAsync(clientId, query["code"]!, redirectUri, verifier, cancellationToken).ConfigureAwait(false);
                var token = new SpotifyToken
                {
                    AccessToken = response.AccessToken!,
                    RefreshToken = response.RefreshToken ?? throw new SpotifyAuthException("Spotify's token endpoint returned no refresh token: run `orpheus login` again."),
                    ExpiresAt = _time.GetUtcNow() + TimeSpan.FromSeconds(response.ExpiresIn),
                    Scope = response.Scope,
                };
                await RespondAsync(context, HttpStatusCode.OK, "Logged in", "OrpheusLive is logged in to Spotify. You can close this tab and return to the terminal.").ConfigureAwait(false);
                return token;
            }
            catch (Exception ex) when (ex is SpotifyAuthException or SpotifyApiException)
            {
                await RespondAsync(context, HttpStatusCode.BadGateway, "Login failed", ex.Message).ConfigureAwait(false);
                throw;
            }
        }
    }

    private static async Task RespondAsync(HttpListenerContext context, HttpStatusCode status, string title, string message)
    {
        var html = $"""
            <!doctype html>
            <html><head><meta charset="utf-8"><title>OrpheusLive — {WebUtility.HtmlEncode(title)}</title></head>
            <body style="font-family:sans-serif;max-width:40em;margin:3em auto"><h1>{WebUtility.HtmlEncode(title)}</h1><p>{WebUtility.HtmlEncode(message)}</p></body></html>
            """;
        var bytes = Encoding.UTF8.GetBytes(html);
        try
        {
            context.Response.StatusCode = (int)status;
            context.Response.ContentType = "text/html; charset=utf-8";
            context.Response.ContentLength64 = bytes.Length;
            await context.Response.OutputStream.WriteAsync(bytes).ConfigureAwait(false);
            context.Response.Close();
        }
        catch (Exception ex) when (ex is HttpListenerException or IOException or ObjectDisposedException)
        {
            // The browser went away; the terminal still gets the message.
        }
    }
}
