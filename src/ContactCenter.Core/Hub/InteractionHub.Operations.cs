using System.Collections.Immutable;
using ContactCenter.Channels;
using ContactCenter.Core.Agents;
using ContactCenter.Core.Diagnostics;
using ContactCenter.Core.Routing;
using ContactCenter.Diagnostics;

namespace ContactCenter.Core.Hub;

internal sealed partial class InteractionHub
{
    public Task<Interaction?> GetInteractionAsync(InteractionId interaction, CancellationToken cancellationToken = default)
        => _store.GetInteractionAsync(interaction, cancellationToken);

    public Task<IReadOnlyList<TimelineEvent>> GetTimelineAsync(InteractionId interaction, CancellationToken cancellationToken = default)
        => _store.GetTimelineAsync(interaction, cancellationToken);

    public QueuePosition? GetQueuePosition(InteractionId interaction) => _router.GetPosition(interaction);

    public Task<Interaction> StartInteractionAsync(NewInteraction request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentException.ThrowIfNullOrWhiteSpace(request.Channel, nameof(request));
        return ExecuteAsync(async tx =>
        {
            if (request.Queue is { } q && !_queues.ContainsKey(q))
            {
                throw new ContactCenterException($"Queue '{q}' is not configured (ContactCenter:Queues).");
            }

            var previous = request.PreviousInteraction is { } p ? await LoadAsync(p).ConfigureAwait(false) : null;
            var owner = await FindOwnerAsync(request.Customer).ConfigureAwait(false);
            var key = request.ConversationKey ?? $"{request.Initiation.ToString().ToLowerInvariant()}/{Guid.NewGuid():N}";
            if (_openByKey.ContainsKey((request.Channel, key)))
            {
                throw new ContactCenterException($"Channel '{request.Channel}' already has an open interaction with conversation key '{key}'.");
            }

            var customer = owner ?? CreateCustomer(tx, request.Customer, null);
            var interaction = new Interaction
            {
                Id = InteractionId.New(tx.Now),
                CustomerId = customer,
                Channel = request.Channel,
                Media = request.Media,
                ConversationKey = key,
                CustomerIdentity = request.Customer,
                Initiation = request.Initiation,
                CreatedAt = tx.Now,
                UpdatedAt = tx.Now,
                PreviousInteractionId = previous?.Id,
                RelatedInteractions = previous is null ? [] : [previous.Id],
                Priority = request.Priority,
                Attributes = request.Attributes,
            };
            Open(tx, interaction);
            if (previous is not null)
            {
                Relate(tx, previous, interaction.Id);
            }

            if (request.FirstMessage is { } first)
            {
                AppendOutbound(tx, interaction, first, null);
            }

            interaction = request.Queue is { } queue
                ? Enqueue(tx, interaction, queue, request.Priority, request.PreferredAgent, request.Initiation.ToString().ToLowerInvariant())
                : RouteNew(tx, interaction);
            return interaction;
        }, cancellationToken);
    }

    public Task LinkInteractionsAsync(InteractionId interaction, InteractionId related, CancellationToken cancellationToken = default)
    {
        if (interaction == related)
        {
            throw new ArgumentException("An interaction cannot be related to itself.", nameof(related));
        }

        return ExecuteAsync(async tx =>
        {
            var a = await LoadAsync(interaction).ConfigureAwait(false);
            var b = await LoadAsync(related).ConfigureAwait(false);
            Relate(tx, a, b.Id);
            Relate(tx, b, a.Id);
            return true;
        }, cancellationToken);
    }

    private void Relate(HubTransaction tx, Interaction interaction, InteractionId other)
    {
        if (interaction.RelatedInteractions.Contains(other))
        {
            return;
        }

        tx.Append(new SystemEvent { Id = TimelineEventId.New(tx.Now), InteractionId = interaction.Id, Timestamp = tx.Now, Kind = "related", Text = other.ToString() });
        Put(tx, interaction with { RelatedInteractions = interaction.RelatedInteractions.Add(other), UpdatedAt = tx.Now });
    }

    public Task LinkCaseAsync(InteractionId interaction, CaseId caseId, CancellationToken cancellationToken = default)
        => ChangeCaseLinkAsync(interaction, caseId, linked: true, cancellationToken);

    public Task UnlinkCaseAsync(InteractionId interaction, CaseId caseId, CancellationToken cancellationToken = default)
        => ChangeCaseLinkAsync(interaction, caseId, linked: false, cancellationToken);

    private Task ChangeCaseLinkAsync(InteractionId interaction, CaseId caseId, bool linked, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(caseId.Value, nameof(caseId));
        return ExecuteAsync(async tx =>
        {
            var current = await LoadAsync(interaction).ConfigureAwait(false);
            if (current.Cases.Contains(caseId) == linked)
            {
                return true;
            }

            tx.Append(new CaseLinkEvent { Id = TimelineEventId.New(tx.Now), InteractionId = interaction, Timestamp = tx.Now, Case = caseId, Linked = linked });
            Put(tx, current with { Cases = linked ? current.Cases.Add(caseId) : current.Cases.Remove(caseId), UpdatedAt = tx.Now });
            return true;
        }, cancellationToken);
    }

    public Task SetAttributeAsync(InteractionId interaction, string key, string? value, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(key);
        return ExecuteAsync(async tx =>
        {
            var current = await LoadAsync(interaction).ConfigureAwait(false);
            tx.Append(new AttributeSetEvent { Id = TimelineEventId.New(tx.Now), InteractionId = interaction, Timestamp = tx.Now, Key = key, Value = value });
            Put(tx, current with
            {
                Attributes = value is null ? current.Attributes.Remove(key) : current.Attributes.SetItem(key, value),
                UpdatedAt = tx.Now,
            });
            return true;
        }, cancellationToken);
    }

    public Task EnqueueAsync(InteractionId interaction, QueueId queue, int priority = 0, AgentId? preferredAgent = null, CancellationToken cancellationToken = default)
        => ExecuteAsync(tx =>
        {
            var current = RequireActive(interaction);
            if (!_queues.ContainsKey(queue))
            {
                throw new ContactCenterException($"Queue '{queue}' is not configured (ContactCenter:Queues).");
            }

            if (!InteractionStateMachine.IsAllowed(current.State, InteractionState.Queued))
            {
                throw new InvalidInteractionTransitionException(interaction, current.State, InteractionState.Queued);
            }

            if (current.State is InteractionState.Queued or InteractionState.Offered && current.Queue == queue && preferredAgent is null)
            {
                // Already waiting there (a flow resumed after a restart enqueues again): keep its place.
                return;
            }

            if (current.State is InteractionState.Queued or InteractionState.Offered)
            {
                // Out of the old queue before into the new one.
                tx.After(() => _router.Remove(interaction));
            }

            Enqueue(tx, current, queue, priority, preferredAgent, "enqueued");
        }, cancellationToken);

    public Task LeaveQueueAsync(InteractionId interaction, string reason, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(reason);
        return ExecuteAsync(tx =>
        {
            var current = RequireActive(interaction);
            if (current.State is not (InteractionState.Queued or InteractionState.Offered))
            {
                throw new InvalidInteractionTransitionException(interaction, current.State, InteractionState.InFlow);
            }

            // Back to its flow: not waiting any more (statistics), never offered again, and a restart resumes the flow.
            var offeredTo = _offeredTo.Remove(interaction, out var agents)
                ? agents.Select(a => GetAgent(a)?.Session).OfType<AgentSession>().ToArray()
                : [];
            Put(tx, Transition(tx, current, InteractionState.InFlow, reason) with { Agent = null });
            tx.After(() =>
            {
                _router.Remove(interaction);
                foreach (var session in offeredTo)
                {
                    session.Notify(new OfferRevokedNotification { InteractionId = interaction, Reason = OfferRevokedReason.LeftQueue });
                }
            });
        }, cancellationToken);
    }

    public Task<MessageEvent> SendAsync(InteractionId interaction, MessageContent content, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(content);
        return ExecuteAsync(tx => ValueTask.FromResult(AppendOutbound(tx, RequireActive(interaction), content, null)), cancellationToken);
    }

    public Task RecordFlowProgressAsync(InteractionId interaction, string flow, string? node, IReadOnlyDictionary<string, string> variables, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(flow);
        ArgumentNullException.ThrowIfNull(variables);
        var snapshot = variables.ToImmutableDictionary();
        // A flow's last save may land after the interaction ended (an agent closed it first): the timeline still takes it.
        return ExecuteAsync(async tx =>
        {
            await LoadAsync(interaction).ConfigureAwait(false);
            tx.Append(new FlowProgressEvent { Id = TimelineEventId.New(tx.Now), InteractionId = interaction, Timestamp = tx.Now, Flow = flow, Node = node, Variables = snapshot });
            return true;
        }, cancellationToken);
    }

    public Task CloseAsync(InteractionId interaction, string reason, CancellationToken cancellationToken = default)
        => ExecuteAsync(tx =>
        {
            var current = RequireActive(interaction);
            Put(tx, Transition(tx, current, InteractionState.Closed, reason));
            var agent = current.Agent;
            tx.After(() =>
            {
                _router.Remove(interaction);
                if (agent is { } a)
                {
                    _router.Release(interaction, a);
                }
            });
            if (agent is { } assigned)
            {
                GetAgent(assigned)?.Assigned.Remove(interaction);
            }
        }, cancellationToken);

    private async ValueTask<Interaction> LoadAsync(InteractionId interaction)
    {
        if (_active.TryGetValue(interaction, out var current))
        {
            return current;
        }

        return await _store.GetInteractionAsync(interaction, _stopping.Token).ConfigureAwait(false)
            ?? throw new ContactCenterException($"Interaction {interaction} does not exist.");
    }

    private MessageEvent AppendOutbound(HubTransaction tx, Interaction interaction, MessageContent content, AgentId? agent)
    {
        var message = new MessageEvent
        {
            Id = TimelineEventId.New(tx.Now),
            InteractionId = interaction.Id,
            Timestamp = tx.Now,
            Direction = MessageDirection.Outbound,
            Content = content,
            Agent = agent,
        };
        tx.Append(message);
        Put(tx, interaction with { UpdatedAt = tx.Now });
        tx.After(() =>
        {
            Interlocked.Increment(ref _messagesOut);
            StartDelivery(interaction, message);
        });
        return message;
    }

    private void StartDelivery(Interaction interaction, MessageEvent message)
    {
        var task = DeliverAsync(interaction, message);
        lock (_deliveries)
        {
            _deliveries.Add(task);
        }

        task.ContinueWith(
            t =>
            {
                lock (_deliveries)
                {
                    _deliveries.Remove(t);
                }

                if (t.Exception is { } failure)
                {
                    // Never drop a delivery silently: whatever escaped DeliverAsync is logged.
                    HubLog.DeliveryCrashed(_logger, message.Id, failure.GetBaseException());
                }
            },
            CancellationToken.None,
            TaskContinuationOptions.ExecuteSynchronously,
            TaskScheduler.Default);
    }

    private async Task DeliverAsync(Interaction interaction, MessageEvent message)
    {
        var attempts = 0;
        DeliveryResult result;
        if (!_connectors.TryGetValue(interaction.Channel, out var connector))
        {
            result = DeliveryResult.Failure($"No channel connector named '{interaction.Channel}' is registered.");
        }
        else
        {
            var outbound = new OutboundMessage
            {
                Id = message.Id,
                InteractionId = interaction.Id,
                ConversationKey = interaction.ConversationKey,
                To = interaction.CustomerIdentity,
                Content = message.Content,
                Agent = message.Agent,
            };
            var delay = _options.DeliveryRetryDelay;
            while (true)
            {
                attempts++;
                try
                {
                    result = await connector.SendAsync(outbound, _stopping.Token).ConfigureAwait(false);
                }
                catch (OperationCanceledException) when (_stopping.IsCancellationRequested)
                {
                    return;
                }
                catch (Exception ex) when (IsRetryable(ex))
                {
                    // Any non-fatal exception (HttpRequestException from an HTTP messenger API, a client's own
                    // time-out surfacing as TaskCanceledException...) is a failed attempt: recorded, logged, retried.
                    result = DeliveryResult.Failure($"{ex.GetType().Name}: {ex.Message}");
                }

                if (result.Delivered || attempts >= _options.DeliveryAttempts || result.Error is null)
                {
                    break;
                }

                HubLog.DeliveryFailed(_logger, message.Id, interaction.Channel, attempts, result.Error);
                try
                {
                    await Task.Delay(delay, _time, _stopping.Token).ConfigureAwait(false);
                }
                catch (OperationCanceledException)
                {
                    return;
                }

                delay += delay;
            }
        }

        ContactCenterTelemetry.OutboundMessages.Add(1,
            new KeyValuePair<string, object?>(ContactCenterDiagnostics.ChannelTag, interaction.Channel),
            new KeyValuePair<string, object?>("error.type", result.Delivered ? null : "delivery_failed"));
        var final = result;
        var count = Math.Max(1, attempts);
        if (!final.Delivered)
        {
            HubLog.DeliveryGaveUp(_logger, message.Id, interaction.Channel, count, final.Error ?? "the channel did not accept it");
        }

        try
        {
            await ExecuteAsync(tx =>
            {
                var delivery = new DeliveryEvent
                {
                    Id = TimelineEventId.New(tx.Now),
                    InteractionId = interaction.Id,
                    Timestamp = tx.Now,
                    MessageId = message.Id,
                    Delivered = final.Delivered,
                    ExternalId = final.ExternalId,
                    Error = final.Error,
                    Attempts = count,
                };
                tx.Append(delivery);
                var agent = _active.GetValueOrDefault(interaction.Id)?.Agent ?? message.Agent;
                if (!final.Delivered && agent is { } a && GetAgent(a)?.Session is { } session)
                {
                    tx.After(() => session.Notify(new DeliveryFailedNotification { InteractionId = interaction.Id, Delivery = delivery }));
                }
            }, CancellationToken.None).ConfigureAwait(false);
        }
        catch (ContactCenterException)
        {
            // Stopping: the message event stays without an outcome; a restart's delivery sweep can retry it.
        }
    }

    /// <summary>Whether a connector's exception is a failed attempt to retry rather than a process-level failure.</summary>
    private static bool IsRetryable(Exception ex)
        => ex is not (OutOfMemoryException or InsufficientExecutionStackException or AccessViolationException);
}
