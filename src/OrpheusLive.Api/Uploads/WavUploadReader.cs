using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Net.Http.Headers;

namespace OrpheusLive.Api.Uploads;

/// <summary>
/// Takes a WAV upload off a request: the raw body (<c>audio/wav</c>, <c>audio/x-wav</c>, <c>audio/wave</c>,
/// <c>application/octet-stream</c>, or no content type) or the <c>file</c> field of a <c>multipart/form-data</c> body.
/// Never reads more than the limit: a declared length over it is refused before reading, a streamed one as soon as it
/// passes the limit.
/// </summary>
public static class WavUploadReader
{
    /// <summary>The multipart field that carries the file.</summary>
    public const string FormField = "file";

    // Room for multipart boundaries and part headers around a file of the maximum size.
    private const long MultipartOverheadBytes = 64 * 1024;

    private static readonly string[] RawTypes = ["audio/wav", "audio/x-wav", "audio/wave", "audio/vnd.wave", "application/octet-stream"];

    /// <summary>Reads the upload.</summary>
    /// <exception cref="UploadRejectedException">Wrong content type (415), too large (413), empty or malformed (400).</exception>
    public static async Task<UploadedFile> ReadAsync(HttpRequest request, long maxBytes, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var isMultipart = IsMultipart(request.ContentType);
        if (!isMultipart && !IsRawAudio(request.ContentType))
        {
            throw new UploadRejectedException(StatusCodes.Status415UnsupportedMediaType,
                $"Content type '{request.ContentType}' is not accepted: send the WAV file as the body with Content-Type audio/wav " +
                $"(or application/octet-stream), or as the '{FormField}' field of a multipart/form-data form.");
        }

        var allowed = isMultipart ? maxBytes + MultipartOverheadBytes : maxBytes;
        if (request.ContentLength > allowed)
        {
            throw TooLarge(maxBytes);
        }

        // Kestrel enforces the same bound for bodies without a declared length.
        if (request.HttpContext.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } limit)
        {
            limit.MaxRequestBodySize = allowed + 1;
        }

        try
        {
            return isMultipart
                ? await ReadFormFileAsync(request, maxBytes, cancellationToken).ConfigureAwait(false)
                : new UploadedFile("upload", await ReadBodyAsync(request.Body, maxBytes, cancellationToken).ConfigureAwait(false));
        }
        catch (BadHttpRequestException e) when (e.StatusCode == StatusCodes.Status413PayloadTooLarge)
        {
            throw TooLarge(maxBytes);
        }
        catch (BadHttpRequestException e)
        {
            throw new UploadRejectedException(StatusCodes.Status400BadRequest, $"The request body could not be read: {e.Message}", e);
        }
    }

    private static async Task<UploadedFile> ReadFormFileAsync(HttpRequest request, long maxBytes, CancellationToken cancellationToken)
    {
        IFormCollection form;
        try
        {
            form = await request.ReadFormAsync(new FormOptions { MultipartBodyLengthLimit = maxBytes + MultipartOverheadBytes }, cancellationToken)
                .ConfigureAwait(false);
        }
        catch (InvalidDataException e) when (e.Message.Contains("length limit", StringComparison.OrdinalIgnoreCase))
        {
            throw TooLarge(maxBytes);
        }
        catch (InvalidDataException e)
        {
            throw new UploadRejectedException(StatusCodes.Status400BadRequest, $"The multipart/form-data body is malformed: {e.Message}", e);
        }

        var file = form.Files.GetFile(FormField)
            ?? throw new UploadRejectedException(StatusCodes.Status400BadRequest,
                $"The multipart/form-data body has no file field named '{FormField}'.");
        if (file.Length > maxBytes)
        {
            throw TooLarge(maxBytes);
        }

        var stream = file.OpenReadStream();
        await using (stream.ConfigureAwait(false))
        {
            var name = string.IsNullOrWhiteSpace(file.FileName) ? FormField : Path.GetFileName(file.FileName);
            return new UploadedFile(name, await ReadBodyAsync(stream, maxBytes, cancellationToken).ConfigureAwait(false));
        }
    }

    private static async Task<ReadOnlyMemory<byte>> ReadBodyAsync(Stream body, long maxBytes, CancellationToken cancellationToken)
    {
        using var buffer = new MemoryStream();
        var chunk = new byte[81920];
        while (true)
        {
            var read = await body.ReadAsync(chunk, cancellationToken).ConfigureAwait(false);
            if (read == 0)
            {
                break;
            }

            if (buffer.Length + read > maxBytes)
            {
                throw TooLarge(maxBytes);
            }

            buffer.Write(chunk, 0, read);
        }

        return buffer.GetBuffer().AsMemory(0, (int)buffer.Length);
    }

    private static bool IsMultipart(string? contentType) =>
        MediaTypeHeaderValue.TryParse(contentType, out var parsed)
        && parsed.MediaType.Equals("multipart/form-data", StringComparison.OrdinalIgnoreCase);

    private static bool IsRawAudio(string? contentType)
    {
        if (string.IsNullOrWhiteSpace(contentType))
        {
            return true; // Nothing declared: the bytes decide (and are refused with 415 unless they are a WAV).
        }

        return MediaTypeHeaderValue.TryParse(contentType, out var parsed)
            && RawTypes.Any(t => parsed.MediaType.Equals(t, StringComparison.OrdinalIgnoreCase));
    }

    private static UploadRejectedException TooLarge(long maxBytes) =>
        new(StatusCodes.Status413PayloadTooLarge,
            $"The upload is larger than {maxBytes} bytes ({maxBytes / (1024.0 * 1024):0.#} MB), the limit set by {ApiOptions.SectionName}:MaxUploadBytes.");
}
