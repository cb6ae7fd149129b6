namespace OrpheusLive.Cli;

/// <summary>
/// The command line parsed but makes no sense (a missing input file, options that go together): printed as one line
/// naming the command, exit code 2.
/// </summary>
public sealed class CommandLineException(string message) : Exception(message);
