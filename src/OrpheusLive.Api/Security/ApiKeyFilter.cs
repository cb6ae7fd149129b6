using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Options;
using OrpheusLive.Api.Contracts;

namespace OrpheusLive.Api.Security;

/// <summary>
/// Requires <c>Authorization: Bearer KEY</c> when <see cref="ApiOptions.Key"/> is set. Keys are compared as SHA-256
/// digests in constant time, so neither the key's content nor its length leaks through response timing.
/// </summary>
public sealed class ApiKeyFilter : IEndpointFilter
{
    private const string Scheme = "Bearer ";
    private readonly byte[]? _expectedDigest;

    /// <summary>Creates the filter for the configured key.</summary>
    public ApiKeyFilter(IOptions<ApiOptions> options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var key = options.Value.Key;
        _expectedDigest = string.IsNullOrEmpty(key) ? null : SHA256.HashData(Encoding.UTF8.GetBytes(key));
    }

    /// <inheritdoc />
    public ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(next);
        if (_expectedDigest is null || IsAuthorized(context.HttpContext.Request))
        {
            return next(context);
        }

        context.HttpContext.Response.Headers.WWWAuthenticate = "Bearer";
        return ValueTask.FromResult<object?>(TypedResults.Json(
            new ErrorResponse("Missing or wrong API key: send the key from Api:Key as 'Authorization: Bearer KEY'."),
            statusCode: StatusCodes.Status401Unauthorized));
    }

    private bool IsAuthorized(HttpRequest request)
    {
        var header = request.Headers.Authorization.ToString();
        if (!header.StartsWith(Scheme, StringComparison.OrdinalIgnoreCase))
        {
            return false;
        }

        var presented = SHA256.HashData(Encoding.UTF8.GetBytes(header[Scheme.Length..].Trim()));
        return CryptographicOperations.FixedTimeEquals(presented, _expectedDigest);
    }
}
