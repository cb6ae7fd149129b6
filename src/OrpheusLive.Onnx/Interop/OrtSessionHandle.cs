using System.Runtime.InteropServices;

namespace OrpheusLive.Onnx.Interop;

/// <summary>Owns an OrtSession; released through OrtApi::ReleaseSession.</summary>
internal sealed class OrtSessionHandle : SafeHandle
{
    public OrtSessionHandle(nint session) : base(0, ownsHandle: true) => SetHandle(session);

    public override bool IsInvalid => handle == 0;

    protected override bool ReleaseHandle()
    {
        OrtApi.Shared.ReleaseSession(handle);
        return true;
    }
}
