using System.Runtime.InteropServices;

namespace OrpheusLive.Onnx.Interop;

/// <summary>Owns one zeroed block of native memory (freed on dispose, or by the finalizer if that is missed).</summary>
internal sealed unsafe class NativeMemoryHandle : SafeHandle
{
    public NativeMemoryHandle(nuint byteCount) : base(0, ownsHandle: true) =>
        SetHandle((nint)NativeMemory.AllocZeroed(Math.Max(byteCount, 1)));

    public override bool IsInvalid => handle == 0;

    /// <summary>Start of the block.</summary>
    public byte* Pointer => (byte*)handle;

    protected override bool ReleaseHandle()
    {
        NativeMemory.Free((void*)handle);
        return true;
    }
}
