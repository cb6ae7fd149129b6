using System.Net;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace OrpheusLive.Spotify.Tests.Fakes;

/// <summary>
/// Loopback fake of accounts.spotify.com (/authorize, /api/token) and api.spotify.com (/v1/…) speaking the Web API's
/// shapes, status codes, headers and error bodies. Kestrel on 127.0.0.1 with a dynamic port.
/// </summary>
public sealed class FakeSpotifyServer : IAsyncDisposable
{
    public const string TestClientId = "0rpheusTestClientId0000000000042";

    private readonly Lock _lock = new();
    private readonly WebApplication _app;
    private readonly List<FakeRequest> _requests = [];
    private readonly Dictionary<string, (string Challenge, string RedirectUri, string Scope)> _codes = [];
    private readonly Dictionary<string, DateTimeOffset> _accessTokens = [];
    private readonly Dictionary<string, DateTimeOffset> _refreshTokens = []; // refresh token → when its login was made
    private readonly Dictionary<string, Queue<(int Status, string? Reason, string? Message, int? RetryAfter)>> _failures = [];
    private int _tokenCounter;
    private bool _stopped;
    private TimeSpan _clockOffset;

    private FakeSpotifyServer(WebApplication app)
    {
        _app = app;
    }

    public Uri BaseUri { get; private set; } = null!;

    public Uri ApiBaseUri => new(BaseUri, "v1/");

    public List<FakeDevice> Devices { get; } = [];

    public string? ActiveDeviceId { get; set; }

    public bool IsPlaying { get; set; }

    public string? ContextUri { get; set; }

    public string? ItemUri { get; set; }

    public bool Shuffle { get; set; }

    public bool Premium { get; set; } = true;

    /// <summary>
    /// The rules before June 2026: every refresh answer carries a new refresh token and spends the old one. Off by
    /// default: since June 2026 a refresh answers without a refresh token and the login's one stays valid until it
    /// expires, <see cref="RefreshTokenLifetimeMonths"/> after the login (then <c>invalid_grant</c>).
    /// </summary>
    public bool RotateRefreshTokens { get; set; }

    /// <summary>How long a login's refresh token lives (Spotify's 2026 rule: 6 months).</summary>
    public const int RefreshTokenLifetimeMonths = 6;

    /// <summary>The fake's clock (wall clock plus <see cref="AdvanceClock"/>): token lifetimes run on it.</summary>
    public DateTimeOffset Now => DateTimeOffset.UtcNow + _clockOffset;

    /// <summary>Every playlist of the account (<c>GET /me/playlists</c>), in library order.</summary>
    public List<FakePlaylist> Playlists { get; } = [];

    /// <summary>
    /// The account is not on the allow-list of the (development-mode) app: every Web API call answers 403 as Spotify
    /// does then.
    /// </summary>
    public bool UserNotRegistered { get; set; }

    /// <summary>Set to make /authorize send the browser back with this state instead of the app's.</summary>
    public string? ForgedCallbackState { get; set; }

    public bool DenyAccess { get; set; }

    public int PkceVerifications { get; private set; }

    /// <summary>Every secret the fake handed out or received (tokens, codes, verifiers): none may appear in logs.</summary>
    public List<string> Secrets { get; } = [];

    public IReadOnlyList<FakeRequest> Requests
    {
        get
        {
            lock (_lock)
            {
                return _requests.ToList();
            }
        }
    }

    public static async Task<FakeSpotifyServer> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrel(o => o.Listen(IPAddress.Loopback, 0));
        var app = builder.Build();
        var fake = new FakeSpotifyServer(app);
        app.Run(fake.HandleAsync);
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        fake.BaseUri = new Uri(address.EndsWith('/') ? address : address + "/");
        return fake;
    }

    public static string ChallengeFor(string verifier) =>
        Convert.ToBase64String(SHA256.HashData(Encoding.ASCII.GetBytes(verifier))).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    public int Count(string route) => Requests.Count(r => r.Route == route);

    public void ClearRequests()
    {
        lock (_lock)
        {
            _requests.Clear();
        }
    }

    /// <summary>The next <paramref name="times"/> requests to <paramref name="route"/> ("PUT /v1/me/player/play") fail so.</summary>
    public void Fail(string route, int status, int times = 1, string? reason = null, string? message = null, int? retryAfterSeconds = null)
    {
        lock (_lock)
        {
            if (!_failures.TryGetValue(route, out var queue))
            {
                _failures[route] = queue = new();
            }

            for (var i = 0; i < times; i++)
            {
                queue.Enqueue((status, reason, message, retryAfterSeconds));
            }
        }
    }

    public (string AccessToken, string RefreshToken) IssueTokens()
    {
        lock (_lock)
        {
            return IssueTokensLocked();
        }
    }

    public bool IsValidRefreshToken(string token)
    {
        lock (_lock)
        {
            return _refreshTokens.TryGetValue(token, out var loggedInAt) && !IsExpired(loggedInAt);
        }
    }

    public void ExpireAccessTokens()
    {
        lock (_lock)
        {
            foreach (var key in _accessTokens.Keys.ToList())
            {
                _accessTokens[key] = Now.AddMinutes(-1);
            }
        }
    }

    /// <summary>Lets <paramref name="time"/> pass on the fake's side (e.g. the 6 months after which a login ends).</summary>
    public void AdvanceClock(TimeSpan time)
    {
        lock (_lock)
        {
            _clockOffset += time;
        }
    }

    public void RevokeRefreshTokens()
    {
        lock (_lock)
        {
            _refreshTokens.Clear();
        }
    }

    public void AddActiveDevice(string id = "dev-laptop", string name = "Laptop", int volume = 60)
    {
        Devices.Add(new FakeDevice(id, name, Volume: volume));
        ActiveDeviceId = id;
    }

    public async Task StopAsync()
    {
        if (_stopped)
        {
            return;
        }

        _stopped = true;
        await _app.StopAsync();
    }

    public async ValueTask DisposeAsync()
    {
        await StopAsync();
        await _app.DisposeAsync();
    }

    private bool IsExpired(DateTimeOffset loggedInAt) => loggedInAt.AddMonths(RefreshTokenLifetimeMonths) <= Now;

    private (string AccessToken, string RefreshToken) IssueTokensLocked(DateTimeOffset? loggedInAt = null)
    {
        _tokenCounter++;
        var access = IssueAccessTokenLocked();
        var refresh = $"AQRefresh{_tokenCounter}x{Guid.NewGuid():N}";
        _refreshTokens[refresh] = loggedInAt ?? Now;
        Secrets.Add(refresh);
        return (access, refresh);
    }

    private string IssueAccessTokenLocked()
    {
        var access = $"BQAccess{_tokenCounter}x{Guid.NewGuid():N}";
        _accessTokens[access] = Now.AddHours(1);
        Secrets.Add(access);
        return access;
    }

    private async Task HandleAsync(HttpContext context)
    {
        var request = context.Request;
        var body = await new StreamReader(request.Body).ReadToEndAsync();
        var recorded = new FakeRequest(request.Method, request.Path.Value ?? "/", request.QueryString.Value ?? string.Empty, body, request.Headers.Authorization.FirstOrDefault());
        lock (_lock)
        {
            _requests.Add(recorded);
        }

        if (recorded.Path == "/authorize" && request.Method == "GET")
        {
            Authorize(context);
            return;
        }

        if (recorded.Path == "/api/token" && request.Method == "POST")
        {
            await TokenAsync(context, body);
            return;
        }

        if (!recorded.Path.StartsWith("/v1/", StringComparison.Ordinal))
        {
            await ErrorAsync(context, 404, "Service not found");
            return;
        }

        if (!await AuthorizedAsync(context, recorded.Authorization))
        {
            return;
        }

        (int Status, string? Reason, string? Message, int? RetryAfter)? failure = null;
        lock (_lock)
        {
            if (_failures.TryGetValue(recorded.Route, out var queue) && queue.Count > 0)
            {
                failure = queue.Dequeue();
            }
        }

        if (failure is { } f)
        {
            if (f.RetryAfter is { } seconds)
            {
                context.Response.Headers.RetryAfter = seconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
            }

            await ErrorAsync(context, f.Status, f.Message ?? DefaultMessage(f.Status), f.Reason);
            return;
        }

        await WebApiAsync(context, recorded);
    }

    private static string DefaultMessage(int status) => status switch
    {
        429 => "API rate limit exceeded",
        500 => "Server error.",
        502 => "Bad gateway.",
        503 => "Service unavailable",
        403 => "Player command failed: Premium required",
        404 => "Player command failed: No active device found",
        _ => "Error",
    };

    private void Authorize(HttpContext context)
    {
        var q = context.Request.Query;
        var redirect = q["redirect_uri"].ToString();
        if (q["client_id"] != TestClientId || q["response_type"] != "code" || q["code_challenge_method"] != "S256" ||
            string.IsNullOrEmpty(q["code_challenge"]) || !redirect.StartsWith("http://127.0.0.1:", StringComparison.Ordinal))
        {
            context.Response.StatusCode = 400;
            return;
        }

        var state = ForgedCallbackState ?? q["state"].ToString();
        if (DenyAccess)
        {
            context.Response.Redirect($"{redirect}?error=access_denied&state={Uri.EscapeDataString(state)}");
            return;
        }

        var code = "AQCode" + Guid.NewGuid().ToString("N");
        lock (_lock)
        {
            _codes[code] = (q["code_challenge"].ToString(), redirect, q["scope"].ToString());
            Secrets.Add(code);
        }

        context.Response.Redirect($"{redirect}?code={code}&state={Uri.EscapeDataString(state)}");
    }

    private async Task TokenAsync(HttpContext context, string body)
    {
        var form = System.Web.HttpUtility.ParseQueryString(body);
        if (form["client_id"] != TestClientId)
        {
            await OAuthErrorAsync(context, "invalid_client", "Invalid client");
            return;
        }

        string access, refresh, scope;
        lock (_lock)
        {
            switch (form["grant_type"])
            {
                case "authorization_code":
                    var code = form["code"] ?? string.Empty;
                    if (!_codes.Remove(code, out var issued) || issued.RedirectUri != form["redirect_uri"])
                    {
                        goto invalidCode;
                    }

                    Secrets.Add(form["code_verifier"] ?? string.Empty);
                    if (ChallengeFor(form["code_verifier"] ?? string.Empty) != issued.Challenge)
                    {
                        goto badVerifier;
                    }

                    PkceVerifications++;
                    (access, refresh) = IssueTokensLocked();
                    scope = issued.Scope;
                    break;

                case "refresh_token":
                    var used = form["refresh_token"] ?? string.Empty;
                    if (!_refreshTokens.TryGetValue(used, out var loggedInAt))
                    {
                        goto revoked;
                    }

                    if (IsExpired(loggedInAt))
                    {
                        _refreshTokens.Remove(used);
                        goto expired;
                    }

                    scope = "user-read-playback-state user-modify-playback-state user-read-currently-playing user-read-private playlist-read-private playlist-read-collaborative";
                    if (RotateRefreshTokens)
                    {
                        // Before June 2026: the used token is spent and a new one comes back.
                        _refreshTokens.Remove(used);
                        (access, refresh) = IssueTokensLocked(loggedInAt);
                    }
                    else
                    {
                        _tokenCounter++;
                        access = IssueAccessTokenLocked();
                        refresh = string.Empty;
                    }

                    break;

                default:
                    goto unsupported;
            }
        }

        var json = new JsonObject
        {
            ["access_token"] = access,
            ["token_type"] = "Bearer",
            ["expires_in"] = 3600,
            ["scope"] = scope,
        };
        if (refresh.Length > 0)
        {
            json["refresh_token"] = refresh;
        }

        await JsonAsync(context, 200, json.ToJsonString());
        return;

    invalidCode:
        await OAuthErrorAsync(context, "invalid_grant", "Invalid authorization code");
        return;
    badVerifier:
        await OAuthErrorAsync(context, "invalid_grant", "code_verifier was incorrect");
        return;
    revoked:
        await OAuthErrorAsync(context, "invalid_grant", "Refresh token revoked");
        return;
    expired:
        await OAuthErrorAsync(context, "invalid_grant", "Refresh token expired");
        return;
    unsupported:
        await OAuthErrorAsync(context, "unsupported_grant_type", "grant_type parameter is missing");
    }

    private async Task<bool> AuthorizedAsync(HttpContext context, string? authorization)
    {
        if (authorization is null || !authorization.StartsWith("Bearer ", StringComparison.Ordinal))
        {
            await ErrorAsync(context, 401, "No token provided");
            return false;
        }

        DateTimeOffset expires;
        bool known;
        lock (_lock)
        {
            known = _accessTokens.TryGetValue(authorization["Bearer ".Length..], out expires);
        }

        if (!known)
        {
            await ErrorAsync(context, 401, "Invalid access token");
            return false;
        }

        if (expires <= Now)
        {
            await ErrorAsync(context, 401, "The access token expired");
            return false;
        }

        return true;
    }

    private async Task WebApiAsync(HttpContext context, FakeRequest request)
    {
        var query = context.Request.Query;
        if (UserNotRegistered)
        {
            await ErrorAsync(context, 403, "Check settings on developer.spotify.com/dashboard, the user may not be registered.");
            return;
        }

        var isPlayerCommand = request.Path.StartsWith("/v1/me/player", StringComparison.Ordinal) && request.Method != "GET";
        if (isPlayerCommand && !Premium)
        {
            await ErrorAsync(context, 403, "Player command failed: Premium required", "PREMIUM_REQUIRED");
            return;
        }

        switch (request.Route)
        {
            case "GET /v1/me":
                await JsonAsync(context, 200, new JsonObject
                {
                    ["display_name"] = "Test Listener",
                    ["id"] = "testlistener",
                    ["product"] = Premium ? "premium" : "free",
                    ["type"] = "user",
                    ["uri"] = "spotify:user:testlistener",
                }.ToJsonString());
                return;

            case "GET /v1/me/playlists":
                await PlaylistsAsync(context);
                return;

            case "GET /v1/me/player/devices":
                await JsonAsync(context, 200, new JsonObject { ["devices"] = new JsonArray(Devices.Select(DeviceJson).ToArray<JsonNode?>()) }.ToJsonString());
                return;

            case "GET /v1/me/player":
                var active = Devices.FirstOrDefault(d => d.Id == ActiveDeviceId);
                if (active is null)
                {
                    context.Response.StatusCode = 204;
                    return;
                }

                await JsonAsync(context, 200, new JsonObject
                {
                    ["device"] = DeviceJson(active),
                    ["repeat_state"] = "off",
                    ["shuffle_state"] = Shuffle,
                    ["context"] = ContextUri is null ? null : new JsonObject { ["type"] = ContextUri.Split(':')[1], ["uri"] = ContextUri, ["href"] = "https://api.spotify.com/v1/x" },
                    ["timestamp"] = 1_700_000_000_000L,
                    ["progress_ms"] = 42_000,
                    ["is_playing"] = IsPlaying,
                    ["item"] = ItemUri is null ? null : new JsonObject
                    {
                        ["uri"] = ItemUri,
                        ["name"] = "Weightless",
                        ["type"] = "track",
                        ["duration_ms"] = 480_000,
                        ["artists"] = new JsonArray(new JsonObject { ["name"] = "Marconi Union", ["uri"] = "spotify:artist:6mLHn4Nw0bJ9KCL1nXAW4h" }),
                    },
                    ["currently_playing_type"] = "track",
                    ["actions"] = new JsonObject { ["disallows"] = new JsonObject { ["resuming"] = true } },
                }.ToJsonString());
                return;

            case "PUT /v1/me/player":
                var ids = JsonNode.Parse(request.Body)?["device_ids"]?.AsArray().Select(n => n!.GetValue<string>()).ToList() ?? [];
                if (ids.Count != 1)
                {
                    await ErrorAsync(context, 400, "Only a single device_id is supported");
                    return;
                }

                if (Devices.All(d => d.Id != ids[0]))
                {
                    await ErrorAsync(context, 404, "Device not found");
                    return;
                }

                ActiveDeviceId = ids[0];
                context.Response.StatusCode = 204;
                return;

            case "PUT /v1/me/player/play":
                var target = query["device_id"].FirstOrDefault() ?? ActiveDeviceId;
                if (target is null || Devices.All(d => d.Id != target))
                {
                    await ErrorAsync(context, 404, "Player command failed: No active device found", "NO_ACTIVE_DEVICE");
                    return;
                }

                ActiveDeviceId = target;
                if (request.Body.Length > 0)
                {
                    var play = JsonNode.Parse(request.Body)!;
                    ContextUri = play["context_uri"]?.GetValue<string>();
                    ItemUri = play["uris"]?.AsArray().FirstOrDefault()?.GetValue<string>() ?? "spotify:track:6kkwzB6hXLIONkEk9JciA6";
                }

                IsPlaying = true;
                context.Response.StatusCode = 204;
                return;

            case "PUT /v1/me/player/pause":
                IsPlaying = false;
                context.Response.StatusCode = 204;
                return;

            case "POST /v1/me/player/next":
            case "PUT /v1/me/player/volume":
                context.Response.StatusCode = 204;
                return;

            case "PUT /v1/me/player/shuffle":
                Shuffle = query["state"] == "true";
                context.Response.StatusCode = 204;
                return;

            default:
                await ErrorAsync(context, 404, "Service not found");
                return;
        }
    }

    /// <summary><c>GET /me/playlists</c>: a <c>PagingPlaylistObject</c> of <c>SimplifiedPlaylistObject</c>s, limit 1–50 (default 20), offset 0–100000.</summary>
    private async Task PlaylistsAsync(HttpContext context)
    {
        var query = context.Request.Query;
        var limit = 20;
        var offset = 0;
        if ((query.ContainsKey("limit") && (!int.TryParse(query["limit"], out limit) || limit is < 1 or > 50)) ||
            (query.ContainsKey("offset") && (!int.TryParse(query["offset"], out offset) || offset is < 0 or > 100_000)))
        {
            await ErrorAsync(context, 400, "Invalid limit or offset");
            return;
        }

        const string Endpoint = "https://api.spotify.com/v1/me/playlists";
        var total = Playlists.Count;
        string PageUrl(int at) => $"{Endpoint}?offset={at}&limit={limit}";
        var items = Playlists.Skip(offset).Take(limit).Select(p => (JsonNode?)new JsonObject
        {
            ["collaborative"] = p.Collaborative,
            ["description"] = "",
            ["external_urls"] = new JsonObject { ["spotify"] = $"https://open.spotify.com/playlist/{p.Id}" },
            ["href"] = $"https://api.spotify.com/v1/playlists/{p.Id}",
            ["id"] = p.Id,
            ["images"] = new JsonArray(new JsonObject { ["url"] = $"https://mosaic.scdn.co/640/{p.Id}", ["height"] = 640, ["width"] = 640 }),
            ["name"] = p.Name,
            ["owner"] = new JsonObject
            {
                ["external_urls"] = new JsonObject { ["spotify"] = $"https://open.spotify.com/user/{p.OwnerId}" },
                ["href"] = $"https://api.spotify.com/v1/users/{p.OwnerId}",
                ["id"] = p.OwnerId,
                ["type"] = "user",
                ["uri"] = $"spotify:user:{p.OwnerId}",
                ["display_name"] = p.OwnerName,
            },
            ["public"] = p.Public,
            ["snapshot_id"] = "MTAsZDVmZjMyOWIwNzI1ZjcyYzY3ZGQzN2Q4NmY5MmM4NjA0Mzc5Mzk0MA==",
            ["items"] = new JsonObject { ["href"] = $"https://api.spotify.com/v1/playlists/{p.Id}/tracks", ["total"] = p.Tracks },
            ["tracks"] = new JsonObject { ["href"] = $"https://api.spotify.com/v1/playlists/{p.Id}/tracks", ["total"] = p.Tracks },
            ["type"] = "playlist",
            ["uri"] = p.Uri,
        }).ToArray();

        await JsonAsync(context, 200, new JsonObject
        {
            ["href"] = PageUrl(offset),
            ["limit"] = limit,
            ["next"] = offset + limit < total ? PageUrl(offset + limit) : null,
            ["offset"] = offset,
            ["previous"] = offset > 0 ? PageUrl(Math.Max(0, offset - limit)) : null,
            ["total"] = total,
            ["items"] = new JsonArray(items),
        }.ToJsonString());
    }

    private JsonObject DeviceJson(FakeDevice d) => new()
    {
        ["id"] = d.Id,
        ["is_active"] = d.Id == ActiveDeviceId,
        ["is_private_session"] = false,
        ["is_restricted"] = d.Restricted,
        ["name"] = d.Name,
        ["type"] = d.Type,
        ["volume_percent"] = d.Volume,
        ["supports_volume"] = d.SupportsVolume,
    };

    private static Task ErrorAsync(HttpContext context, int status, string message, string? reason = null)
    {
        var error = new JsonObject { ["status"] = status, ["message"] = message };
        if (reason is not null)
        {
            error["reason"] = reason;
        }

        return JsonAsync(context, status, new JsonObject { ["error"] = error }.ToJsonString());
    }

    private static Task OAuthErrorAsync(HttpContext context, string error, string description) =>
        JsonAsync(context, 400, JsonSerializer.Serialize(new Dictionary<string, string> { ["error"] = error, ["error_description"] = description }));

    private static async Task JsonAsync(HttpContext context, int status, string json)
    {
        context.Response.StatusCode = status;
        context.Response.ContentType = "application/json; charset=utf-8";
        await context.Response.WriteAsync(json);
    }
}
