using System.Runtime.InteropServices;
using System.Runtime.Versioning;

namespace OrpheusLive.Audio.Native;

/// <summary>P/Invoke declarations for the winmm waveIn API (part of every Windows install).</summary>
[SupportedOSPlatform("windows")]
internal static unsafe partial class WinMm
{
    private const string Library = "winmm.dll";

    public const uint WaveMapper = unchecked((uint)-1);
    public const uint CallbackEvent = 0x0005_0000;
    public const ushort WaveFormatPcm = 1;
    public const uint HeaderDone = 0x0000_0001;
    public const int NoError = 0;
    public const int ErrorBadDeviceId = 2;
    public const int ErrorNoDriver = 6;
    public const int WaveErrorBadFormat = 32;

    [StructLayout(LayoutKind.Sequential)]
    public struct WaveFormatEx
    {
        public ushort FormatTag;
        public ushort Channels;
        public uint SamplesPerSecond;
        public uint AverageBytesPerSecond;
        public ushort BlockAlign;
        public ushort BitsPerSample;
        public ushort ExtraSize;
    }

    [StructLayout(LayoutKind.Sequential)]
    public struct WaveHeader
    {
        public nint Data;
        public uint BufferLength;
        public uint BytesRecorded;
        public nint User;
        public uint Flags;
        public uint Loops;
        public nint Next;
        public nint Reserved;
    }

    [StructLayout(LayoutKind.Sequential, CharSet = CharSet.Unicode)]
    public struct WaveInCaps
    {
        public ushort ManufacturerId;
        public ushort ProductId;
        public uint DriverVersion;
        [MarshalAs(UnmanagedType.ByValTStr, SizeConst = 32)]
        public string ProductName;
        public uint Formats;
        public ushort Channels;
        public ushort Reserved;
    }

    [LibraryImport(Library, EntryPoint = "waveInOpen")]
    [DefaultDllImportSearchPaths(DllImportSearchPath.System32)]
    public static partial int Open(out nint handle, uint deviceId, WaveFormatEx* format, nint callback, nint instance, uint flags);

    [LibraryImport(Library, EntryPoint = "waveInPrepareHeader")]
    [DefaultDllImportSearchPaths(DllImportSearchPath.System32)]
    public static partial int PrepareHeader(nint handle, WaveHeader* header, uint size);

    [LibraryImport(Library, EntryPoint = "waveInUnprepareHeader")]
    [DefaultDllImportSearchPaths(DllImportSearchPath.System32)]
    public static partial int UnprepareHeader(nint handle, WaveHeader* header, uint size);

    [LibraryImport(Library, EntryPoint = "waveInAddBuffer")]
    [DefaultDllImportSearchPaths(DllImportSearchPath.System32)]
    public static partial int AddBuffer(nint handle, WaveHeader* header, uint size);

    [LibraryImport(Library, EntryPoint = "waveInStart")]
    [DefaultDllImportSearchPaths(DllImportSearchPath.System32)]
    public static partial int Start(nint handle);

    [LibraryImport(Library, EntryPoint = "waveInReset")]
    [DefaultDllImportSearchPaths(DllImportSearchPath.System32)]
    public static partial int Reset(nint handle);

    [LibraryImport(Library, EntryPoint = "waveInClose")]
    [DefaultDllImportSearchPaths(DllImportSearchPath.System32)]
    public static partial int Close(nint handle);

    [LibraryImport(Library, EntryPoint = "waveInGetNumDevs")]
    [DefaultDllImportSearchPaths(DllImportSearchPath.System32)]
    public static partial uint GetDeviceCount();

    [DllImport(Library, EntryPoint = "waveInGetDevCapsW", CharSet = CharSet.Unicode)]
    [DefaultDllImportSearchPaths(DllImportSearchPath.System32)]
    public static extern int GetDeviceCaps(nuint deviceId, out WaveInCaps caps, uint size);
}
