namespace OrpheusLive.Spotify.Tests.Fakes;

/// <summary>One request the fake received.</summary>
public sealed record FakeRequest(string Method, string Path, string Query, string Body, string? Authorization)
{
    public string Route => $"{Method} {Path}";

    public override string ToString() => $"{Method} {Path}{Query} {Body}";
}
