using System.ComponentModel;
using System.Globalization;

namespace OrpheusLive.Onnx;

/// <summary>
/// Reads <see cref="OnnxExecutionProvider"/> from configuration text: a provider's name in any case; anything else
/// becomes <see cref="Unrecognized"/> instead of an exception, so <see cref="OnnxOptions.GetValidationErrors()"/> can
/// report it in the same one-line style as every other bad setting.
/// </summary>
internal sealed class OnnxExecutionProviderConverter : EnumConverter
{
    /// <summary>The value text that names no provider binds to (never a defined member).</summary>
    public const OnnxExecutionProvider Unrecognized = (OnnxExecutionProvider)(-1);

    public OnnxExecutionProviderConverter() : base(typeof(OnnxExecutionProvider))
    {
    }

    public override object? ConvertFrom(ITypeDescriptorContext? context, CultureInfo? culture, object value)
    {
        if (value is not string text) return base.ConvertFrom(context, culture, value);
        string name = text.Trim();
        bool isName = name.Length > 0 && char.IsAsciiLetter(name[0]) && !name.Contains(',', StringComparison.Ordinal);
        return isName && Enum.TryParse(name, ignoreCase: true, out OnnxExecutionProvider provider) && Enum.IsDefined(provider)
            ? provider
            : Unrecognized;
    }
}
