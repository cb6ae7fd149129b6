using System.Threading.Channels;
using OrpheusLive.Core.Pipeline;
using OrpheusLive.Core.Pipeline.State;

namespace OrpheusLive.Api.Live;

/// <summary>
/// The live pipeline as the API sees it: the pipeline itself (for its state) and its events numbered and fanned out
/// to event-stream clients. The most recent events are kept so a client that reconnects with <c>Last-Event-ID</c>
/// (browsers' EventSource does this by itself) gets what it missed; a slow client loses its oldest unread events
/// rather than ever blocking the pipeline.
/// </summary>
public sealed class LiveFeed : IDisposable
{
    /// <summary>Events kept for replay.</summary>
    public const int ReplayCapacity = 512;

    /// <summary>Unread events kept per client before its oldest are dropped.</summary>
    public const int ClientCapacity = 1024;

    private readonly Lock _gate = new();
    private readonly Queue<SequencedEvent> _recent = new();
    private readonly List<FeedSubscription> _subscribers = [];
    private IDisposable? _subscription;
    private IPipelineControl? _pipeline;
    private long _lastId;
    private bool _completed;

    /// <summary>The attached pipeline, or null when the server is not listening.</summary>
    public IPipelineControl? Pipeline => Volatile.Read(ref _pipeline);

    /// <summary>Clients currently subscribed (tests check that a disconnect unsubscribes).</summary>
    internal int SubscriberCount
    {
        get
        {
            lock (_gate)
            {
                return _subscribers.Count;
            }
        }
    }

    /// <summary>Starts following <paramref name="pipeline"/>'s events. Attach before the pipeline runs so nothing is missed.</summary>
    /// <exception cref="InvalidOperationException">A pipeline is already attached.</exception>
    public void Attach(IPipelineControl pipeline)
    {
        ArgumentNullException.ThrowIfNull(pipeline);
        lock (_gate)
        {
            if (_pipeline is not null)
            {
                throw new InvalidOperationException("A live pipeline is already attached.");
            }

            _pipeline = pipeline;
        }

        _subscription = pipeline.Events.Subscribe(Publish, _ => Complete(), Complete);
    }

    /// <summary>
    /// Subscribes a client. With <paramref name="afterId"/> the buffered events after that id are returned for replay;
    /// registration and backlog are taken together, so no event is lost or sent twice between them.
    /// </summary>
    public FeedSubscription Subscribe(long? afterId)
    {
        var channel = Channel.CreateBounded<SequencedEvent>(new BoundedChannelOptions(ClientCapacity)
        {
            FullMode = BoundedChannelFullMode.DropOldest,
            SingleReader = true,
        });
        lock (_gate)
        {
            var backlog = afterId is { } after ? _recent.Where(e => e.Id > after).ToArray() : [];
            var subscription = new FeedSubscription(backlog, channel, Unsubscribe);
            if (_completed)
            {
                channel.Writer.TryComplete();
            }
            else
            {
                _subscribers.Add(subscription);
            }

            return subscription;
        }
    }

    /// <summary>
    /// Puts an event that does not come from the pipeline (a library scan's progress) on the stream, numbered with the
    /// pipeline's events; dropped when no pipeline is attached or its stream has ended.
    /// </summary>
    public void Announce(PipelineEvent extraEvent)
    {
        ArgumentNullException.ThrowIfNull(extraEvent);
        if (Pipeline is null) return;
        lock (_gate)
        {
            if (_completed) return;
        }

        Publish(extraEvent);
    }

    /// <inheritdoc />
    public void Dispose()
    {
        _subscription?.Dispose();
        Complete();
    }

    private void Publish(PipelineEvent pipelineEvent)
    {
        lock (_gate)
        {
            var sequenced = new SequencedEvent(++_lastId, pipelineEvent);
            _recent.Enqueue(sequenced);
            if (_recent.Count > ReplayCapacity)
            {
                _recent.Dequeue();
            }

            foreach (var subscriber in _subscribers)
            {
                subscriber.Channel.Writer.TryWrite(sequenced);
            }
        }
    }

    private void Complete()
    {
        lock (_gate)
        {
            _completed = true;
            foreach (var subscriber in _subscribers)
            {
                subscriber.Channel.Writer.TryComplete();
            }

            _subscribers.Clear();
        }
    }

    private void Unsubscribe(FeedSubscription subscription)
    {
        lock (_gate)
        {
            _subscribers.Remove(subscription);
        }

        subscription.Channel.Writer.TryComplete();
    }
}
