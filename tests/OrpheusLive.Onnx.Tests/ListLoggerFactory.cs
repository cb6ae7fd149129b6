using Microsoft.Extensions.Logging;

namespace OrpheusLive.Onnx.Tests;

/// <summary>A logger factory whose loggers all write into one list.</summary>
internal sealed class ListLoggerFactory : ILoggerFactory
{
    public List<string> Messages { get; } = [];

    public ILogger CreateLogger(string categoryName) => new Sink(Messages);

    public void AddProvider(ILoggerProvider provider) { }

    public void Dispose() { }

    private sealed class Sink(List<string> messages) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
            messages.Add(formatter(state, exception));
    }
}
