using System.Collections.Immutable;
using System.Threading.Channels;

namespace ContactCenter.Core.Hub;

/// <summary>
/// A broadcast feed: every reader gets every item published after it subscribed, on its own bounded buffer (a slow
/// reader loses its oldest items beyond the capacity rather than slowing the loop). Used for the timeline feed (events
/// as they become durable) and the supervisor feed (presence and service-level events).
/// </summary>
internal sealed class EventFeed<T>
{
    private readonly object _gate = new();
    private readonly int _capacity;
    private ImmutableArray<Channel<T>> _readers = [];
    private bool _completed;

    public EventFeed(int capacity = 10_000) => _capacity = capacity;

    /// <summary>How many readers are subscribed (for tests).</summary>
    public int ReaderCount => _readers.Length;

    /// <summary>Registers a reader now (not at the first MoveNextAsync), so that nothing published after this call is missed.</summary>
    public IAsyncEnumerable<T> Subscribe(CancellationToken cancellationToken)
    {
        var channel = Channel.CreateBounded<T>(new BoundedChannelOptions(_capacity)
        {
            FullMode = BoundedChannelFullMode.DropOldest,
            SingleReader = true,
        });
        lock (_gate)
        {
            if (_completed)
            {
                channel.Writer.TryComplete();
            }
            else
            {
                _readers = _readers.Add(channel);
            }
        }

        return new Subscription(this, channel, cancellationToken);
    }

    public void Publish(T item)
    {
        foreach (var reader in _readers)
        {
            reader.Writer.TryWrite(item);
        }
    }

    public void Publish(List<T> items)
    {
        var readers = _readers;
        if (readers.IsEmpty)
        {
            return;
        }

        foreach (var item in items)
        {
            foreach (var reader in readers)
            {
                reader.Writer.TryWrite(item);
            }
        }
    }

    /// <summary>Ends every reader's enumeration (the contact center stopped).</summary>
    public void Complete()
    {
        lock (_gate)
        {
            _completed = true;
            foreach (var reader in _readers)
            {
                reader.Writer.TryComplete();
            }

            _readers = [];
        }
    }

    private void Unsubscribe(Channel<T> channel)
    {
        lock (_gate)
        {
            _readers = _readers.Remove(channel);
        }
    }

    /// <summary>One reader's feed; its enumerator unsubscribes when disposed, even if it was never moved.</summary>
    private sealed class Subscription(EventFeed<T> feed, Channel<T> channel, CancellationToken token) : IAsyncEnumerable<T>
    {
        public IAsyncEnumerator<T> GetAsyncEnumerator(CancellationToken cancellationToken = default)
            => new Enumerator(feed, channel, CancellationTokenSource.CreateLinkedTokenSource(token, cancellationToken));

        private sealed class Enumerator(EventFeed<T> feed, Channel<T> channel, CancellationTokenSource cancellation) : IAsyncEnumerator<T>
        {
            public T Current { get; private set; } = default!;

            public async ValueTask<bool> MoveNextAsync()
            {
                while (await channel.Reader.WaitToReadAsync(cancellation.Token).ConfigureAwait(false))
                {
                    if (channel.Reader.TryRead(out var next))
                    {
                        Current = next;
                        return true;
                    }
                }

                return false;
            }

            public ValueTask DisposeAsync()
            {
                feed.Unsubscribe(channel);
                cancellation.Dispose();
                return ValueTask.CompletedTask;
            }
        }
    }
}
