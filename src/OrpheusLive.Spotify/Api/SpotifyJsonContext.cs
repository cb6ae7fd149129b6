using System.Text.Json.Serialization;
using OrpheusLive.Spotify.Auth;

namespace OrpheusLive.Spotify.Api;

/// <summary>Source-generated JSON metadata for every Spotify shape (no reflection, trimming-safe).</summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    NumberHandling = JsonNumberHandling.AllowReadingFromString)]
[JsonSerializable(typeof(SpotifyDeviceList))]
[JsonSerializable(typeof(SpotifyPlaybackState))]
[JsonSerializable(typeof(SpotifyUser))]
[JsonSerializable(typeof(SpotifyPlaylistPage))]
[JsonSerializable(typeof(SpotifyErrorBody))]
[JsonSerializable(typeof(StartPlaybackBody))]
[JsonSerializable(typeof(TransferPlaybackBody))]
[JsonSerializable(typeof(TokenResponse))]
[JsonSerializable(typeof(TokenErrorResponse))]
[JsonSerializable(typeof(SpotifyToken))]
internal sealed partial class SpotifyJsonContext : JsonSerializerContext;
