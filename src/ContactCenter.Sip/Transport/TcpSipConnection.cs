using System.Net;
using System.Net.Sockets;
using ContactCenter.Sip.Messages;

namespace ContactCenter.Sip.Transport;

/// <summary>
/// One TCP or TLS connection: a read loop that frames messages for the sink, and serialized writes. One timer on the
/// transport's clock closes it when it is idle for <see cref="SipTransportOptions.TcpIdleTimeout"/> or a message
/// stays incomplete for <see cref="SipTransportOptions.TcpMessageTimeout"/>.
/// </summary>
internal sealed class TcpSipConnection : IAsyncDisposable
{
    private readonly Socket _socket;
    private readonly Stream _stream;
    private readonly TcpSipTransport _owner;
    private readonly SemaphoreSlim _writeLock = new(1, 1);
    private readonly CancellationTokenSource _stop = new();
    private readonly TimeProvider _time;
    private readonly ITimer _timeout;
    private Task _readLoop = Task.CompletedTask;
    private int _disposed;

    // Timestamps on _time: the last byte read or written, and the start of the message still incomplete (0: none).
    private long _lastActivity;
    private long _messageStarted;

    public TcpSipConnection(Socket socket, Stream stream, TcpSipTransport owner, bool inbound)
    {
        _socket = socket;
        _stream = stream;
        _socket.NoDelay = true;
        _owner = owner;
        Remote = (IPEndPoint)socket.RemoteEndPoint!;
        _time = owner.Time;

        // A new inbound connection owes its first message within the message time-out: idle connections opened to
        // fill the connection slots are closed quickly, not after the idle time-out. One we opened is only idle.
        _lastActivity = _time.GetTimestamp();
        _messageStarted = inbound ? _lastActivity : 0;
        var options = owner.Options;
        _timeout = _time.CreateTimer(static s => ((TcpSipConnection)s!).OnTimeout(), this, inbound ? options.TcpMessageTimeout : options.TcpIdleTimeout, Timeout.InfiniteTimeSpan);
    }

    public IPEndPoint Remote { get; }

    public void Start() => _readLoop = Task.Run(ReadLoopAsync);

    public async ValueTask SendAsync(ReadOnlyMemory<byte> message, CancellationToken cancellationToken)
    {
        await _writeLock.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            await _stream.WriteAsync(message, cancellationToken).ConfigureAwait(false);
            Volatile.Write(ref _lastActivity, _time.GetTimestamp());
        }
        finally
        {
            _writeLock.Release();
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) != 0)
        {
            return;
        }

        await _timeout.DisposeAsync().ConfigureAwait(false);
        await _stop.CancelAsync().ConfigureAwait(false);
        try
        {
            _socket.Shutdown(SocketShutdown.Both);
        }
        catch (SocketException)
        {
        }
        catch (ObjectDisposedException)
        {
        }

        await _stream.DisposeAsync().ConfigureAwait(false);
        _socket.Dispose();

        // Never awaited from the read loop itself: OnClosed discards this task.
        if (!_readLoop.IsCompleted)
        {
            await _readLoop.ConfigureAwait(false);
        }

        _stop.Dispose();
    }

    private void OnTimeout()
    {
        if (Volatile.Read(ref _disposed) != 0)
        {
            return;
        }

        var options = _owner.Options;
        var idle = options.TcpIdleTimeout - _time.GetElapsedTime(Volatile.Read(ref _lastActivity));
        var started = Volatile.Read(ref _messageStarted);
        var incomplete = started == 0 ? Timeout.InfiniteTimeSpan : options.TcpMessageTimeout - _time.GetElapsedTime(started);
        if (idle <= TimeSpan.Zero || (started != 0 && incomplete <= TimeSpan.Zero))
        {
            var reason = idle <= TimeSpan.Zero ? $"idle for {options.TcpIdleTimeout}" : $"a message incomplete for {options.TcpMessageTimeout}";
            _owner.Diagnostics.Report(SipDiagnosticKind.ConnectionTimedOut, $"Closed a TCP connection: {reason}.", Remote);
            // Out of the transport's table before the socket closes: a client that sees the close and connects again
            // must find the slot free (MaxTcpConnections), not race the read loop's own clean-up.
            _owner.OnClosed(this);
            return;
        }

        RearmTimeout(started == 0 || idle < incomplete ? idle : incomplete);
    }

    private void RearmTimeout(TimeSpan dueTime)
    {
        try
        {
            _timeout.Change(dueTime, Timeout.InfiniteTimeSpan);
        }
        catch (ObjectDisposedException)
        {
            // Closed meanwhile.
        }
    }

    private async Task ReadLoopAsync()
    {
        var max = _owner.Options.MaxMessageSize;
        using var framer = new SipStreamFramer(new SipParserOptions { MaxMessageSize = max });
        var token = _stop.Token;
        try
        {
            while (!token.IsCancellationRequested)
            {
                var read = await _stream.ReadAsync(framer.GetMemory(), token).ConfigureAwait(false);
                if (read == 0)
                {
                    return;
                }

                framer.Advance(read);
                var now = _time.GetTimestamp();
                Volatile.Write(ref _lastActivity, now);
                while (true)
                {
                    var status = framer.TryRead(out var result);
                    if (status == SipFrameStatus.NeedMoreData)
                    {
                        // Bytes left over are the start of a message (keep-alive CRLFs were dropped): its clock runs
                        // from its first byte; with nothing left over there is no incomplete message.
                        var buffered = framer.BufferedBytes > 0;
                        if (!buffered)
                        {
                            Volatile.Write(ref _messageStarted, 0);
                        }
                        else if (Volatile.Read(ref _messageStarted) == 0)
                        {
                            // The message deadline comes before the idle one (validated: message ≤ idle time-out).
                            Volatile.Write(ref _messageStarted, now);
                            RearmTimeout(_owner.Options.TcpMessageTimeout);
                        }

                        break;
                    }

                    // A whole message: the next one starts with the bytes after it, if any.
                    Volatile.Write(ref _messageStarted, 0);

                    if (status == SipFrameStatus.Error)
                    {
                        // The stream cannot be resynchronised (RFC 3261 section 18.3): answer if a response is owed, then close.
                        if (result.ShouldRespond)
                        {
                            _owner.Deliver(Remote, result);
                        }
                        else
                        {
                            _owner.Diagnostics.Report(SipDiagnosticKind.Oversized, $"Closed a TCP connection whose stream cannot be framed (over {max} bytes or no valid Content-Length).", Remote);
                        }

                        return;
                    }

                    if (_owner.Limiter.TryAcquire(Remote.Address, out var firstRefusal))
                    {
                        _owner.Deliver(Remote, result);
                    }
                    else if (firstRefusal)
                    {
                        _owner.Diagnostics.Report(SipDiagnosticKind.RateLimited, $"{Remote.Address} exceeds {_owner.Options.MaxMessagesPerSecondPerSource} messages/s; dropping its excess.", Remote);
                    }
                }
            }
        }
        catch (OperationCanceledException)
        {
        }
        catch (ObjectDisposedException)
        {
        }
        catch (SocketException exception) when (exception.SocketErrorCode is SocketError.ConnectionReset or SocketError.ConnectionAborted or SocketError.OperationAborted)
        {
        }
        catch (IOException exception) when (exception.InnerException is SocketException or ObjectDisposedException)
        {
        }
#pragma warning disable CA1031 // A broken connection must never take the transport down.
        catch (Exception exception)
#pragma warning restore CA1031
        {
            _owner.Diagnostics.Report(SipDiagnosticKind.TransportError, "A TCP connection failed.", Remote, exception);
        }
        finally
        {
            _owner.OnClosed(this);
        }
    }
}
