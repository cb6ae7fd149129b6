using OrpheusLive.Core.Playback;

namespace OrpheusLive.Players;

/// <summary>Picks a player by name among the registered <see cref="IPlayerProvider"/>s; "auto" prefers Spotify, then local, then console.</summary>
public sealed class PlayerFactory(IEnumerable<IPlayerProvider> providers) : IPlayerFactory
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
        foreach (var candidate in AutoOrder)
        {
            var provider = Find(candidate);
            if (provider is null)
            {
                continue;
            }

            if (provider.IsAvailable(out var reason))
            {
                warning = reasons.Count == 0 ? null : $"Using the {provider.Name} player: {string.Join("; ", reasons.Select(r => r.TrimEnd('.')))}.";
                return provider.Create();
            }

            reasons.Add(reason ?? $"{provider.Name} is not available");
        }

        throw new InvalidOperationException("No player is registered.");
    }

    private IPlayerProvider? Find(string name) =>
        _providers.FirstOrDefault(p => string.Equals(p.Name, name, StringComparison.OrdinalIgnoreCase));
}
