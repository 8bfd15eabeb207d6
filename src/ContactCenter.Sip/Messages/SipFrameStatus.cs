namespace ContactCenter.Sip.Messages;

/// <summary>What <see cref="SipStreamFramer"/> found in the bytes received so far.</summary>
public enum SipFrameStatus
{
    /// <summary>No whole message yet: receive more bytes.</summary>
    NeedMoreData,

    /// <summary>A whole message was cut from the stream (its parse result may still be a rejection).</summary>
    Message,

    /// <summary>
    /// The stream cannot be framed any more (no valid Content-Length, or a message over the size limit): answer
    /// the parse result if it says so, then close the connection.
    /// </summary>
    Error,
}
