using Microsoft.Extensions.Options;

namespace OrpheusLive.Hosting;

/// <summary>
/// Adapts an options class's own check (its problems, each one line naming the setting and the valid range) to
/// <see cref="IValidateOptions{TOptions}"/>, so every options class is validated the same way, at start.
/// </summary>
public sealed class SelfValidation<T>(Func<T, IEnumerable<string?>> problems) : IValidateOptions<T>
    where T : class
{
    /// <summary>Adapts a check that returns the first problem or null.</summary>
    public SelfValidation(Func<T, string?> problem)
        : this(options => [problem(options)])
    {
    }

    /// <inheritdoc />
    public ValidateOptionsResult Validate(string? name, T options)
    {
        var failures = problems(options).OfType<string>().ToList();
        return failures.Count > 0 ? ValidateOptionsResult.Fail(failures) : ValidateOptionsResult.Success;
    }
}
