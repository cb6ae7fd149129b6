using System.Threading.Channels;

namespace OrpheusLive.Api.Live;

/// <summary>One reader of a <see cref="LiveFeed"/>: the buffered events it asked to replay, then live ones.</summary>
public sealed class FeedSubscription : IDisposable
{
    private readonly Action<FeedSubscription> _unsubscribe;

    internal FeedSubscription(IReadOnlyList<SequencedEvent> backlog, Channel<SequencedEvent> channel, Action<FeedSubscription> unsubscribe)
    {
        Backlog = backlog;
        Channel = channel;
        _unsubscribe = unsubscribe;
    }

    /// <summary>Buffered events after the requested id, oldest first (empty for a fresh client).</summary>
    public IReadOnlyList<SequencedEvent> Backlog { get; }

    /// <summary>Live events, completed when the pipeline ends its stream.</summary>
    public ChannelReader<SequencedEvent> Live => Channel.Reader;

    internal Channel<SequencedEvent> Channel { get; }

    /// <inheritdoc />
    public void Dispose() => _unsubscribe(this);
}
