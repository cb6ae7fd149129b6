namespace OrpheusLive.Hosting;

/// <summary>What a user asked to listen to, from command-line options over configuration.</summary>
/// <param name="InputFile">A WAV file, or null for the microphone.</param>
/// <param name="Fast">Read the file as fast as possible.</param>
/// <param name="Device">Microphone device name, or null for the default.</param>
/// <param name="Player">Player name ("auto", "console", "local", "spotify").</param>
public sealed record ListenRequest(string? InputFile, bool Fast, string? Device, string Player);
