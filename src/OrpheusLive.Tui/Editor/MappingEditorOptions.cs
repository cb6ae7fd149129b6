namespace OrpheusLive.Tui.Editor;

/// <summary>How the mapping editor runs.</summary>
public sealed class MappingEditorOptions
{
    /// <summary>Where targets can be picked from besides typing and local folders (each gets F3, F4, …).</summary>
    public IReadOnlyList<ITargetCatalog> TargetCatalogs { get; init; } = [];

    /// <summary>Where Esc leads, for the key hint ("back to the dashboard", "quit").</summary>
    public string LeaveText { get; init; } = "quit";

    /// <summary>Clock for the names of backups of unreadable mapping files.</summary>
    public TimeProvider Clock { get; init; } = TimeProvider.System;

    /// <summary>How long a catalog may take to list its targets.</summary>
    public TimeSpan CatalogTimeout { get; init; } = TimeSpan.FromSeconds(15);
}
