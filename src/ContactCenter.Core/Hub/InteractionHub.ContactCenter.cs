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
            if (_active.TryGetOpen(request.Channel, key, out _))
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
            _delivery.Start(interaction, message);
        });
        return message;
    }
}
