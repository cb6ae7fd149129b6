using Microsoft.Extensions.Options;

namespace OrpheusLive.Onnx;

/// <summary>Lets the options system report <see cref="OnnxOptions.GetValidationErrors"/> when the options are first used.</summary>
internal sealed class OnnxOptionsValidator : IValidateOptions<OnnxOptions>
{
    public ValidateOptionsResult Validate(string? name, OnnxOptions options)
    {
        IReadOnlyList<string> errors = options.GetValidationErrors();
        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }
}
