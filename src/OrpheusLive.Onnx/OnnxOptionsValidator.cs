using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Options;

namespace OrpheusLive.Onnx;

/// <summary>
/// Lets the options system report <see cref="OnnxOptions.GetValidationErrors()"/> when the options are first used (or at
/// start). Reads the configured <c>ExecutionProvider</c> text from <paramref name="section"/> so a bad value is quoted
/// as the user wrote it.
/// </summary>
internal sealed class OnnxOptionsValidator(IConfiguration? section = null) : IValidateOptions<OnnxOptions>
{
    public ValidateOptionsResult Validate(string? name, OnnxOptions options)
    {
        IReadOnlyList<string> errors = options.GetValidationErrors(section?[nameof(OnnxOptions.ExecutionProvider)]);
        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }
}
