using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using OrpheusLive.Core.Playback;

namespace OrpheusLive.Players;

/// <summary>
/// Picks a player by name among the registered <see cref="IPlayerProvider"/>s; "auto" prefers Spotify, then local, then
/// console, and wraps Spotify in a <see cref="FallbackPlayer"/> whose fallback is the next available of the others (so
/// an expired Spotify login hands the music to the built-in player).
/// </summary>
public sealed class PlayerFactory(IEnumerable<IPlayerProvider> providers, ILogger<FallbackPlayer>? fallbackLogger = null) : IPlayerFactory
{
    private static readonly string[] AutoOrder = ["spotify", "local", "console"];
    private readonly IReadOnlyList<IPlayerProvider> _providers = [.. providers];

    /// <inheritdoc />
    public IReadOnlyList<string> Names => [.. _providers.Select(p => p.Name), "auto"];

    /// <inheritdoc />
    public IPlayer Create(string name, out string? warning)
    {
        warning = null;
        if (!string.Equals(name, "auto", StringComparison.OrdinalIgnoreCase))
        {
            var provider = Find(name) ?? throw new ArgumentException(
                $"unknown player '{name}' (known: {string.Join(", ", Names)})", nameof(name));
            if (!provider.IsAvailable(out var reason))
            {
                warning = $"The {provider.Name} player may not work: {reason}";
            }

            return provider.Create();
        }

        var reasons = new List<string>();
        for (var i = 0; i < AutoOrder.Length; i++)
        {
            var provider = Find(AutoOrder[i]);
            if (provider is null)
            {
                continue;
            }

            if (provider.IsAvailable(out var reason))
            {
                warning = reasons.Count == 0 ? null : $"Using the {provider.Name} player: {string.Join("; ", reasons.Select(r => r.TrimEnd('.')))}.";
                var after = i + 1;
                return AutoOrder[i] == "spotify"
                    ? new FallbackPlayer(provider.Create(), () => CreateFirstAvailable(after), fallbackLogger ?? NullLogger<FallbackPlayer>.Instance)
                    : provider.Create();
            }

            reasons.Add(reason ?? $"{provider.Name} is not available");
        }

        throw new InvalidOperationException("No player is registered.");
    }

    /// <summary>The first available player of <see cref="AutoOrder"/> from <paramref name="start"/> on, else the last registered one there.</summary>
    private IPlayer CreateFirstAvailable(int start)
    {
        var candidates = AutoOrder[start..].Select(Find).OfType<IPlayerProvider>().ToList();
        var provider = candidates.FirstOrDefault(p => p.IsAvailable(out _)) ?? candidates.LastOrDefault()
            ?? throw new InvalidOperationException("No player is registered to take over from Spotify.");
        return provider.Create();
    }

    private IPlayerProvider? Find(string name) =>
        _providers.FirstOrDefault(p => string.Equals(p.Name, name, StringComparison.OrdinalIgnoreCase));
}
