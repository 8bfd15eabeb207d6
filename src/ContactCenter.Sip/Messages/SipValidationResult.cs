namespace ContactCenter.Sip.Messages;

/// <summary>The outcome of <see cref="SipRequestValidator.Validate"/>: valid, or the response to send.</summary>
public readonly struct SipValidationResult
{
    private readonly IReadOnlyList<SipHeader>? _headers;

    internal SipValidationResult(int statusCode, string reason, IReadOnlyList<SipHeader>? headers)
    {
        StatusCode = statusCode;
        Reason = reason;
        _headers = headers;
    }

    /// <summary>True when the request may be processed.</summary>
    public bool IsValid => StatusCode == 0;

    /// <summary>The status code to reject with (400, 406, 415, 416, 420, 483); 0 when valid.</summary>
    public int StatusCode { get; }

    /// <summary>Why, for the log; <see langword="null"/> when valid.</summary>
    public string? Reason { get; }

    /// <summary>Headers the rejection must carry (Unsupported for 420, Accept for 415).</summary>
    public IReadOnlyList<SipHeader> ResponseHeaders => _headers ?? [];

    /// <summary>Builds the rejection for <paramref name="request"/> (see <see cref="SipRequest.CreateResponse"/>) with <see cref="ResponseHeaders"/>.</summary>
    /// <param name="request">The request that was validated.</param>
    /// <param name="toTag">The To tag to add when the request's To has none.</param>
    /// <exception cref="InvalidOperationException">The result is valid.</exception>
    public SipResponse CreateResponse(SipRequest request, string? toTag = null)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (IsValid)
        {
            throw new InvalidOperationException("The request is valid; there is no rejection to build.");
        }

        SipResponse response = request.CreateResponse(StatusCode, toTag: toTag);
        foreach (SipHeader h in ResponseHeaders)
        {
            response.Headers.Add(h.Name, h.Value);
        }

        return response;
    }
}
