
namespace ContactCenter.Testing;

/// <summary>An agent in a test: waits for offers and messages, accepts, replies and wraps up.</summary>
public sealed class ScriptedAgent
{
    private readonly TimeSpan _timeout;

    internal ScriptedAgent(AgentSession session, TimeSpan timeout)
    {
        Session = session;
        _timeout = timeout;
    }

    /// <summary>The underlying session.</summary>
    public AgentSession Session { get; }

    /// <summary>The agent's id.</summary>
    public AgentId Id => Session.AgentId;

    /// <summary>Waits for the next notification of type <typeparamref name="T"/>, skipping others.</summary>
    public async Task<T> WaitForAsync<T>()
        where T : AgentNotification
    {
        using var cts = new CancellationTokenSource(_timeout);
        try
        {
            while (true)
            {
                var next = await Session.Notifications.ReadAsync(cts.Token).ConfigureAwait(false);
                if (next is T match)
                {
                    return match;
                }
            }
        }
        catch (OperationCanceledException)
        {
            throw new TimeoutException($"Agent '{Id}' waited {_timeout.TotalSeconds} s for a {typeof(T).Name} and got none.");
        }
    }

    /// <summary>Waits for an offer and accepts it.</summary>
    public async Task<Interaction> AcceptNextOfferAsync()
    {
        var offer = await WaitForAsync<OfferNotification>().ConfigureAwait(false);
        return await Session.AcceptAsync(offer.InteractionId).ConfigureAwait(false);
    }

    /// <summary>Waits for the next customer message and returns its text.</summary>
    public async Task<string?> ReceiveTextAsync() => (await WaitForAsync<MessageNotification>().ConfigureAwait(false)).Message.Content.Text;

    /// <summary>Replies with text.</summary>
    public Task<MessageEvent> ReplyAsync(InteractionId interaction, string text) => Session.ReplyAsync(interaction, text);

    /// <summary>Wraps up with a code and closes the interaction.</summary>
    public Task WrapUpAsync(InteractionId interaction, string code, string? notes = null) => Session.WrapUpAsync(interaction, code, notes);
}
