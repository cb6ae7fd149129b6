using System.Runtime.InteropServices;

namespace OrpheusLive.Onnx.Interop;

/// <summary>Owns an OrtValue; released through OrtApi::ReleaseValue (which never frees caller-provided tensor data).</summary>
internal sealed class OrtValueHandle : SafeHandle
{
    public OrtValueHandle(nint value) : base(0, ownsHandle: true) => SetHandle(value);

    public override bool IsInvalid => handle == 0;

    protected override bool ReleaseHandle()
    {
        OrtApi.Shared.ReleaseValue(handle);
        return true;
    }
}
