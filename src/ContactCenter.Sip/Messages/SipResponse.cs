using System.Globalization;
using System.Text;

namespace ContactCenter.Sip.Messages;

/// <summary>A SIP response: status code, reason phrase, headers and body.</summary>
public sealed class SipResponse : SipMessage
{
    /// <summary>Creates a response with no headers (see <see cref="SipRequest.CreateResponse"/> to answer a request).</summary>
    /// <param name="statusCode">100 to 699.</param>
    /// <param name="reasonPhrase">The reason phrase; the standard one for the code by default.</param>
    public SipResponse(int statusCode, string? reasonPhrase = null)
        : this(statusCode, reasonPhrase ?? GetReasonPhrase(statusCode), new SipHeaders(), ReadOnlyMemory<byte>.Empty)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(statusCode, 100);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(statusCode, 699);
        if (ReasonPhrase.AsSpan().ContainsAny('\r', '\n'))
        {
            throw new ArgumentException("A reason phrase must be one line.", nameof(reasonPhrase));
        }
    }

    internal SipResponse(int statusCode, string reasonPhrase, SipHeaders headers, ReadOnlyMemory<byte> body)
        : base(headers, body)
    {
        StatusCode = statusCode;
        ReasonPhrase = reasonPhrase;
    }

    /// <inheritdoc/>
    public override bool IsRequest => false;

    /// <summary>The status code, 100 to 699.</summary>
    public int StatusCode { get; }

    /// <summary>The reason phrase (may be empty).</summary>
    public string ReasonPhrase { get; }

    /// <summary>True for 1xx.</summary>
    public bool IsProvisional => StatusCode < 200;

    /// <summary>True for 2xx.</summary>
    public bool IsSuccess => StatusCode is >= 200 and < 300;

    /// <summary>The standard reason phrase for a status code (RFC 3261 §21); <c>"Unknown"</c> for others.</summary>
    /// <param name="statusCode">A status code.</param>
    public static string GetReasonPhrase(int statusCode) => statusCode switch
    {
        100 => "Trying",
        180 => "Ringing",
        181 => "Call Is Being Forwarded",
        182 => "Queued",
        183 => "Session Progress",
        200 => "OK",
        202 => "Accepted",
        300 => "Multiple Choices",
        301 => "Moved Permanently",
        302 => "Moved Temporarily",
        305 => "Use Proxy",
        380 => "Alternative Service",
        400 => "Bad Request",
        401 => "Unauthorized",
        402 => "Payment Required",
        403 => "Forbidden",
        404 => "Not Found",
        405 => "Method Not Allowed",
        406 => "Not Acceptable",
        407 => "Proxy Authentication Required",
        408 => "Request Timeout",
        410 => "Gone",
        413 => "Request Entity Too Large",
        414 => "Request-URI Too Long",
        415 => "Unsupported Media Type",
        416 => "Unsupported URI Scheme",
        420 => "Bad Extension",
        421 => "Extension Required",
        423 => "Interval Too Brief",
        480 => "Temporarily Unavailable",
        481 => "Call/Transaction Does Not Exist",
        482 => "Loop Detected",
        483 => "Too Many Hops",
        484 => "Address Incomplete",
        485 => "Ambiguous",
        486 => "Busy Here",
        487 => "Request Terminated",
        488 => "Not Acceptable Here",
        491 => "Request Pending",
        493 => "Undecipherable",
        500 => "Server Internal Error",
        501 => "Not Implemented",
        502 => "Bad Gateway",
        503 => "Service Unavailable",
        504 => "Server Time-out",
        505 => "Version Not Supported",
        513 => "Message Too Large",
        600 => "Busy Everywhere",
        603 => "Decline",
        604 => "Does Not Exist Anywhere",
        606 => "Not Acceptable",
        _ => "Unknown",
    };

    private protected override int StartLineByteCount() => Version.Length + 5 + Encoding.UTF8.GetByteCount(ReasonPhrase);

    private protected override int WriteStartLine(Span<byte> destination)
    {
        int p = Encoding.ASCII.GetBytes(Version, destination);
        destination[p++] = (byte)' ';
        StatusCode.TryFormat(destination[p..], out int digits, default, CultureInfo.InvariantCulture);
        p += digits;
        destination[p++] = (byte)' ';
        p += Encoding.UTF8.GetBytes(ReasonPhrase, destination[p..]);
        return p;
    }
}
