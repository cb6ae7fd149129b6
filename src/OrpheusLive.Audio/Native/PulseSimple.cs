using System.Runtime.InteropServices;

namespace OrpheusLive.Audio.Native;

/// <summary>P/Invoke declarations for libpulse-simple (Debian/Ubuntu package libpulse0; PipeWire serves it too).</summary>
internal static unsafe partial class PulseSimple
{
    public const string SimpleLibrary = "libpulse-simple.so.0";
    public const string PulseLibrary = "libpulse.so.0";

    public const int StreamPlayback = 1;
    public const int StreamRecord = 2;
    public const int SampleS16Le = 3;
    public const int SampleFloat32Le = 5;

    // pa_error_code_t values that deserve their own message.
    public const int ErrorAccess = 1;
    public const int ErrorNoEntity = 5;
    public const int ErrorConnectionRefused = 6;
    public const int ErrorTimeout = 8;
    public const int ErrorConnectionTerminated = 11;
    public const int ErrorKilled = 12;
    public const int ErrorInvalidServer = 13;

    [StructLayout(LayoutKind.Sequential)]
    public struct SampleSpec
    {
        public int Format;
        public uint Rate;
        public byte Channels;
    }

    [StructLayout(LayoutKind.Sequential)]
    public struct BufferAttr
    {
        public uint MaxLength;
        public uint TargetLength;
        public uint PreBuffer;
        public uint MinRequest;
        public uint FragmentSize;
    }

    [LibraryImport(SimpleLibrary, EntryPoint = "pa_simple_new", StringMarshalling = StringMarshalling.Utf8)]
    [DefaultDllImportSearchPaths(DllImportSearchPath.SafeDirectories)]
    public static partial nint New(string? server, string name, int direction, string? device, string streamName,
        SampleSpec* spec, nint channelMap, BufferAttr* attributes, int* error);

    [LibraryImport(SimpleLibrary, EntryPoint = "pa_simple_read")]
    [DefaultDllImportSearchPaths(DllImportSearchPath.SafeDirectories)]
    public static partial int Read(nint stream, void* data, nuint bytes, int* error);

    [LibraryImport(SimpleLibrary, EntryPoint = "pa_simple_write")]
    [DefaultDllImportSearchPaths(DllImportSearchPath.SafeDirectories)]
    public static partial int Write(nint stream, void* data, nuint bytes, int* error);

    [LibraryImport(SimpleLibrary, EntryPoint = "pa_simple_drain")]
    [DefaultDllImportSearchPaths(DllImportSearchPath.SafeDirectories)]
    public static partial int Drain(nint stream, int* error);

    [LibraryImport(SimpleLibrary, EntryPoint = "pa_simple_flush")]
    [DefaultDllImportSearchPaths(DllImportSearchPath.SafeDirectories)]
    public static partial int Flush(nint stream, int* error);

    [LibraryImport(SimpleLibrary, EntryPoint = "pa_simple_free")]
    [DefaultDllImportSearchPaths(DllImportSearchPath.SafeDirectories)]
    public static partial void Free(nint stream);

    [LibraryImport(PulseLibrary, EntryPoint = "pa_strerror")]
    [DefaultDllImportSearchPaths(DllImportSearchPath.SafeDirectories)]
    public static partial nint StrError(int error);

    /// <summary>libpulse's text for an error code (falls back to the number if libpulse itself is unusable).</summary>
    public static string Describe(int error)
    {
        try
        {
            return Marshal.PtrToStringUTF8(StrError(error)) ?? $"error {error}";
        }
        catch (Exception e) when (e is DllNotFoundException or EntryPointNotFoundException)
        {
            return $"error {error}";
        }
    }
}
