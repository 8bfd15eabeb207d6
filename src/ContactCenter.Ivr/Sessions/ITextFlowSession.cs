namespace ContactCenter.Ivr.Sessions;

/// <summary>A text session: messages are sent, typed text and button presses arrive through
/// <see cref="IFlowSession.ReceiveAsync"/>.</summary>
public interface ITextFlowSession : IFlowSession
{
    /// <summary>Sends a message to the customer.</summary>
    /// <param name="text">The message text.</param>
    /// <param name="cancellationToken">Cancels the send.</param>
    ValueTask SendTextAsync(string text, CancellationToken cancellationToken);

    /// <summary>Sends a message with buttons. Called only when <see cref="SessionCapabilities.Buttons"/> is set.</summary>
    /// <param name="text">The message text.</param>
    /// <param name="buttons">The buttons, in order.</param>
    /// <param name="cancellationToken">Cancels the send.</param>
    ValueTask SendButtonsAsync(string text, IReadOnlyList<FlowButton> buttons, CancellationToken cancellationToken);
}
