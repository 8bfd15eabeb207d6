using ContactCenter.Channels;
using ContactCenter.Channels.TestKit;

namespace ContactCenter.Testing.Tests;

/// <summary>The channel connector conformance kit against <see cref="InMemoryChannel"/>, through its channel log.</summary>
public sealed class InMemoryChannelConformanceTests : ChannelConnectorConformanceTests
{
    protected override ValueTask<ChannelTestPeer> CreatePeerAsync(CancellationToken cancellationToken)
        => ValueTask.FromResult<ChannelTestPeer>(new InMemoryPeer());

    private sealed class InMemoryPeer : ChannelTestPeer
    {
        private readonly InMemoryChannel _channel = new("chat", options: new ChannelConnectorOptions
        {
            MinimumRetryDelay = TimeSpan.FromMilliseconds(20),
            MaximumRetryDelay = TimeSpan.FromMilliseconds(200),
        });

        // The channel's log outlives a stop, like a mailbox: a restart starts the same channel again.
        public override IChannelConnector CreateConnector() => _channel;

        public override ValueTask CustomerSendsAsync(string conversation, string text, CancellationToken cancellationToken)
        {
            _channel.Post(new InboundMessage
            {
                Channel = _channel.Name,
                Media = _channel.Media,
                ConversationKey = conversation,
                From = CustomerIdentity.WebVisitor(conversation),
                ExternalId = Guid.NewGuid().ToString("N"),
                Content = new MessageContent { Text = text },
            });
            return ValueTask.CompletedTask;
        }

        public override ValueTask<IReadOnlyList<string>> ReceivedByCustomerAsync(string conversation, CancellationToken cancellationToken)
            => ValueTask.FromResult<IReadOnlyList<string>>(
                _channel.Sent.Where(m => m.ConversationKey == conversation).Select(m => m.Content.Text ?? "").ToList());

        public override ValueTask<bool> BreakSendingAsync(CancellationToken cancellationToken)
        {
            _channel.FailNextSends(int.MaxValue);
            return ValueTask.FromResult(true);
        }

        public override ValueTask RestoreSendingAsync(CancellationToken cancellationToken)
        {
            _channel.FailNextSends(0);
            return ValueTask.CompletedTask;
        }
    }
}
