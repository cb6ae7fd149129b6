namespace OrpheusLive.Api.Contracts;

/// <summary>The loaded emotion model.</summary>
/// <param name="Name">Model name from its metadata, or its file name.</param>
/// <param name="Version">Model version, or "unknown".</param>
/// <param name="Runtime">Runtime and execution provider.</param>
public sealed record ModelDescription(string Name, string Version, string Runtime);
