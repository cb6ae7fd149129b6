namespace OrpheusLive.Cli;

/// <summary>The command line is wrong; the message is shown with the command's usage.</summary>
public sealed class CommandLineException(string message) : Exception(message);
