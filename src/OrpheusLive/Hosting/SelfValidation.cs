using Microsoft.Extensions.Options;

namespace OrpheusLive.Hosting;

/// <summary>Adapts an options class's own <c>Validate()</c> (null or a message) to <see cref="IValidateOptions{TOptions}"/>.</summary>
public sealed class SelfValidation<T>(Func<T, string?> validate) : IValidateOptions<T>
    where T : class
{
    /// <inheritdoc />
    public ValidateOptionsResult Validate(string? name, T options) =>
        validate(options) is { } error ? ValidateOptionsResult.Fail(error) : ValidateOptionsResult.Success;
}
