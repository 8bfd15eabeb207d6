using System.Collections.Concurrent;
using System.Net;
using ContactCenter.Sip.Messages;
using ContactCenter.Sip.Transport;

namespace ContactCenter.Sip.Tests.UserAgents;

/// <summary>An in-memory transport: records what the stack sends; tests inject what the peer sends.</summary>
internal sealed class FakeTransport(SipTransportProtocol protocol, IPEndPoint localEndPoint) : ISipTransport
{
    private readonly SemaphoreSlim _signal = new(0);

    public ConcurrentQueue<(IPEndPoint To, SipMessage Message)> Sent { get; } = new();

    public SipTransportProtocol Protocol => protocol;

    public IPEndPoint LocalEndPoint => localEndPoint;

    public void Start()
    {
    }

    public ValueTask SendAsync(ReadOnlyMemory<byte> message, IPEndPoint remote, CancellationToken cancellationToken)
    {
        var parsed = SipParser.Parse(message.Span);
        Assert.True(parsed.IsSuccess, $"The stack sent something unparseable: {parsed.Error}");
        Sent.Enqueue((remote, parsed.Message));
        _signal.Release();
        return ValueTask.CompletedTask;
    }

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;

    /// <summary>Waits (on sends, never by polling) until a message matching <paramref name="match"/> is sent; removes and returns it.</summary>
    public async Task<T> WaitForAsync<T>(Func<T, bool> match, TimeSpan timeout)
        where T : SipMessage
    {
        using var cancel = new CancellationTokenSource(timeout);
        var skipped = new List<(IPEndPoint, SipMessage)>();
        try
        {
            while (true)
            {
                while (Sent.TryDequeue(out var item))
                {
                    if (item.Message is T typed && match(typed))
                    {
                        return typed;
                    }

                    skipped.Add(item);
                }

                await _signal.WaitAsync(cancel.Token);
            }
        }
        finally
        {
            foreach (var item in skipped)
            {
                Sent.Enqueue(item);
            }
        }
    }

    public List<SipMessage> Drain()
    {
        var list = new List<SipMessage>();
        while (Sent.TryDequeue(out var item))
        {
            list.Add(item.Message);
        }

        return list;
    }
}
