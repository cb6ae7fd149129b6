using System.Text;

namespace OrpheusLive.Api.Tests.Support;

/// <summary>Parses a text/event-stream response as it arrives.</summary>
internal sealed class SseReader(Stream stream) : IDisposable
{
    private readonly StreamReader _reader = new(stream, Encoding.UTF8);

    /// <summary>The next message or comment, or null at the end of the stream.</summary>
    public async Task<SseMessage?> NextAsync(TimeSpan timeout)
    {
        using var cts = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);
        cts.CancelAfter(timeout);
        long? id = null;
        string? name = null;
        var data = new StringBuilder();
        var any = false;
        while (true)
        {
            var line = await _reader.ReadLineAsync(cts.Token);
            if (line is null)
            {
                return null;
            }

            if (line.Length == 0)
            {
                if (!any)
                {
                    continue;
                }

                return new SseMessage(id, name, data.ToString(), null);
            }

            if (line.StartsWith(':'))
            {
                // Comments stand alone (the server follows each with a blank line).
                await _reader.ReadLineAsync(cts.Token);
                return new SseMessage(null, null, null, line[1..].Trim());
            }

            any = true;
            var colon = line.IndexOf(':', StringComparison.Ordinal);
            var field = colon < 0 ? line : line[..colon];
            var value = colon < 0 ? "" : line[(colon + 1)..].TrimStart(' ');
            switch (field)
            {
                case "id":
                    id = long.Parse(value, System.Globalization.CultureInfo.InvariantCulture);
                    break;
                case "event":
                    name = value;
                    break;
                case "data":
                    data.Append(value);
                    break;
            }
        }
    }

    /// <summary>Messages (not comments) until <paramref name="stop"/> matches one; fails after <paramref name="timeout"/>.</summary>
    public async Task<List<SseMessage>> ReadUntilAsync(Func<SseMessage, bool> stop, TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        var messages = new List<SseMessage>();
        while (true)
        {
            var left = deadline - DateTime.UtcNow;
            if (left <= TimeSpan.Zero)
            {
                throw new TimeoutException($"No matching event within {timeout}; got {messages.Count}: {string.Join(", ", messages.Select(m => m.Event))}");
            }

            var next = await NextAsync(left) ?? throw new EndOfStreamException($"The stream ended after {messages.Count} events");
            if (next.Comment is not null)
            {
                continue;
            }

            messages.Add(next);
            if (stop(next))
            {
                return messages;
            }
        }
    }

    public void Dispose() => _reader.Dispose();
}
