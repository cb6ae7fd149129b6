using System.Runtime.InteropServices;
using System.Text;
using OrpheusLive.Core.Emotions;

namespace OrpheusLive.Onnx.Interop;

/// <summary>
/// A thin binding to the ONNX Runtime C API: the native library is loaded with <see cref="NativeLibrary"/>,
/// <c>OrtGetApiBase()-&gt;GetApi(ORT_API_VERSION)</c> yields the <c>OrtApi</c> function table, and every call goes
/// through an unmanaged function pointer at a fixed slot (<see cref="OrtApiSlot"/>).
/// One instance per process (<see cref="Shared"/>): it owns the single OrtEnv, which lives as long as the process
/// because sessions must never outlive it.
/// </summary>
internal sealed unsafe class OrtApi
{
    /// <summary>ORT_API_VERSION of the onnxruntime_c_api.h that matches the library we ship (1.30.0).</summary>
    public const uint ApiVersion = 30;

    /// <summary>The ONNX Runtime release fetched at build time (see build/OnnxRuntime.Native.targets).</summary>
    public const string ExpectedVersion = "1.30.0";

    private const int LoggingLevelFatal = 4;
    private const int OrtDeviceAllocator = 0;
    private const int OrtMemTypeDefault = 0;
    private const int OnnxTypeTensor = 1;
    private const int ExecutionModeSequential = 0;

    private static readonly Lazy<OrtApi> s_shared = new(Load, LazyThreadSafetyMode.ExecutionAndPublication);

    private readonly void** _api;
    private readonly nint _allocator;

    private OrtApi(nint library, string libraryPath, void** api, string version)
    {
        Library = library;
        LibraryPath = libraryPath;
        _api = api;
        Version = version;

        // ORT's default logger writes to stderr, which would tear through the terminal UI; every error we care about
        // also comes back as an OrtStatus, so only fatal messages are let through.
        byte[] logId = Utf8("OrpheusLive");
        nint env;
        fixed (byte* id = logId)
        {
            Check(((delegate* unmanaged<int, byte*, nint*, nint>)_api[OrtApiSlot.CreateEnv])(LoggingLevelFatal, id, &env));
        }
        Env = env;

        nint memoryInfo;
        Check(((delegate* unmanaged<int, int, nint*, nint>)_api[OrtApiSlot.CreateCpuMemoryInfo])(OrtDeviceAllocator, OrtMemTypeDefault, &memoryInfo));
        CpuMemoryInfo = memoryInfo;

        nint allocator;
        Check(((delegate* unmanaged<nint*, nint>)_api[OrtApiSlot.GetAllocatorWithDefaultOptions])(&allocator));
        _allocator = allocator;
    }

    /// <summary>The process-wide binding; loads the native library on first use. Throws <see cref="ModelException"/> if it cannot.</summary>
    public static OrtApi Shared => s_shared.Value;

    /// <summary>Native library handle.</summary>
    public nint Library { get; }

    /// <summary>Where the native library was loaded from.</summary>
    public string LibraryPath { get; }

    /// <summary>The library's own version string ("1.30.0").</summary>
    public string Version { get; }

    /// <summary>The process-wide OrtEnv.</summary>
    public nint Env { get; }

    /// <summary>OrtMemoryInfo describing plain CPU memory, for tensors over our own buffers.</summary>
    public nint CpuMemoryInfo { get; }

    /// <summary>File names of the native library on this OS, most specific first.</summary>
    public static IReadOnlyList<string> LibraryFileNames =>
        OperatingSystem.IsWindows() ? ["onnxruntime.dll"]
        : OperatingSystem.IsMacOS() ? ["libonnxruntime.1.dylib", "libonnxruntime.dylib"]
        : ["libonnxruntime.so.1", "libonnxruntime.so"];

    private static OrtApi Load()
    {
        (nint library, string path) = LoadLibrary();
        if (!NativeLibrary.TryGetExport(library, "OrtGetApiBase", out nint getApiBase))
        {
            throw new ModelException($"'{path}' is not an ONNX Runtime library (it has no OrtGetApiBase export).");
        }

        // struct OrtApiBase { const OrtApi* (*GetApi)(uint32_t); const char* (*GetVersionString)(void); }
        void** apiBase = ((delegate* unmanaged<void**>)getApiBase)();
        string version = Marshal.PtrToStringUTF8(((delegate* unmanaged<nint>)apiBase[1])()) ?? "unknown";
        void** api = ((delegate* unmanaged<uint, void**>)apiBase[0])(ApiVersion);
        if (api is null)
        {
            throw new ModelException(
                $"The ONNX Runtime library '{path}' is version {version}, which does not provide API version {ApiVersion}. " +
                $"OrpheusLive needs ONNX Runtime {ExpectedVersion} or newer: rebuild so the copy next to the app is used.");
        }

        return new OrtApi(library, path, api, version);
    }

    private static (nint Handle, string Path) LoadLibrary()
    {
        // Next to this assembly first (the build copies the library there), then the app folder, then the OS search path.
        var directories = new List<string>();
        string assemblyDirectory = Path.GetDirectoryName(typeof(OrtApi).Assembly.Location) ?? "";
        if (assemblyDirectory.Length > 0) directories.Add(assemblyDirectory);
        if (!directories.Contains(AppContext.BaseDirectory)) directories.Add(AppContext.BaseDirectory);

        foreach (string directory in directories)
        {
            foreach (string name in LibraryFileNames)
            {
                string candidate = Path.Combine(directory, name);
                if (File.Exists(candidate) && NativeLibrary.TryLoad(candidate, out nint handle)) return (handle, candidate);
            }
        }

        foreach (string name in LibraryFileNames)
        {
            if (NativeLibrary.TryLoad(name, typeof(OrtApi).Assembly, DllImportSearchPath.SafeDirectories, out nint handle)) return (handle, name);
        }

        throw new ModelException(
            $"The ONNX Runtime native library ({string.Join(" / ", LibraryFileNames)}) was not found next to the app " +
            $"(looked in {string.Join(", ", directories)}). It is fetched from npm (onnxruntime-node@{ExpectedVersion}) and copied " +
            "there by the build: rebuild with npm available, or check that this platform is one onnxruntime-node ships " +
            "(linux-x64, linux-arm64, osx-arm64, win-x64, win-arm64).");
    }

    // ---- status ---------------------------------------------------------------------------------------------------

    /// <summary>Throws <see cref="OrtException"/> (and frees the status) when <paramref name="status"/> is an error.</summary>
    public void Check(nint status)
    {
        if (status == 0) return;
        throw TakeError(status);
    }

    private OrtException TakeError(nint status)
    {
        int code = ((delegate* unmanaged<nint, int>)_api[OrtApiSlot.GetErrorCode])(status);
        string message = Marshal.PtrToStringUTF8(((delegate* unmanaged<nint, nint>)_api[OrtApiSlot.GetErrorMessage])(status)) ?? "";
        ((delegate* unmanaged<nint, void>)_api[OrtApiSlot.ReleaseStatus])(status);
        return new OrtException(code, message);
    }

    /// <summary>OrtApi::CreateStatus; used by tests to check the status slots round-trip.</summary>
    public nint CreateStatus(int code, string message)
    {
        fixed (byte* text = Utf8(message))
        {
            return ((delegate* unmanaged<int, byte*, nint>)_api[OrtApiSlot.CreateStatus])(code, text);
        }
    }

    // ---- session options ------------------------------------------------------------------------------------------

    public nint CreateSessionOptions()
    {
        nint options;
        Check(((delegate* unmanaged<nint*, nint>)_api[OrtApiSlot.CreateSessionOptions])(&options));
        return options;
    }

    public void ReleaseSessionOptions(nint options) =>
        ((delegate* unmanaged<nint, void>)_api[OrtApiSlot.ReleaseSessionOptions])(options);

    public void SetIntraOpNumThreads(nint options, int threads) =>
        Check(((delegate* unmanaged<nint, int, nint>)_api[OrtApiSlot.SetIntraOpNumThreads])(options, threads));

    public void SetInterOpNumThreads(nint options, int threads) =>
        Check(((delegate* unmanaged<nint, int, nint>)_api[OrtApiSlot.SetInterOpNumThreads])(options, threads));

    /// <summary>GraphOptimizationLevel: 0 disable, 1 basic, 2 extended, 99 all.</summary>
    public void SetGraphOptimizationLevel(nint options, int level) =>
        Check(((delegate* unmanaged<nint, int, nint>)_api[OrtApiSlot.SetSessionGraphOptimizationLevel])(options, level));

    public void SetSequentialExecution(nint options) =>
        Check(((delegate* unmanaged<nint, int, nint>)_api[OrtApiSlot.SetSessionExecutionMode])(options, ExecutionModeSequential));

    public void DisableMemPattern(nint options) =>
        Check(((delegate* unmanaged<nint, nint>)_api[OrtApiSlot.DisableMemPattern])(options));

    /// <summary>
    /// Appends the DirectML execution provider through onnxruntime.dll's <c>OrtSessionOptionsAppendExecutionProvider_DML</c>
    /// export (not an OrtApi slot). Returns the reason when it is not possible.
    /// </summary>
    public bool TryAppendDirectML(nint options, int deviceId, out string? failure)
    {
        if (!NativeLibrary.TryGetExport(Library, "OrtSessionOptionsAppendExecutionProvider_DML", out nint append))
        {
            failure = "this ONNX Runtime build has no DirectML execution provider";
            return false;
        }

        // onnxruntime.dll loads DirectML.dll by name; loading our copy first makes that resolve to it whatever the
        // process's DLL search order is.
        string directML = Path.Combine(Path.GetDirectoryName(LibraryPath) ?? "", "DirectML.dll");
        if (File.Exists(directML)) NativeLibrary.TryLoad(directML, out _);

        // DirectML requires sequential execution without memory patterns.
        SetSequentialExecution(options);
        DisableMemPattern(options);
        nint status = ((delegate* unmanaged<nint, int, nint>)append)(options, deviceId);
        if (status == 0)
        {
            failure = null;
            return true;
        }

        failure = TakeError(status).Message;
        return false;
    }

    // ---- session --------------------------------------------------------------------------------------------------

    public nint CreateSession(string modelPath, nint options)
    {
        nint session;
        if (OperatingSystem.IsWindows())
        {
            // ORTCHAR_T is wchar_t on Windows: a NUL-terminated UTF-16 path.
            fixed (char* path = modelPath)
            {
                Check(((delegate* unmanaged<nint, char*, nint, nint*, nint>)_api[OrtApiSlot.CreateSession])(Env, path, options, &session));
            }
        }
        else
        {
            fixed (byte* path = Utf8(modelPath))
            {
                Check(((delegate* unmanaged<nint, byte*, nint, nint*, nint>)_api[OrtApiSlot.CreateSession])(Env, path, options, &session));
            }
        }

        return session;
    }

    public nint CreateSessionFromArray(ReadOnlySpan<byte> model, nint options)
    {
        nint session;
        fixed (byte* data = model)
        {
            Check(((delegate* unmanaged<nint, byte*, nuint, nint, nint*, nint>)_api[OrtApiSlot.CreateSessionFromArray])(
                Env, data, (nuint)model.Length, options, &session));
        }

        return session;
    }

    public void ReleaseSession(nint session) => ((delegate* unmanaged<nint, void>)_api[OrtApiSlot.ReleaseSession])(session);

    public int SessionGetInputCount(nint session)
    {
        nuint count;
        Check(((delegate* unmanaged<nint, nuint*, nint>)_api[OrtApiSlot.SessionGetInputCount])(session, &count));
        return checked((int)count);
    }

    public int SessionGetOutputCount(nint session)
    {
        nuint count;
        Check(((delegate* unmanaged<nint, nuint*, nint>)_api[OrtApiSlot.SessionGetOutputCount])(session, &count));
        return checked((int)count);
    }

    public string SessionGetInputName(nint session, int index)
    {
        byte* name;
        Check(((delegate* unmanaged<nint, nuint, nint, byte**, nint>)_api[OrtApiSlot.SessionGetInputName])(session, (nuint)index, _allocator, &name));
        return TakeAllocatedString(name) ?? "";
    }

    public string SessionGetOutputName(nint session, int index)
    {
        byte* name;
        Check(((delegate* unmanaged<nint, nuint, nint, byte**, nint>)_api[OrtApiSlot.SessionGetOutputName])(session, (nuint)index, _allocator, &name));
        return TakeAllocatedString(name) ?? "";
    }

    public OrtTensorDescription SessionGetInputDescription(nint session, int index)
    {
        nint typeInfo;
        Check(((delegate* unmanaged<nint, nuint, nint*, nint>)_api[OrtApiSlot.SessionGetInputTypeInfo])(session, (nuint)index, &typeInfo));
        return DescribeAndRelease(SessionGetInputName(session, index), typeInfo);
    }

    public OrtTensorDescription SessionGetOutputDescription(nint session, int index)
    {
        nint typeInfo;
        Check(((delegate* unmanaged<nint, nuint, nint*, nint>)_api[OrtApiSlot.SessionGetOutputTypeInfo])(session, (nuint)index, &typeInfo));
        return DescribeAndRelease(SessionGetOutputName(session, index), typeInfo);
    }

    private OrtTensorDescription DescribeAndRelease(string name, nint typeInfo)
    {
        try
        {
            int onnxType;
            Check(((delegate* unmanaged<nint, int*, nint>)_api[OrtApiSlot.GetOnnxTypeFromTypeInfo])(typeInfo, &onnxType));
            if (onnxType != OnnxTypeTensor) return new OrtTensorDescription(name, false, OrtElementType.Undefined, []);

            // The tensor info belongs to typeInfo: not released separately.
            nint tensorInfo;
            Check(((delegate* unmanaged<nint, nint*, nint>)_api[OrtApiSlot.CastTypeInfoToTensorInfo])(typeInfo, &tensorInfo));
            int elementType;
            Check(((delegate* unmanaged<nint, int*, nint>)_api[OrtApiSlot.GetTensorElementType])(tensorInfo, &elementType));
            nuint rank;
            Check(((delegate* unmanaged<nint, nuint*, nint>)_api[OrtApiSlot.GetDimensionsCount])(tensorInfo, &rank));
            var dims = new long[(int)rank];
            fixed (long* d = dims)
            {
                Check(((delegate* unmanaged<nint, long*, nuint, nint>)_api[OrtApiSlot.GetDimensions])(tensorInfo, d, rank));
            }

            return new OrtTensorDescription(name, true, (OrtElementType)elementType, dims);
        }
        finally
        {
            ((delegate* unmanaged<nint, void>)_api[OrtApiSlot.ReleaseTypeInfo])(typeInfo);
        }
    }

    public OrtModelMetadata SessionGetModelMetadata(nint session)
    {
        nint metadata;
        Check(((delegate* unmanaged<nint, nint*, nint>)_api[OrtApiSlot.SessionGetModelMetadata])(session, &metadata));
        try
        {
            string producer = MetadataString(metadata, OrtApiSlot.ModelMetadataGetProducerName);
            string graph = MetadataString(metadata, OrtApiSlot.ModelMetadataGetGraphName);
            string domain = MetadataString(metadata, OrtApiSlot.ModelMetadataGetDomain);
            string description = MetadataString(metadata, OrtApiSlot.ModelMetadataGetDescription);
            long version;
            Check(((delegate* unmanaged<nint, long*, nint>)_api[OrtApiSlot.ModelMetadataGetVersion])(metadata, &version));

            var custom = new Dictionary<string, string>(StringComparer.Ordinal);
            foreach (string key in MetadataKeys(metadata))
            {
                custom[key] = LookupMetadata(metadata, key) ?? "";
            }

            return new OrtModelMetadata(producer, graph, domain, description, version, custom);
        }
        finally
        {
            ((delegate* unmanaged<nint, void>)_api[OrtApiSlot.ReleaseModelMetadata])(metadata);
        }
    }

    private string MetadataString(nint metadata, int slot)
    {
        byte* value;
        Check(((delegate* unmanaged<nint, nint, byte**, nint>)_api[slot])(metadata, _allocator, &value));
        return TakeAllocatedString(value) ?? "";
    }

    private List<string> MetadataKeys(nint metadata)
    {
        byte** keys;
        long count;
        Check(((delegate* unmanaged<nint, nint, byte***, long*, nint>)_api[OrtApiSlot.ModelMetadataGetCustomMetadataMapKeys])(metadata, _allocator, &keys, &count));
        var result = new List<string>((int)count);
        if (keys is null) return result;

        // Each key and the array itself were allocated with our allocator.
        for (long i = 0; i < count; i++) result.Add(TakeAllocatedString(keys[i]) ?? "");
        AllocatorFree(keys);
        return result;
    }

    /// <summary>The value stored under <paramref name="key"/> in metadata_props, or null.</summary>
    private string? LookupMetadata(nint metadata, string key)
    {
        byte* value;
        fixed (byte* k = Utf8(key))
        {
            Check(((delegate* unmanaged<nint, nint, byte*, byte**, nint>)_api[OrtApiSlot.ModelMetadataLookupCustomMetadataMap])(metadata, _allocator, k, &value));
        }

        return TakeAllocatedString(value);
    }

    // ---- values and run ---------------------------------------------------------------------------------------------

    /// <summary>An OrtValue tensor over caller-owned memory, which must stay put (pinned) until the value is released.</summary>
    public nint CreateTensorWithData(void* data, nuint byteCount, ReadOnlySpan<long> shape, OrtElementType elementType)
    {
        nint value;
        fixed (long* s = shape)
        {
            Check(((delegate* unmanaged<nint, void*, nuint, long*, nuint, int, nint*, nint>)_api[OrtApiSlot.CreateTensorWithDataAsOrtValue])(
                CpuMemoryInfo, data, byteCount, s, (nuint)shape.Length, (int)elementType, &value));
        }

        return value;
    }

    public void* GetTensorMutableData(nint value)
    {
        void* data;
        Check(((delegate* unmanaged<nint, void**, nint>)_api[OrtApiSlot.GetTensorMutableData])(value, &data));
        return data;
    }

    public void ReleaseValue(nint value) => ((delegate* unmanaged<nint, void>)_api[OrtApiSlot.ReleaseValue])(value);

    /// <summary>
    /// OrtApi::Run with every output pre-allocated: ONNX Runtime writes into the given OrtValues, so a steady-state run
    /// allocates nothing on the managed heap.
    /// </summary>
    public void Run(nint session, nint* inputNames, nint* inputs, int inputCount, nint* outputNames, nint* outputs, int outputCount) =>
        Check(((delegate* unmanaged<nint, nint, nint*, nint*, nuint, nint*, nuint, nint*, nint>)_api[OrtApiSlot.Run])(
            session, 0, inputNames, inputs, (nuint)inputCount, outputNames, (nuint)outputCount, outputs));

    // ---- helpers --------------------------------------------------------------------------------------------------

    private void AllocatorFree(void* pointer) =>
        Check(((delegate* unmanaged<nint, void*, nint>)_api[OrtApiSlot.AllocatorFree])(_allocator, pointer));

    private string? TakeAllocatedString(byte* text)
    {
        if (text is null) return null;
        string value = Marshal.PtrToStringUTF8((nint)text) ?? "";
        AllocatorFree(text);
        return value;
    }

    /// <summary>NUL-terminated UTF-8.</summary>
    public static byte[] Utf8(string text)
    {
        var bytes = new byte[Encoding.UTF8.GetByteCount(text) + 1];
        Encoding.UTF8.GetBytes(text, bytes);
        return bytes;
    }
}
