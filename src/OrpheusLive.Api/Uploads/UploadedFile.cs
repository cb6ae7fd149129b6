namespace OrpheusLive.Api.Uploads;

/// <summary>The bytes of an uploaded file.</summary>
/// <param name="Name">A name for messages ("upload" for a raw body, the form file name otherwise).</param>
/// <param name="Content">The bytes.</param>
public sealed record UploadedFile(string Name, ReadOnlyMemory<byte> Content);
