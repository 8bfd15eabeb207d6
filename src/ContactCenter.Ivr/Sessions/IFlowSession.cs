namespace ContactCenter.Ivr.Sessions;

/// <summary>
/// The runner's view of one interaction. The runtime implements it over the interaction and its channel; a session
/// also implements <see cref="IVoiceFlowSession"/> (calls) or <see cref="ITextFlowSession"/> (chats, messengers) or
/// both. One runner uses a session from one logical thread at a time.
/// </summary>
public interface IFlowSession
{
    /// <summary>The interaction's stable id; the key under which flow state is stored.</summary>
    InteractionId InteractionId { get; }

    /// <summary>The channel name (e.g. <c>voice</c>, <c>telegram</c>, <c>webchat</c>); Branch conditions and
    /// catalog bindings match on it (ordinal, case-insensitive).</summary>
    string Channel { get; }

    /// <summary>The entry point the customer used (a dialled number, a bot name), or null.</summary>
    string? EntryPoint { get; }

    /// <summary>What the session can render and receive.</summary>
    SessionCapabilities Capabilities { get; }

    /// <summary>The customer's phone number when known (caller id), used by OfferCallback; null otherwise.</summary>
    string? CustomerPhoneNumber { get; }

    /// <summary>Customer attributes (segment, language, VIP…) visible to Branch conditions.</summary>
    IReadOnlyDictionary<string, string> CustomerAttributes { get; }

    /// <summary>
    /// Waits for the next input. Inputs that arrived while the flow was talking are returned first, in order.
    /// Completes with <see cref="FlowInputKind.Disconnected"/> when the customer is gone; throws
    /// <see cref="OperationCanceledException"/> when <paramref name="cancellationToken"/> is cancelled (this is how
    /// the runner's time-outs end a wait).
    /// </summary>
    /// <param name="request">What is expected and for how long.</param>
    /// <param name="cancellationToken">Cancelled on time-out or when the run is stopped.</param>
    ValueTask<FlowInput> ReceiveAsync(InputRequest request, CancellationToken cancellationToken);
}
