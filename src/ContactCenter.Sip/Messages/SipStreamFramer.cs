using System.Buffers;
using ContactCenter.Sip.Parsing;

namespace ContactCenter.Sip.Messages;

/// <summary>
/// Cuts SIP messages out of a TCP/TLS byte stream by Content-Length (RFC 3261 §18.3), incrementally: receive into
/// <see cref="GetMemory"/> and <see cref="Advance"/> (or <see cref="Append"/>), then call <see cref="TryRead"/>
/// until it says <see cref="SipFrameStatus.NeedMoreData"/>. CRLF keep-alives between messages are skipped.
/// The buffer comes from <see cref="ArrayPool{T}.Shared"/> and goes back on <see cref="Dispose"/>; parsed
/// messages own copies of their bytes. One instance per connection; not thread-safe.
/// </summary>
public sealed class SipStreamFramer : IDisposable
{
    private readonly SipParserOptions _options;
    private byte[] _buffer;
    private int _start;
    private int _end;

    // Progress on the message at _start, so bytes arriving one at a time are not rescanned from the beginning
    // (which would make a slow sender cost quadratic time): bytes searched for the blank line so far, and the
    // message length once its headers are complete (0 while unknown).
    private int _searched;
    private int _pendingLength;

    /// <summary>Creates a framer.</summary>
    /// <param name="options">Limits; <see cref="SipParserOptions.Default"/> when <see langword="null"/>.</param>
    public SipStreamFramer(SipParserOptions? options = null)
    {
        _options = options ?? SipParserOptions.Default;
        _buffer = ArrayPool<byte>.Shared.Rent(4096);
    }

    /// <summary>The number of bytes received and not yet consumed as messages.</summary>
    public int BufferedBytes => _end - _start;

    /// <summary>A writable area of at least <paramref name="sizeHint"/> bytes to receive into; then call <see cref="Advance"/>.</summary>
    /// <param name="sizeHint">The minimum size wanted (default 4,096).</param>
    public Memory<byte> GetMemory(int sizeHint = 4096)
    {
        ObjectDisposedException.ThrowIf(_buffer.Length == 0, this);
        sizeHint = Math.Max(sizeHint, 1);
        if (_buffer.Length - _end < sizeHint)
        {
            int live = _end - _start;
            if (_start > 0 && _buffer.Length - live >= sizeHint)
            {
                Buffer.BlockCopy(_buffer, _start, _buffer, 0, live);
            }
            else
            {
                byte[] bigger = ArrayPool<byte>.Shared.Rent(Math.Max(_buffer.Length * 2, live + sizeHint));
                Buffer.BlockCopy(_buffer, _start, bigger, 0, live);
                ArrayPool<byte>.Shared.Return(_buffer);
                _buffer = bigger;
            }

            _start = 0;
            _end = live;
        }

        return _buffer.AsMemory(_end);
    }

    /// <summary>Records that <paramref name="count"/> bytes were written into the memory from <see cref="GetMemory"/>.</summary>
    /// <param name="count">The number of bytes received.</param>
    public void Advance(int count)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(count, _buffer.Length - _end);
        _end += count;
    }

    /// <summary>Copies received bytes in.</summary>
    /// <param name="data">The bytes.</param>
    public void Append(ReadOnlySpan<byte> data)
    {
        data.CopyTo(GetMemory(data.Length).Span);
        _end += data.Length;
    }

    /// <summary>Cuts the next message from the buffered bytes, if there is a whole one, and parses it.</summary>
    /// <param name="result">The parse result, for <see cref="SipFrameStatus.Message"/> (and for <see cref="SipFrameStatus.Error"/> when a response is owed).</param>
    public SipFrameStatus TryRead(out SipParseResult result)
    {
        ReadOnlySpan<byte> data = _buffer.AsSpan(_start, _end - _start);
        SipFrameStatus status = Frame(data, _options.MaxMessageSize, ref _searched, ref _pendingLength, out int skip, out int length, out bool tooLarge);
        if (status != SipFrameStatus.NeedMoreData)
        {
            _searched = _pendingLength = 0;
        }

        switch (status)
        {
            case SipFrameStatus.Message:
                result = SipParser.Parse(data.Slice(skip, length), _options);
                _start += skip + length;
                if (_start == _end)
                {
                    _start = _end = 0;
                }

                return status;
            case SipFrameStatus.Error:
                // Parse what there is so that a request can still be answered (400 or 513) before closing.
                result = SipParser.Parse(data[skip..], _options);
                if (result.RejectedRequest is { } rejected && tooLarge)
                {
                    result = SipParseResult.Failure(513, "The message is larger than " + _options.MaxMessageSize + " bytes.", rejected);
                }
                else if (result.IsSuccess || result.RejectedRequest is null)
                {
                    result = default;
                }

                _start = _end = 0;
                return status;
            default:
                // Drop keep-alive CRLFs already seen.
                _start += skip;
                result = default;
                return status;
        }
    }

    /// <summary>
    /// Finds the first whole message in <paramref name="buffer"/> without copying: <paramref name="skip"/> leading
    /// CRLF bytes, then <paramref name="length"/> bytes of message (headers, blank line, Content-Length bytes of body).
    /// </summary>
    /// <param name="buffer">Bytes received so far.</param>
    /// <param name="maxMessageSize">The largest message allowed.</param>
    /// <param name="skip">Leading CRLF bytes to discard.</param>
    /// <param name="length">The message length, for <see cref="SipFrameStatus.Message"/>.</param>
    public static SipFrameStatus TryFrame(ReadOnlySpan<byte> buffer, int maxMessageSize, out int skip, out int length)
    {
        int searched = 0;
        int pending = 0;
        return Frame(buffer, maxMessageSize, ref searched, ref pending, out skip, out length, out _);
    }

    private static SipFrameStatus Frame(
        ReadOnlySpan<byte> buffer, int maxMessageSize, ref int searched, ref int pendingLength, out int skip, out int length, out bool tooLarge)
    {
        length = 0;
        tooLarge = false;
        skip = 0;
        while (skip < buffer.Length && buffer[skip] is (byte)'\r' or (byte)'\n')
        {
            skip++;
        }

        ReadOnlySpan<byte> s = buffer[skip..];
        if (pendingLength > 0)
        {
            if (s.Length < pendingLength)
            {
                return SipFrameStatus.NeedMoreData;
            }

            length = pendingLength;
            return SipFrameStatus.Message;
        }

        int headerEnd = FindHeaderEnd(s, Math.Max(0, searched - 3));
        if (headerEnd < 0)
        {
            searched = s.Length;
            tooLarge = s.Length > maxMessageSize;
            return tooLarge ? SipFrameStatus.Error : SipFrameStatus.NeedMoreData;
        }

        long contentLength = 0;
        if (!TryFindContentLength(s[..headerEnd], ref contentLength))
        {
            return SipFrameStatus.Error;
        }

        long total = headerEnd + contentLength;
        if (total > maxMessageSize)
        {
            tooLarge = true;
            return SipFrameStatus.Error;
        }

        if (s.Length < total)
        {
            pendingLength = (int)total;
            return SipFrameStatus.NeedMoreData;
        }

        length = (int)total;
        return SipFrameStatus.Message;
    }

    /// <summary>The index just after the blank line that ends the headers; -1 when it has not arrived.</summary>
    private static int FindHeaderEnd(ReadOnlySpan<byte> s, int from)
    {
        while (true)
        {
            int lf = s[from..].IndexOf((byte)'\n');
            if (lf < 0)
            {
                return -1;
            }

            int k = from + lf + 1;
            if (k < s.Length && s[k] == '\n')
            {
                return k + 1;
            }

            if (k + 1 < s.Length && s[k] == '\r' && s[k + 1] == '\n')
            {
                return k + 2;
            }

            if (k >= s.Length || (k + 1 >= s.Length && s[k] == '\r'))
            {
                return -1;
            }

            from = k;
        }
    }

    private static bool TryFindContentLength(ReadOnlySpan<byte> headers, ref long contentLength)
    {
        bool found = false;
        while (!headers.IsEmpty)
        {
            int lf = headers.IndexOf((byte)'\n');
            ReadOnlySpan<byte> line = lf < 0 ? headers : headers[..lf];
            headers = lf < 0 ? default : headers[(lf + 1)..];
            int colon = line.IndexOf((byte)':');
            if (colon <= 0 || line[0] is (byte)' ' or (byte)'\t')
            {
                continue;
            }

            ReadOnlySpan<byte> name = line[..colon].TrimEnd(" \t"u8);
            if (!SipGrammar.EqualsIgnoreCase(name, SipHeaderNames.ContentLength) && !SipGrammar.EqualsIgnoreCase(name, "l"))
            {
                continue;
            }

            ReadOnlySpan<byte> value = line[(colon + 1)..].Trim(" \t\r"u8);
            if (!SipGrammar.TryParseNumber(value, int.MaxValue, out long v) || (found && v != contentLength))
            {
                return false;
            }

            found = true;
            contentLength = v;
        }

        return true;
    }

    /// <summary>Returns the buffer to the pool.</summary>
    public void Dispose()
    {
        if (_buffer.Length != 0)
        {
            ArrayPool<byte>.Shared.Return(_buffer);
            _buffer = [];
            _start = _end = 0;
        }
    }
}
