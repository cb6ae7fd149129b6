using System.Runtime.InteropServices;

namespace OrpheusLive.Audio.Native;

/// <summary>
/// P/Invoke declarations for libspeexdsp (Debian/Ubuntu package <c>libspeexdsp1</c>): the MDF echo canceller and the
/// preprocessor whose residual-echo suppressor works with it. The library is loaded on first use; callers catch
/// <see cref="DllNotFoundException"/> / <see cref="EntryPointNotFoundException"/> to run without it.
/// </summary>
internal static unsafe partial class SpeexDsp
{
    public const string Library = "libspeexdsp.so.1";

    public const int EchoSetSamplingRate = 24;
    public const int PreprocessSetDenoise = 0;
    public const int PreprocessSetAgc = 2;
    public const int PreprocessSetDereverb = 8;
    public const int PreprocessSetNoiseSuppress = 18;
    public const int PreprocessSetEchoSuppress = 20;
    public const int PreprocessSetEchoSuppressActive = 22;
    public const int PreprocessSetEchoState = 24;

    [LibraryImport(Library, EntryPoint = "speex_echo_state_init")]
    [DefaultDllImportSearchPaths(DllImportSearchPath.SafeDirectories)]
    public static partial nint EchoStateInit(int frameSize, int filterLength);

    [LibraryImport(Library, EntryPoint = "speex_echo_state_destroy")]
    [DefaultDllImportSearchPaths(DllImportSearchPath.SafeDirectories)]
    public static partial void EchoStateDestroy(nint state);

    [LibraryImport(Library, EntryPoint = "speex_echo_state_reset")]
    [DefaultDllImportSearchPaths(DllImportSearchPath.SafeDirectories)]
    public static partial void EchoStateReset(nint state);

    [LibraryImport(Library, EntryPoint = "speex_echo_cancellation")]
    [DefaultDllImportSearchPaths(DllImportSearchPath.SafeDirectories)]
    public static partial void EchoCancellation(nint state, short* recorded, short* played, short* output);

    [LibraryImport(Library, EntryPoint = "speex_echo_ctl")]
    [DefaultDllImportSearchPaths(DllImportSearchPath.SafeDirectories)]
    public static partial int EchoCtl(nint state, int request, void* value);

    [LibraryImport(Library, EntryPoint = "speex_preprocess_state_init")]
    [DefaultDllImportSearchPaths(DllImportSearchPath.SafeDirectories)]
    public static partial nint PreprocessStateInit(int frameSize, int samplingRate);

    [LibraryImport(Library, EntryPoint = "speex_preprocess_state_destroy")]
    [DefaultDllImportSearchPaths(DllImportSearchPath.SafeDirectories)]
    public static partial void PreprocessStateDestroy(nint state);

    [LibraryImport(Library, EntryPoint = "speex_preprocess_run")]
    [DefaultDllImportSearchPaths(DllImportSearchPath.SafeDirectories)]
    public static partial int PreprocessRun(nint state, short* samples);

    [LibraryImport(Library, EntryPoint = "speex_preprocess_ctl")]
    [DefaultDllImportSearchPaths(DllImportSearchPath.SafeDirectories)]
    public static partial int PreprocessCtl(nint state, int request, void* value);
}
