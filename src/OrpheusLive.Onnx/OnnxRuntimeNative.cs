using System.Reflection;
using System.Runtime.InteropServices;
using Microsoft.ML.OnnxRuntime;
using OrpheusLive.Core.Emotions;

namespace OrpheusLive.Onnx;

/// <summary>
/// Points the official C# API (<c>Microsoft.ML.OnnxRuntime.Managed</c>, whose P/Invokes name the library
/// <c>"onnxruntime"</c>) at the native ONNX Runtime the build copied next to the app from the <c>onnxruntime-node</c>
/// npm package, and creates the process-wide <see cref="OrtEnv"/> with ONNX Runtime's own logging silenced.
/// </summary>
/// <remarks>
/// <para>
/// .NET's default probing would look for <c>libonnxruntime.so</c> (the npm file is <c>libonnxruntime.so.1</c>) and
/// on Windows could pick up the older <c>onnxruntime.dll</c> that ships in System32; the Managed package's own resolver
/// looks in NuGet's <c>runtimes/</c> layout. So <see cref="EnsureInitialized"/> turns that resolver off, loads the
/// npm file by full path and installs a <see cref="NativeLibrary.SetDllImportResolver"/> that hands out that handle.
/// It runs once, before the first session; every session is created through it.
/// </para>
/// <para>
/// ORT's default logger writes to stderr, which would tear through the terminal UI; every error we care about also
/// comes back as an <see cref="OnnxRuntimeException"/>, so only fatal messages are let through.
/// </para>
/// </remarks>
internal static class OnnxRuntimeNative
{
    /// <summary>The ONNX Runtime release fetched at build time (see build/OnnxRuntime.Native.targets).</summary>
    public const string ExpectedVersion = "1.30.0";

    /// <summary>The library name the Managed assembly's DllImports use.</summary>
    private const string ImportName = "onnxruntime";

    private static readonly Lazy<(nint Handle, string Path, string Version)> s_loaded = new(Initialize, LazyThreadSafetyMode.ExecutionAndPublication);

    /// <summary>File name of the native library on this OS, as the npm package ships it.</summary>
    public static string LibraryFileName =>
        OperatingSystem.IsWindows() ? "onnxruntime.dll"
        : OperatingSystem.IsMacOS() ? "libonnxruntime.1.dylib"
        : "libonnxruntime.so.1";

    /// <summary>Where the native library was loaded from (after <see cref="EnsureInitialized"/>).</summary>
    public static string LibraryPath => s_loaded.Value.Path;

    /// <summary>The loaded library's own version string ("1.30.0").</summary>
    public static string Version => s_loaded.Value.Version;

    /// <summary>
    /// Loads the native library, installs the resolver and creates the environment, once per process. Throws a
    /// <see cref="ModelException"/> saying what to do when the library is missing or cannot be loaded.
    /// </summary>
    public static void EnsureInitialized() => _ = s_loaded.Value;

    private static (nint, string, string) Initialize()
    {
        (nint handle, string path) = LoadLibrary();
        Assembly managed = typeof(OrtEnv).Assembly;

        // Must happen before anything touches the Managed API's NativeMethods (its type initializer binds the library).
        OrtEnv.DisableDllImportResolver = true;
        try
        {
            NativeLibrary.SetDllImportResolver(managed, (name, _, _) => name == ImportName ? handle : 0);
        }
        catch (InvalidOperationException)
        {
            // Someone else in the process already routes this assembly's imports; theirs stays in charge.
        }

        OrtEnv env;
        try
        {
            if (OrtEnv.IsCreated)
            {
                env = OrtEnv.Instance();
            }
            else
            {
                var options = new EnvironmentCreationOptions { logId = "OrpheusLive", logLevel = OrtLoggingLevel.ORT_LOGGING_LEVEL_FATAL };
                env = OrtEnv.CreateInstanceWithOptions(ref options);
                // The npm build records usage events for Microsoft; the app never asked its user for that.
                env.DisableTelemetryEvents();
            }
        }
        catch (Exception e) when (e is TypeInitializationException or EntryPointNotFoundException or OnnxRuntimeException)
        {
            throw new ModelException(
                $"The ONNX Runtime library '{path}' could not be used ({(e.InnerException ?? e).Message}). " +
                $"OrpheusLive needs ONNX Runtime {ExpectedVersion} from onnxruntime-node@{ExpectedVersion}: rebuild so the copy next to the app is used.", e);
        }

        return (handle, path, env.GetVersionString());
    }

    private static (nint Handle, string Path) LoadLibrary()
    {
        // Next to the app assemblies (the build copies the library there), then the app folder.
        var directories = new List<string>();
        string assemblyDirectory = Path.GetDirectoryName(typeof(OnnxRuntimeNative).Assembly.Location) ?? "";
        if (assemblyDirectory.Length > 0) directories.Add(assemblyDirectory);
        if (!directories.Contains(AppContext.BaseDirectory)) directories.Add(AppContext.BaseDirectory);

        string? failure = null;
        foreach (string directory in directories)
        {
            string candidate = Path.Combine(directory, LibraryFileName);
            if (!File.Exists(candidate)) continue;
            try
            {
                return (NativeLibrary.Load(candidate), candidate);
            }
            catch (DllNotFoundException e)
            {
                failure = $"'{candidate}' exists but does not load: {e.Message}";
            }
        }

        throw new ModelException(
            $"The ONNX Runtime native library ({LibraryFileName}) was not found next to the app " +
            $"(looked in {string.Join(", ", directories)}){(failure is null ? "" : $"; {failure}")}. It is fetched from npm " +
            $"(onnxruntime-node@{ExpectedVersion}) and copied there by the build: rebuild with npm available, or check that this " +
            "platform is one onnxruntime-node ships (linux-x64, linux-arm64, osx-arm64, win-x64, win-arm64).");
    }
}
