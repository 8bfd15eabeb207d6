using System.Net;
using System.Net.Sockets;
using ContactCenter.Sip.Messages;

namespace ContactCenter.Sip.Transport;

/// <summary>One TCP or TLS connection: a read loop that frames messages for the sink, and serialized writes.</summary>
internal sealed class TcpSipConnection : IAsyncDisposable
{
    private readonly Socket _socket;
    private readonly Stream _stream;
    private readonly TcpSipTransport _owner;
    private readonly SemaphoreSlim _writeLock = new(1, 1);
    private readonly CancellationTokenSource _stop = new();
    private Task _readLoop = Task.CompletedTask;
    private int _disposed;

    public TcpSipConnection(Socket socket, Stream stream, TcpSipTransport owner)
    {
        _socket = socket;
        _stream = stream;
        _socket.NoDelay = true;
        _owner = owner;
        Remote = (IPEndPoint)socket.RemoteEndPoint!;
    }

    public IPEndPoint Remote { get; }

    public void Start() => _readLoop = Task.Run(ReadLoopAsync);

    public async ValueTask SendAsync(ReadOnlyMemory<byte> message, CancellationToken cancellationToken)
    {
        await _writeLock.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            await _stream.WriteAsync(message, cancellationToken).ConfigureAwait(false);
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
                while (true)
                {
                    var status = framer.TryRead(out var result);
                    if (status == SipFrameStatus.NeedMoreData)
                    {
                        break;
                    }

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
