using ContactCenter.Ivr.Sessions;

namespace ContactCenter.Testing;

/// <summary>A scripted chat customer: types messages, presses buttons (when the channel has them), stays silent or
/// leaves. Messages are recorded as <see cref="SessionOutputKind.Text"/> or <see cref="SessionOutputKind.Buttons"/>.</summary>
public sealed class ScriptedTextSession : ScriptedSession<ScriptedTextSession>, ITextFlowSession
{
    /// <summary>Creates the session.</summary>
    /// <param name="name">Names the interaction (see <see cref="ScriptedSession{TSelf}.IdFor"/>).</param>
    /// <param name="advanceTime">Advances the runner's clock (e.g. <c>fakeTimeProvider.Advance</c>).</param>
    /// <param name="buttons">Whether the channel shows buttons (Telegram, web chat) or not (SMS, email).</param>
    /// <param name="channel">The channel name. Default: <c>webchat</c> with buttons, <c>sms</c> without.</param>
    public ScriptedTextSession(string name, Action<TimeSpan>? advanceTime, bool buttons = true, string? channel = null)
        : base(name, channel ?? (buttons ? "webchat" : "sms"),
            SessionCapabilities.Text | SessionCapabilities.Links | (buttons ? SessionCapabilities.Buttons : SessionCapabilities.None), advanceTime)
    {
    }

    /// <summary>The customer types a message.</summary>
    /// <param name="text">The message.</param>
    /// <returns>The session.</returns>
    public ScriptedTextSession Type(string text) => AddInput(FlowInput.FromText(text));

    /// <summary>The customer presses a button.</summary>
    /// <param name="payload">The button's payload (for a menu: the choice key).</param>
    /// <returns>The session.</returns>
    public ScriptedTextSession Tap(string payload) => AddInput(FlowInput.FromButton(payload));

    /// <inheritdoc />
    public ValueTask SendTextAsync(string text, CancellationToken cancellationToken)
    {
        Record(new SessionOutput(SessionOutputKind.Text, text));
        return ValueTask.CompletedTask;
    }

    /// <inheritdoc />
    public ValueTask SendButtonsAsync(string text, IReadOnlyList<FlowButton> buttons, CancellationToken cancellationToken)
    {
        if (!Capabilities.HasFlag(SessionCapabilities.Buttons))
        {
            throw new InvalidOperationException("Buttons were sent to a session without the Buttons capability.");
        }

        Record(new SessionOutput(SessionOutputKind.Buttons, text, buttons.ToArray()));
        return ValueTask.CompletedTask;
    }
}
