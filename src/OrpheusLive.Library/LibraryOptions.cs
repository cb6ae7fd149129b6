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

    /// <summary>How tracks are analysed (<c>Library:Analysis:*</c>). A fresh instance: binding writes into it.</summary>
    public AnalyzerOptions Analysis { get; set; } = new();

    /// <summary>The most clusters tried when choosing k (<c>Library:MaxClusters</c>).</summary>
    public int MaxClusters { get; set; } = 8;

    /// <summary>
    /// How many of the last tracks the built-in player never repeats when it plays a mood from the library
    /// (<c>Library:NoRepeat</c>); with fewer tracks in the mood than this, the least recently played comes back first.
    /// </summary>
    public int NoRepeat { get; set; } = 5;

    /// <summary>
    /// How many of a mood's tracks nearest to the mood's point the player shuffles among (<c>Library:Nearest</c>): the
    /// nearest first, shuffled within this window, then the next window.
    /// </summary>
    public int Nearest { get; set; } = 10;

    /// <summary>The degree of parallelism in use.</summary>
    public int EffectiveParallelism => Parallelism > 0 ? Parallelism : Environment.ProcessorCount;

    /// <summary>Every invalid setting, one line each naming it (empty when valid); what the host validates at start.</summary>
    public IEnumerable<string> Problems()
    {
        if (string.IsNullOrWhiteSpace(Database)) yield return "Library:Database is empty; set it to the library's database file.";
        if (Parallelism is < 0 or > 64) yield return $"Library:Parallelism is {Parallelism}; use 0 (one per core) to 64.";
        if (MaxClusters is < 2 or > 50) yield return $"Library:MaxClusters is {MaxClusters}; use 2–50.";
        if (NoRepeat is < 0 or > 1000) yield return $"Library:NoRepeat is {NoRepeat}; use 0–1000 tracks.";
        if (Nearest is < 1 or > 10_000) yield return $"Library:Nearest is {Nearest}; use 1–10000 tracks.";
        foreach (var problem in (Analysis ?? new AnalyzerOptions()).Problems()) yield return problem;
    }

    /// <summary>Throws an <see cref="ArgumentException"/> with the first of <see cref="Problems"/>.</summary>
    public void Validate()
    {
        if (Problems().FirstOrDefault() is { } problem) throw new ArgumentException(problem);
    }
}
