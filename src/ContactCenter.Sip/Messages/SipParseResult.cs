using System.Diagnostics.CodeAnalysis;

namespace ContactCenter.Sip.Messages;

/// <summary>
/// What <see cref="SipParser"/> made of some bytes: a message, or why there is none and how to answer. Parse
/// errors are values, never exceptions. For a rejected request <see cref="StatusCode"/> is the response to send
/// (400, 505, 513) and <see cref="RejectedRequest"/> holds its headers as read, enough for
/// <see cref="SipRequest.CreateResponse"/>; a malformed response, or bytes that are no message, are to be
/// dropped (<see cref="StatusCode"/> 0).
/// </summary>
public readonly struct SipParseResult
{
    private SipParseResult(SipMessage? message, int statusCode, string? error, SipRequest? rejected)
    {
        Message = message;
        StatusCode = statusCode;
        Error = error;
        RejectedRequest = rejected;
    }

    /// <summary>The message; <see langword="null"/> when parsing failed.</summary>
    public SipMessage? Message { get; }

    /// <summary>True when <see cref="Message"/> is set.</summary>
    [MemberNotNullWhen(true, nameof(Message))]
    [MemberNotNullWhen(false, nameof(Error))]
    public bool IsSuccess => Message is not null;

    /// <summary>The message when it is a request.</summary>
    public SipRequest? Request => Message as SipRequest;

    /// <summary>The message when it is a response.</summary>
    public SipResponse? Response => Message as SipResponse;

    /// <summary>
    /// On failure, the status code to answer a request with (400 Bad Request, 505 Version Not Supported,
    /// 513 Message Too Large); 0 when the input is to be dropped silently (malformed responses, garbage). 0 on success.
    /// </summary>
    public int StatusCode { get; }

    /// <summary>On failure, what was wrong, for the log (and as the reason phrase's detail); <see langword="null"/> on success.</summary>
    public string? Error { get; }

    /// <summary>
    /// On failure of a request whose start line could be split: the request as read, only for building the error
    /// response (its headers are not checked; its Request-URI may be invalid). <see langword="null"/> otherwise.
    /// </summary>
    public SipRequest? RejectedRequest { get; }

    /// <summary>True when a response should be sent: a request failed and a response can be formed from it.</summary>
    public bool ShouldRespond => StatusCode != 0 && RejectedRequest is not null && RejectedRequest.Headers.Contains(SipHeaderNames.Via);

    internal static SipParseResult Success(SipMessage message) => new(message, 0, null, null);

    internal static SipParseResult Failure(int statusCode, string error, SipRequest? rejected) => new(null, statusCode, error, rejected);

    /// <summary>A short description for logs.</summary>
    public override string ToString() => IsSuccess ? $"parsed {(Message.IsRequest ? "request" : "response")}" : $"rejected ({StatusCode}): {Error}";
}
