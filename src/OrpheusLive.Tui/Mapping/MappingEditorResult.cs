namespace OrpheusLive.Tui.Mapping;

/// <summary>How the mapping editor was left.</summary>
public enum MappingEditorResult
{
    /// <summary>The user saved a changed mapping.</summary>
    Saved,

    /// <summary>The user left without changing anything.</summary>
    Unchanged,

    /// <summary>The user left and discarded changes.</summary>
    Discarded,
}
