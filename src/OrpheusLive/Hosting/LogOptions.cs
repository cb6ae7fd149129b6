using Serilog.Events;

namespace OrpheusLive.Hosting;

/// <summary>The <c>Log</c> section: where log events go (levels per source come from the <c>Serilog</c> section).</summary>
public sealed class LogOptions
{
    /// <summary>The configuration section.</summary>
    public const string SectionName = "Log";

    /// <summary>Log to standard error (off anyway while a full-screen command owns the terminal).</summary>
    public bool Console { get; set; } = true;

    /// <summary>The lowest level written to the console.</summary>
    public LogEventLevel ConsoleLevel { get; set; } = LogEventLevel.Information;

    /// <summary>
    /// A log file (relative to the user config directory; rolled daily, 7 kept), or empty: then full-screen commands
    /// log to <c>logs/orpheus-DATE.log</c> in the user config directory and others to the console only.
    /// </summary>
    public string File { get; set; } = "";
}
