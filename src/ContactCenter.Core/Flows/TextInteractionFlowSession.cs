using ContactCenter.Channels;
using ContactCenter.Ivr.Sessions;

namespace ContactCenter.Core.Flows;

/// <summary>A flow session on a text channel: prompts are messages, menus are buttons where the channel has them;
/// a button press arrives as one <see cref="ActionButton"/> (or as its text), typed text as text.</summary>
internal sealed class TextInteractionFlowSession(IFlowContactCenter contactCenter, Interaction interaction, ChannelCapabilities channel)
    : InteractionFlowSession(contactCenter, interaction), ITextFlowSession
{
    public override SessionCapabilities Capabilities { get; } =
        SessionCapabilities.Text | (channel.HasFlag(ChannelCapabilities.Buttons) ? SessionCapabilities.Buttons : SessionCapabilities.None);

    public ValueTask SendTextAsync(string text, CancellationToken cancellationToken)
        => SendAsync(MessageContent.FromText(text), cancellationToken);

    public ValueTask SendButtonsAsync(string text, IReadOnlyList<FlowButton> buttons, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(buttons);
        var actions = new ActionButton[buttons.Count];
        for (var i = 0; i < actions.Length; i++)
        {
            actions[i] = new ActionButton(buttons[i].Payload, buttons[i].Label);
        }

        return SendAsync(new MessageContent { Text = text, Buttons = [.. actions] }, cancellationToken);
    }

    protected override FlowInput? Map(MessageContent content)
    {
        if (content.Buttons.Length == 1)
        {
            return FlowInput.FromButton(content.Buttons[0].Id);
        }

        if (content.Text is { } text)
        {
            return FlowInput.FromText(text);
        }

        return content.Dtmf is { } digits ? FlowInput.FromDigits(digits) : null;
    }
}
