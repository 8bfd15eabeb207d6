using System.Threading.Channels;
using ContactCenter.Ivr.Sessions;

namespace ContactCenter.Core.Flows;

/// <summary>
/// The runner's view of an interaction: outbound prompts become messages through <see cref="IFlowContactCenter.SendAsync"/>;
/// inbound messages are handed in by the launcher (<see cref="Deliver"/>) and queued until the flow reads them.
/// </summary>
internal abstract class InteractionFlowSession : IFlowSession
{
    /// <summary>The interaction attribute a connector sets to name the entry point (a dialled number, a bot name).</summary>
    public const string EntryPointAttribute = "entryPoint";

    private readonly Channel<FlowInput> _inputs = System.Threading.Channels.Channel.CreateUnbounded<FlowInput>(new UnboundedChannelOptions { SingleReader = true });

    protected InteractionFlowSession(IFlowContactCenter contactCenter, Interaction interaction)
    {
        ContactCenter = contactCenter;
        Interaction = interaction;
    }

    public InteractionId InteractionId => Interaction.Id;

    public string Channel => Interaction.Channel;

    public string? EntryPoint => Interaction.Attributes.GetValueOrDefault(EntryPointAttribute);

    public abstract SessionCapabilities Capabilities { get; }

    public string? CustomerPhoneNumber => Interaction.CustomerIdentity.Kind == IdentityKind.Phone ? Interaction.CustomerIdentity.Value : null;

    public IReadOnlyDictionary<string, string> CustomerAttributes => Interaction.Attributes;

    protected IFlowContactCenter ContactCenter { get; }

    protected Interaction Interaction { get; }

    public ValueTask<FlowInput> ReceiveAsync(InputRequest request, CancellationToken cancellationToken)
        => _inputs.Reader.TryRead(out var input) ? new ValueTask<FlowInput>(input) : WaitAsync(cancellationToken);

    /// <summary>Hands the flow a customer message. Never blocks.</summary>
    public void Deliver(MessageEvent message)
    {
        if (Map(message.Content) is { } input)
        {
            _inputs.Writer.TryWrite(input);
        }
    }

    /// <summary>The customer is gone: inputs already queued are still read, then every wait returns Disconnected.</summary>
    public void Disconnect() => _inputs.Writer.TryComplete();

    /// <summary>Turns inbound content into flow input, or null to ignore it (for example an attachment alone).</summary>
    protected abstract FlowInput? Map(MessageContent content);

    protected async ValueTask SendAsync(MessageContent content, CancellationToken cancellationToken)
        => await ContactCenter.SendAsync(Interaction.Id, content, cancellationToken).ConfigureAwait(false);

    private async ValueTask<FlowInput> WaitAsync(CancellationToken cancellationToken)
    {
        while (await _inputs.Reader.WaitToReadAsync(cancellationToken).ConfigureAwait(false))
        {
            if (_inputs.Reader.TryRead(out var input))
            {
                return input;
            }
        }

        return FlowInput.Disconnected;
    }
}
