using ContactCenter.Channels;

namespace ContactCenter.Testing;

/// <summary>A customer in a test: talks through an <see cref="InMemoryChannel"/> and reads the answers.</summary>
public sealed class ScriptedCustomer
{
    private readonly InMemoryChannel _channel;
    private readonly TimeSpan _timeout;
    private int _sequence;

    internal ScriptedCustomer(InMemoryChannel channel, CustomerIdentity identity, string conversationKey, string? displayName, TimeSpan timeout)
    {
        _channel = channel;
        Identity = identity;
        ConversationKey = conversationKey;
        DisplayName = displayName;
        _timeout = timeout;
    }

    /// <summary>The identity the customer writes from.</summary>
    public CustomerIdentity Identity { get; }

    /// <summary>The conversation key of the current conversation.</summary>
    public string ConversationKey { get; private set; }

    /// <summary>The customer's name.</summary>
    public string? DisplayName { get; }

    /// <summary>The receipt of the last message sent.</summary>
    public InboundReceipt LastReceipt { get; private set; }

    /// <summary>Sends a text message; completes when the contact center has stored it.</summary>
    public async Task<InboundReceipt> SayAsync(string text, string? checkpoint = null)
    {
        LastReceipt = await _channel.ReceiveAsync(new InboundMessage
        {
            Channel = _channel.Name,
            Media = _channel.Media,
            ConversationKey = ConversationKey,
            From = Identity,
            DisplayName = DisplayName,
            ExternalId = $"{ConversationKey}#{Interlocked.Increment(ref _sequence)}",
            Content = MessageContent.FromText(text),
            Checkpoint = checkpoint,
        }).ConfigureAwait(false);
        return LastReceipt;
    }

    /// <summary>Presses a button (or sends DTMF on a voice channel).</summary>
    public async Task<InboundReceipt> PressAsync(string buttonOrDigits)
    {
        var content = _channel.Media == MediaType.Voice
            ? MessageContent.FromDtmf(buttonOrDigits)
            : new MessageContent { Text = buttonOrDigits, Buttons = [new ActionButton(buttonOrDigits, buttonOrDigits)] };
        LastReceipt = await _channel.ReceiveAsync(new InboundMessage
        {
            Channel = _channel.Name,
            Media = _channel.Media,
            ConversationKey = ConversationKey,
            From = Identity,
            ExternalId = $"{ConversationKey}#{Interlocked.Increment(ref _sequence)}",
            Content = content,
        }).ConfigureAwait(false);
        return LastReceipt;
    }

    /// <summary>Leaves the conversation (hangs up, closes the chat).</summary>
    public async Task<InboundReceipt> LeaveAsync()
    {
        LastReceipt = await _channel.ReceiveAsync(new InboundMessage
        {
            Channel = _channel.Name,
            Media = _channel.Media,
            ConversationKey = ConversationKey,
            From = Identity,
            EndsInteraction = true,
        }).ConfigureAwait(false);
        return LastReceipt;
    }

    /// <summary>Starts a new conversation (a new chat session) on the same channel.</summary>
    public void StartNewConversation() => ConversationKey = $"{Identity}/{Guid.NewGuid():N}";

    /// <summary>Reads the next message the contact center sent; fails with a message naming the customer after the timeout.</summary>
    public async Task<OutboundMessage> ReceiveAsync()
    {
        using var cts = new CancellationTokenSource(_timeout);
        try
        {
            return await _channel.ReadSentAsync(ConversationKey, cts.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            throw new TimeoutException($"Customer {Identity} received nothing on '{_channel.Name}' within {_timeout.TotalSeconds} s.");
        }
    }

    /// <summary>Reads the next message's text.</summary>
    public async Task<string?> ReceiveTextAsync() => (await ReceiveAsync().ConfigureAwait(false)).Content.Text;
}
