using OrpheusLive.Library.Analysis;

namespace OrpheusLive.Library;

/// <summary>The <c>Library</c> configuration section.</summary>
public sealed class LibraryOptions
{
    /// <summary>The section name.</summary>
    public const string Section = "Library";

    /// <summary>
    /// The database file (<c>Library:Database</c>). The host sets the default (<c>library.db</c> in the user data
    /// directory); a relative path is relative to the working directory.
    /// </summary>
    public string Database { get; set; } = "";

    /// <summary>Files analysed at once (<c>Library:Parallelism</c>); 0 = one per core.</summary>
    public int Parallelism { get; set; }

    /// <summary>How tracks are analysed (<c>Library:Analysis:*</c>).</summary>
    public AnalyzerOptions Analysis { get; set; } = AnalyzerOptions.Default;

    /// <summary>The most clusters tried when choosing k (<c>Library:MaxClusters</c>).</summary>
    public int MaxClusters { get; set; } = 8;

    /// <summary>The degree of parallelism in use.</summary>
    public int EffectiveParallelism => Parallelism > 0 ? Parallelism : Environment.ProcessorCount;

    /// <summary>Throws an <see cref="ArgumentException"/> naming the bad setting.</summary>
    public void Validate()
    {
        if (string.IsNullOrWhiteSpace(Database)) throw new ArgumentException("Library:Database is empty; set it to the library's database file.");
        if (Parallelism is < 0 or > 64) throw new ArgumentException($"Library:Parallelism is {Parallelism}; use 0 (one per core) to 64.");
        if (MaxClusters is < 2 or > 50) throw new ArgumentException($"Library:MaxClusters is {MaxClusters}; use 2–50.");
        Analysis.Validate();
    }
}
