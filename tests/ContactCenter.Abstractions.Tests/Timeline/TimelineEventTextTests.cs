using System.Collections.Immutable;

namespace ContactCenter.Abstractions.Tests.Timeline;

/// <summary>Timeline events print as sentences a person reads in a log or a debugger, never as type names.</summary>
public class TimelineEventTextTests
{
    private static readonly InteractionId s_interaction = new(Guid.Parse("11111111-2222-3333-4444-555555555555"));
    private static readonly TimelineEventId s_id = new(Guid.Parse("aaaaaaaa-bbbb-cccc-dddd-eeeeeeeeeeee"));
    private static readonly DateTimeOffset s_at = new(2026, 12, 2, 17, 5, 19, TimeSpan.FromHours(1));
    private const string Prefix = "2026-12-02 16:05:19.000 UTC, interaction 11111111222233334444555555555555: ";

    [Fact]
    public void ToString_MessageWithAttachmentAndButtons_ReadsAsASentence()
    {
        var e = new MessageEvent
        {
            Id = s_id, InteractionId = s_interaction, Timestamp = s_at, Direction = MessageDirection.Inbound,
            Content = new MessageContent
            {
                Text = "Where is my order?",
                Attachments = [new AttachmentReference("invoice.pdf", "application/pdf", 10, new Uri("https://example.com/i"))],
                Buttons = [new ActionButton("y", "Yes"), new ActionButton("n", "No")],
            },
        };

        Assert.Equal(Prefix + "message from the customer: \"Where is my order?\" with 1 attachment (invoice.pdf) and buttons Yes, No.", e.ToString());
        Assert.DoesNotContain("ImmutableArray", e.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void ToString_FlowProgressWithVariables_ListsThemSortedByName()
    {
        var e = new FlowProgressEvent
        {
            Id = s_id, InteractionId = s_interaction, Timestamp = s_at, Flow = "shop", Node = "menu",
            Variables = ImmutableDictionary<string, string>.Empty.Add("order", "42").Add("lang", "en"),
        };

        Assert.Equal(Prefix + "flow 'shop' reached node 'menu' with lang = 'en', order = '42'.", e.ToString());
    }

    [Fact]
    public void ToString_StateChanged_NamesBothStatesReasonQueueAndAgent()
    {
        var e = new StateChangedEvent
        {
            Id = s_id, InteractionId = s_interaction, Timestamp = s_at, From = InteractionState.Offered, To = InteractionState.Queued,
            Reason = "offer-timeout", Queue = new QueueId("billing"), Agent = new AgentId("bob"),
        };

        Assert.Equal(Prefix + "state changed from Offered to Queued because of offer-timeout, queue billing, agent bob.", e.ToString());
    }

    [Fact]
    public void ToString_FailedDelivery_SaysAttemptsAndError()
    {
        var e = new DeliveryEvent
        {
            Id = s_id, InteractionId = s_interaction, Timestamp = s_at, MessageId = s_id, Delivered = false, Attempts = 3, Error = "timeout",
        };

        Assert.Equal(Prefix + "message aaaaaaaabbbbccccddddeeeeeeeeeeee not delivered after 3 attempts: timeout.", e.ToString());
    }

    [Fact]
    public void ToString_EveryOtherEvent_StartsWithTimeAndInteractionAndNamesNoType()
    {
        TimelineEvent[] events =
        [
            new InteractionCreatedEvent { Id = s_id, InteractionId = s_interaction, Timestamp = s_at, Channel = "web", Media = MediaType.Chat, CustomerId = new CustomerId(Guid.Empty), CustomerIdentity = CustomerIdentity.Telegram(7), ConversationKey = "c-1" },
            new CaseLinkEvent { Id = s_id, InteractionId = s_interaction, Timestamp = s_at, Case = new CaseId("C-9") },
            new WrapUpEvent { Id = s_id, InteractionId = s_interaction, Timestamp = s_at, Agent = new AgentId("bob"), Code = "resolved" },
            new AttributeSetEvent { Id = s_id, InteractionId = s_interaction, Timestamp = s_at, Key = "vip", Value = "yes" },
            new SystemEvent { Id = s_id, InteractionId = s_interaction, Timestamp = s_at, Kind = "note", Text = "called back" },
            new RoutingDecisionEvent { Id = s_id, InteractionId = s_interaction, Timestamp = s_at, Agent = new AgentId("bob"), Decision = new RoutingDecision { Rule = RoutingDecisionRule.PreferredAgent } },
        ];

        string[] expected =
        [
            "opened on channel 'web' (Chat) by customer telegram:7 (conversation 'c-1', " + default(InitiationKind) + ").",
            "linked to case C-9.",
            "agent bob wrapped up with code 'resolved'.",
            "attribute 'vip' set to 'yes'.",
            "system notice 'note': called back.",
            "routed to agent bob. Offered to the interaction's preferred agent.",
        ];
        Assert.Equal(expected.Select(e => Prefix + e), events.Select(e => e.ToString()));
    }
}
