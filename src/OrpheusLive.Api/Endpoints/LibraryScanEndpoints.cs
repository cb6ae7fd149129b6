using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using OrpheusLive.Api.Contracts;
using OrpheusLive.Api.Scans;
using OrpheusLive.Library.Storage;

namespace OrpheusLive.Api.Endpoints;

/// <summary>
/// <c>POST /api/library/scan</c> starts a scan of the library in the background (202 with the scan, Location
/// <c>/api/library/scan</c>; 409 while one runs, here or in <c>orpheus library scan</c>), <c>GET /api/library/scan</c>
/// answers how the running or last one is doing.
/// </summary>
public static class LibraryScanEndpoints
{
    /// <summary>Where a scan's status is read.</summary>
    public const string StatusPath = "/api/library/scan";

    private const string Shape = "send {\"folders\":[\"/path/to/music\",…]} with at least one existing folder";

    /// <summary>Maps the endpoints onto the <c>/api</c> group.</summary>
    public static RouteGroupBuilder MapLibraryScanEndpoints(this RouteGroupBuilder api)
    {
        ArgumentNullException.ThrowIfNull(api);
        api.MapPost("/library/scan", StartScanAsync).WithName("StartLibraryScan");
        api.MapGet("/library/scan", GetScan).WithName("GetLibraryScan");
        return api;
    }

    /// <summary>Validates the folders and starts the scan.</summary>
    public static async Task<Results<Accepted<LibraryScanResponse>, JsonHttpResult<ErrorResponse>>> StartScanAsync(HttpContext context, LibraryScans scans)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(scans);
        var (read, request) = await JsonBody.TryReadAsync<LibraryScanRequest>(context).ConfigureAwait(false);
        if (!read)
        {
            return BadRequest($"The body is not a JSON object with 'folders' (Content-Type application/json); {Shape}.");
        }

        if (Validate(request?.Folders, out var folders) is { } problem)
        {
            return BadRequest(problem);
        }

        try
        {
            return TypedResults.Accepted(StatusPath, scans.Start(folders));
        }
        catch (LibraryBusyException e)
        {
            return ApiErrors.Create(StatusCodes.Status409Conflict, e.Message);
        }
        catch (LibraryStoreException e)
        {
            return ApiErrors.Create(StatusCodes.Status503ServiceUnavailable, e.Message);
        }
        catch (InvalidOperationException e)
        {
            return ApiErrors.Create(StatusCodes.Status503ServiceUnavailable, e.Message);
        }
    }

    /// <summary>The running or last scan; 404 when none has been started.</summary>
    public static Results<Ok<LibraryScanResponse>, JsonHttpResult<ErrorResponse>> GetScan(LibraryScans scans)
    {
        ArgumentNullException.ThrowIfNull(scans);
        return scans.Current is { } scan
            ? TypedResults.Ok(scan)
            : ApiErrors.Create(StatusCodes.Status404NotFound, "No library scan has been started since the server started; POST /api/library/scan starts one.");
    }

    /// <summary>The first problem with <paramref name="requested"/> (naming the field), or null with the full paths.</summary>
    internal static string? Validate(IReadOnlyList<string?>? requested, out IReadOnlyList<string> folders)
    {
        folders = [];
        if (requested is null) return $"'folders' is missing; {Shape}.";
        if (requested.Count == 0) return $"'folders' is empty; {Shape}.";
        var full = new List<string>(requested.Count);
        for (var i = 0; i < requested.Count; i++)
        {
            var folder = requested[i];
            if (string.IsNullOrWhiteSpace(folder)) return $"'folders[{i}]' is empty; each entry must be the absolute path of a folder.";
            if (!Path.IsPathFullyQualified(folder)) return $"'folders[{i}]' ({folder}) is not an absolute path; the server resolves no relative paths.";
            if (!Directory.Exists(folder)) return $"'folders[{i}]' ({folder}) does not exist or is not a folder.";
            full.Add(Path.GetFullPath(folder));
        }

        folders = full;
        return null;
    }

    private static JsonHttpResult<ErrorResponse> BadRequest(string message) => ApiErrors.Create(StatusCodes.Status400BadRequest, message);
}
