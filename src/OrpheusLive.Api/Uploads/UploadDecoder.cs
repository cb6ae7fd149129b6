using Microsoft.AspNetCore.Http;
using OrpheusLive.Audio.Decoding;
using OrpheusLive.Core.Audio;

namespace OrpheusLive.Api.Uploads;

/// <summary>
/// Decodes an upload through the app's one <see cref="IAudioDecoder"/> (so the API accepts exactly the files
/// <c>listen</c> and <c>eval</c> accept) to 16 kHz mono, and answers what it refuses with the status the API documents:
/// 415 not audio or an unsupported variant, 400 damaged, cut off or empty, 413 longer than the limit. The decoder reads
/// files, so the upload is written to a private temporary file first (deleted afterwards); messages name the upload.
/// </summary>
/// <param name="decoder">The app's decoder.</param>
public sealed class UploadDecoder(IAudioDecoder decoder)
{
    /// <summary>Decodes <paramref name="file"/>; the result has at least one sample.</summary>
    /// <exception cref="UploadRejectedException">The file cannot be scored; the message says why.</exception>
    public float[] Decode(UploadedFile file, double maxSeconds)
    {
        ArgumentNullException.ThrowIfNull(file);
        if (file.Content.IsEmpty)
        {
            throw new UploadRejectedException(StatusCodes.Status400BadRequest, "The upload is empty; send an audio file (e.g. WAV).");
        }

        // No extension: the decoder recognises the format by the bytes, never by a name the client chose.
        var folder = Directory.CreateTempSubdirectory("orpheus-upload-");
        var path = Path.Combine(folder.FullName, "upload");
        try
        {
            using (var stream = new FileStream(path, FileMode.CreateNew, FileAccess.Write))
            {
                stream.Write(file.Content.Span);
            }

            return decoder.DecodeAll(path, TimeSpan.FromSeconds(maxSeconds), IAudioSource.SampleRate);
        }
        catch (AudioDecodeException e)
        {
            var message = e.Message.Replace($"'{path}'", $"'{file.Name}'", StringComparison.Ordinal).Replace(path, file.Name, StringComparison.Ordinal);
            if (e.Kind == AudioDecodeErrorKind.TooLong)
            {
                message += $" ({ApiOptions.SectionName}:MaxClipSeconds)";
            }

            throw new UploadRejectedException(StatusOf(e.Kind), message, e);
        }
        finally
        {
            try
            {
                folder.Delete(recursive: true);
            }
            catch (IOException)
            {
                // Best effort: the temporary folder is the system's to clean.
            }
        }
    }

    /// <summary>The HTTP status for a decoding failure.</summary>
    public static int StatusOf(AudioDecodeErrorKind kind) => kind switch
    {
        AudioDecodeErrorKind.NotAudio or AudioDecodeErrorKind.Unsupported or AudioDecodeErrorKind.DecoderMissing => StatusCodes.Status415UnsupportedMediaType,
        AudioDecodeErrorKind.TooLong => StatusCodes.Status413PayloadTooLarge,
        AudioDecodeErrorKind.Unreadable => StatusCodes.Status500InternalServerError,
        _ => StatusCodes.Status400BadRequest,
    };
}
