using ContactCenter.Channels;
using ContactCenter.Core.Agents;
using ContactCenter.Core.Diagnostics;
using ContactCenter.Core.Routing;
using ContactCenter.Diagnostics;

namespace ContactCenter.Core.Hub;

internal sealed partial class InteractionHub
{
    public ValueTask<InboundReceipt> AcceptAsync(InboundMessage message, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(message);
        var problem = InboundRules.Validate(message);
        if (problem is null && !_delivery.HasConnector(message.Channel))
        {
            // Replies to such an interaction could never be sent: refuse it before anything is stored.
            problem = $"InboundMessage.Channel '{message.Channel}' names no registered channel connector.";
        }

        if (problem is not null)
        {
            HubLog.InboundRejected(_logger, problem);
            throw new ArgumentException(problem, nameof(message));
        }

        // Checked before the message is queued: if this throws, nothing was written (IInboundSink's contract).
        cancellationToken.ThrowIfCancellationRequested();
        var clean = InboundRules.Sanitize(message);
        return new ValueTask<InboundReceipt>(ExecuteAsync(tx => IngestAsync(tx, clean), cancellationToken, clean));
    }

    /// <summary>
    /// The sink handed to one connector: a message must carry the connector's own name and media, so that a
    /// connector cannot open interactions that belong to (and would be answered through) another channel.
    /// </summary>
    internal IInboundSink SinkFor(IChannelConnector connector)
    {
        ArgumentNullException.ThrowIfNull(connector);
        return new ConnectorSink(this, connector.Name, connector.Media);
    }

    private sealed class ConnectorSink(InteractionHub hub, string channel, MediaType media) : IInboundSink
    {
        public ValueTask<InboundReceipt> AcceptAsync(InboundMessage message, CancellationToken cancellationToken)
        {
            ArgumentNullException.ThrowIfNull(message);
            string? problem = null;
            if (!string.Equals(message.Channel, channel, StringComparison.Ordinal))
            {
                problem = $"InboundMessage.Channel '{message.Channel}' is not the name of the connector that received it ('{channel}').";
            }
            else if (message.Media != media)
            {
                problem = $"InboundMessage.Media {message.Media} is not the media of connector '{channel}' ({media}).";
            }

            if (problem is not null)
            {
                HubLog.InboundRejected(hub._logger, problem);
                throw new ArgumentException(problem, nameof(message));
            }

            return hub.AcceptAsync(message, cancellationToken);
        }
    }

    private async ValueTask<InboundReceipt> IngestAsync(HubTransaction tx, InboundMessage m)
    {
        if (m.ExternalId is { } externalId
            && (tx.InboundKeys.Contains((m.Channel, externalId)) || tx.KnownInbound.Contains((m.Channel, externalId))))
        {
            if (m.Checkpoint is { } checkpoint)
            {
                await AdvanceCheckpointAsync(tx, m.Channel, checkpoint, duplicate: true).ConfigureAwait(false);
            }

            return new InboundReceipt(default, default, default, NewInteraction: false, Duplicate: true);
        }

        // Reads first; nothing below may fail after the first mutation.
        var customerId = await FindOwnerAsync(m.From).ConfigureAwait(false);
        var checkpointMoves = m.Checkpoint is { } position && await CheckpointMovesAsync(m.Channel, position, duplicate: false).ConfigureAwait(false);
        var isNew = !_active.TryGetOpen(m.Channel, m.ConversationKey, out var interactionId);

        customerId ??= CreateCustomer(tx, m.From, m.DisplayName);
        Interaction interaction;
        if (isNew)
        {
            interaction = new Interaction
            {
                Id = InteractionId.New(tx.Now),
                CustomerId = customerId.Value,
                Channel = m.Channel,
                Media = m.Media,
                ConversationKey = m.ConversationKey,
                CustomerIdentity = m.From,
                CreatedAt = tx.Now,
                UpdatedAt = tx.Now,
                Tenant = m.Tenant,
                Attributes = m.Attributes,
            };
            Open(tx, interaction);
        }
        else
        {
            interaction = _active.GetValueOrDefault(interactionId)!;
        }

        MessageEvent? message = null;
        if (!m.EndsInteraction || HasContent(m.Content))
        {
            message = new MessageEvent
            {
                Id = TimelineEventId.New(tx.Now),
                InteractionId = interaction.Id,
                Timestamp = tx.Now,
                Direction = MessageDirection.Inbound,
                Content = m.Content,
                ExternalId = m.ExternalId,
            };
            tx.Append(message);
            interaction = interaction with { UpdatedAt = tx.Now };
            Put(tx, interaction);
            var channel = m.Channel;
            tx.After(() =>
            {
                Interlocked.Increment(ref _messagesIn);
                ContactCenterTelemetry.InboundMessages.Add(1, new KeyValuePair<string, object?>(ContactCenterDiagnostics.ChannelTag, channel));
            });
        }

        if (m.ExternalId is { } key)
        {
            tx.RecordInboundKey(m.Channel, key);
        }

        if (checkpointMoves)
        {
            SetCheckpoint(tx, m.Channel, m.Checkpoint!);
        }

        if (isNew)
        {
            interaction = RouteNew(tx, interaction);
        }

        if (m.EndsInteraction)
        {
            CustomerLeft(tx, interaction);
        }
        else if (message is not null && !isNew)
        {
            DeliverToHandler(tx, interaction, message);
        }

        return new InboundReceipt(interaction.Id, customerId.Value, message?.Id ?? default, isNew, Duplicate: false);
    }

    private async ValueTask AdvanceCheckpointAsync(HubTransaction tx, string channel, string position, bool duplicate)
    {
        if (await CheckpointMovesAsync(channel, position, duplicate).ConfigureAwait(false))
        {
            SetCheckpoint(tx, channel, position);
        }
    }

    private void SetCheckpoint(HubTransaction tx, string channel, string position)
    {
        tx.SetCheckpoint(channel, position);
        _checkpoints[channel] = position;
    }

    /// <summary>
    /// Whether <paramref name="position"/> may replace the channel's checkpoint: checkpoints only move forward.
    /// Two numeric positions (IMAP UID, update offset) are compared as numbers; an opaque position is the
    /// connector's decision when it comes with a new message, while a redelivered (duplicate) message never moves
    /// an opaque checkpoint, since it covers a position already passed.
    /// </summary>
    private async ValueTask<bool> CheckpointMovesAsync(string channel, string position, bool duplicate)
    {
        if (!_checkpoints.TryGetValue(channel, out var current))
        {
            current = await _store.GetCheckpointAsync(channel, _stopping.Token).ConfigureAwait(false);
            _checkpoints[channel] = current;
        }

        if (current is null)
        {
            return true;
        }

        if (CompareNumeric(current, position) is { } order)
        {
            return order < 0;
        }

        return !duplicate && !string.Equals(current, position, StringComparison.Ordinal);
    }

    /// <summary>Compares two positions made of ASCII digits as numbers of any length; <see langword="null"/> if either is not one.</summary>
    private static int? CompareNumeric(string a, string b)
    {
        if (!IsDigits(a) || !IsDigits(b))
        {
            return null;
        }

        var x = a.AsSpan().TrimStart('0');
        var y = b.AsSpan().TrimStart('0');
        return x.Length != y.Length ? x.Length.CompareTo(y.Length) : x.SequenceCompareTo(y);

        static bool IsDigits(string s) => s.Length > 0 && !s.AsSpan().ContainsAnyExceptInRange('0', '9');
    }

    /// <summary>Records a new interaction: its created event, its projection, the opened counter.</summary>
    private void Open(HubTransaction tx, Interaction interaction)
    {
        tx.Append(new InteractionCreatedEvent
        {
            Id = TimelineEventId.New(tx.Now),
            InteractionId = interaction.Id,
            Timestamp = tx.Now,
            Channel = interaction.Channel,
            Media = interaction.Media,
            CustomerId = interaction.CustomerId,
            CustomerIdentity = interaction.CustomerIdentity,
            ConversationKey = interaction.ConversationKey,
            Initiation = interaction.Initiation,
            PreviousInteractionId = interaction.PreviousInteractionId,
        });
        Put(tx, interaction);
        var channel = interaction.Channel;
        tx.After(() => ContactCenterTelemetry.InteractionsOpened.Add(1, new KeyValuePair<string, object?>(ContactCenterDiagnostics.ChannelTag, channel)));
    }

    private static bool HasContent(MessageContent c)
        => c.Text is not null || c.Html is not null || c.Dtmf is not null || !c.Attachments.IsDefaultOrEmpty || !c.Buttons.IsDefaultOrEmpty;

    private void DeliverToHandler(HubTransaction tx, Interaction interaction, MessageEvent message)
    {
        // One path to a flow in every state it may have the customer in: in its flow, or waiting with it in a queue
        // (leave choices, answers to the leave option); the launcher ignores interactions without a running flow.
        if (_flows is not null && interaction.State is InteractionState.InFlow or InteractionState.Queued or InteractionState.Offered)
        {
            tx.After(() => _flows.OnMessage(interaction, message));
        }

        switch (interaction.State)
        {
            case InteractionState.Connected or InteractionState.WrapUp or InteractionState.Offered when interaction.Agent is { } agent:
                if (GetAgent(agent)?.Session is { } session)
                {
                    tx.After(() => session.Notify(new MessageNotification { InteractionId = interaction.Id, Message = message }));
                }

                break;
        }
    }

    /// <summary>A new interaction goes to its flow, or straight to its channel's queue.</summary>
    private Interaction RouteNew(HubTransaction tx, Interaction interaction)
    {
        var flow = _flows?.SelectFlow(interaction);
        if (flow is not null)
        {
            var inFlow = Transition(tx, interaction, InteractionState.InFlow, "flow:" + flow);
            Put(tx, inFlow);
            tx.After(() => _flows!.Start(inFlow, flow, resume: false));
            return inFlow;
        }

        if (QueueFor(interaction) is { } queue)
        {
            return Enqueue(tx, interaction, queue, interaction.Priority, null, "entry");
        }

        HubLog.NoQueue(_logger, interaction.Id, interaction.Channel);
        return interaction;
    }

    private QueueId? QueueFor(Interaction interaction) => _options.QueueForChannel(interaction.Channel);

    private Interaction Enqueue(HubTransaction tx, Interaction interaction, QueueId queue, int priority, AgentId? preferred, string reason)
    {
        var definition = _queues[queue];
        var queued = Transition(tx, interaction, InteractionState.Queued, reason, queue: queue) with
        {
            Queue = queue,
            Agent = null,
            Priority = priority + definition.Priority,
            Tenant = interaction.Tenant ?? definition.Tenant,
        };
        Put(tx, queued);
        var request = new RoutingRequest(queued.Id, queue, queued.Media, queued.Tenant, queued.Priority, tx.Now, preferred);
        tx.After(() => _router.Enqueue(request));
        return queued;
    }

    private void CustomerLeft(HubTransaction tx, Interaction interaction)
    {
        switch (interaction.State)
        {
            case InteractionState.New or InteractionState.InFlow or InteractionState.Queued or InteractionState.Offered:
                var offeredTo = _active.OfferedTo.Remove(interaction.Id, out var agents)
                    ? agents.Select(a => GetAgent(a)?.Session).OfType<AgentSession>().ToArray()
                    : [];
                Put(tx, Transition(tx, interaction, InteractionState.Abandoned, "customer-left"));
                tx.After(() =>
                {
                    _router.Remove(interaction.Id);
                    foreach (var session in offeredTo)
                    {
                        session.Notify(new OfferRevokedNotification { InteractionId = interaction.Id, Reason = OfferRevokedReason.Abandoned });
                    }
                });
                break;
            case InteractionState.Connected:
                Put(tx, Transition(tx, interaction, InteractionState.WrapUp, "customer-left"));
                if (interaction.Agent is { } a && GetAgent(a)?.Session is { } s)
                {
                    tx.After(() => s.Notify(new InteractionEndedNotification { InteractionId = interaction.Id, Reason = "customer-left" }));
                }

                break;
        }
    }

    private async ValueTask<CustomerId?> FindOwnerAsync(CustomerIdentity identity)
    {
        if (_identities.TryGetValue(identity, out var cached))
        {
            return cached;
        }

        var found = await _store.FindCustomerAsync(identity, _stopping.Token).ConfigureAwait(false);
        if (found is { } id)
        {
            if (_identities.Count > 100_000)
            {
                _identities.Clear();
            }

            _identities[identity] = id;
        }

        return found;
    }

    private CustomerId CreateCustomer(HubTransaction tx, CustomerIdentity identity, string? displayName)
    {
        var customer = new Customer { Id = CustomerId.New(tx.Now), CreatedAt = tx.Now, DisplayName = displayName };
        tx.Put(customer);
        tx.Own(identity, customer.Id);
        tx.Append(new CustomerCreatedEvent
        {
            Id = TimelineEventId.New(tx.Now),
            CustomerId = customer.Id,
            Timestamp = tx.Now,
            Identity = identity,
            Actor = "system",
        });
        _identities[identity] = customer.Id;
        return customer.Id;
    }

    /// <summary>Records a state change on the timeline and returns the new projection (not yet put).</summary>
    private static Interaction Transition(HubTransaction tx, Interaction interaction, InteractionState to, string? reason, QueueId? queue = null, AgentId? agent = null)
    {
        var next = interaction.TransitionTo(to, tx.Now);
        tx.Append(new StateChangedEvent
        {
            Id = TimelineEventId.New(tx.Now),
            InteractionId = interaction.Id,
            Timestamp = tx.Now,
            From = interaction.State,
            To = to,
            Reason = reason,
            Queue = queue ?? interaction.Queue,
            Agent = agent ?? interaction.Agent,
        });
        return next;
    }

    /// <summary>Puts a projection in the transaction and in the loop's view of active interactions.</summary>
    private void Put(HubTransaction tx, Interaction interaction)
    {
        var waitedBefore = _active.WaitingSince(interaction.Id);
        interaction = _active.Put(tx, interaction);
        if (_active.WaitingSince(interaction.Id) is { } since && since != waitedBefore
            && interaction.Queue is { } queue && _queues.TryGetValue(queue, out var definition) && definition.ServiceLevelTarget > TimeSpan.Zero)
        {
            var id = interaction.Id;
            tx.After(() => WatchServiceLevel(id, queue, since, definition.ServiceLevelTarget));
        }
    }

    private AgentRuntime? GetAgent(AgentId agent) => _agents.GetValueOrDefault(agent);
}
