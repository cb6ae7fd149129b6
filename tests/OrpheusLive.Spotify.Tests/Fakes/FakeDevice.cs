namespace OrpheusLive.Spotify.Tests.Fakes;

/// <summary>A Spotify Connect device of the fake account.</summary>
public sealed record FakeDevice(string Id, string Name, string Type = "Computer", int Volume = 60, bool Restricted = false, bool SupportsVolume = true);
