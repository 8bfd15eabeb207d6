using ContactCenter.Routing.Internal;

namespace ContactCenter.Routing;

// The matching loop: ring ingestion, turn taking, deferred handler events and the clock.
public sealed partial class RoutingEngine
{
    private int _loopFlag;
    private int _loopThread;
    private volatile bool _disposed;
    private long _scheduledDue = long.MaxValue;

    private readonly List<(EventKind Kind, int Index)> _eventOrder = [];
    private readonly List<OfferEventArgs> _offerEvents = [];
    private readonly List<OfferEndedEventArgs> _endedEvents = [];
    private readonly List<OfferAcceptedEventArgs> _acceptedEvents = [];
    private readonly List<InteractionRejectedEventArgs> _rejectedEvents = [];
    private readonly List<InteractionMovedEventArgs> _movedEvents = [];
    private readonly List<InteractionEscalatedEventArgs> _escalatedEvents = [];
    private readonly List<AgentStatusChangedEventArgs> _statusEvents = [];
    private readonly List<CommandFailedEventArgs> _failedEvents = [];
    private readonly List<(Action<AgentSelectedArguments> Callback, AgentSelectedArguments Args)> _selectedEvents = [];
    private bool _flushing;

    // Events a handler does not override are not even queued: status changes happen twice per decision.
    private readonly bool _wantsEnded;
    private readonly bool _wantsAccepted;
    private readonly bool _wantsRejected;
    private readonly bool _wantsMoved;
    private readonly bool _wantsEscalated;
    private readonly bool _wantsStatus;
    private readonly bool _wantsFailed;

    private static bool Overrides(RoutingHandler handler, string method) =>
        handler.GetType().GetMethod(method)?.DeclaringType != typeof(RoutingHandler);

    private enum EventKind : byte
    {
        Offer,
        Ended,
        Accepted,
        Rejected,
        Moved,
        Escalated,
        Status,
        Failed,
        Selected,
    }

    private RoutingResult Post(in Command command)
    {
        if (_disposed)
        {
            return new RoutingResult(RoutingStatus.Disposed);
        }

        if (!_ring.TryWrite(command))
        {
            // Full: help drain, then try again a few times before pushing back on the caller.
            bool written = false;
            for (int i = 0; i < 64 && !written; i++)
            {
                Pump();
                written = _ring.TryWrite(command);
                if (!written)
                {
                    Thread.Yield();
                }
            }

            if (!written)
            {
                return new RoutingResult(RoutingStatus.Backpressure);
            }
        }

        Pump();
        return RoutingResult.Ok;
    }

    /// <summary>Runs the loop if nobody does; otherwise returns at once (the running loop will see our command).</summary>
    private void Pump()
    {
        while (Interlocked.CompareExchange(ref _loopFlag, 1, 0) == 0)
        {
            _loopThread = Environment.CurrentManagedThreadId;
            try
            {
                RunLoop();
            }
            finally
            {
                _loopThread = 0;
                Interlocked.Exchange(ref _loopFlag, 0);
            }

            // A producer that published after our last read but failed its CAS relies on this re-check.
            if (!_ring.HasPending)
            {
                return;
            }
        }
    }

    /// <summary>
    /// Applies every published command, then whatever timers are due. The clock is read once per 32 commands
    /// (reading it is the single most expensive step of a small command), or taken from the caller.
    /// </summary>
    private void RunLoop(long now = long.MinValue)
    {
        int executed = 0;
        while (_ring.TryRead(out var command))
        {
            if ((executed++ & 31) == 0)
            {
                now = Now();
            }

            Execute(command, now);
            FlushEvents();
        }

        if (now == long.MinValue)
        {
            now = Now();
        }

        if (_timers.PeekDue <= now)
        {
            ProcessDueTimers(now);
            FlushEvents();
        }

        ScheduleTimer(now);
    }

    /// <summary>
    /// Takes the loop's turn for an operation that must answer. Returns true if the caller already had it.
    /// Every command claimed in the ring before this call is applied first, so a thread always sees its own
    /// earlier commands (a cancel right after an enqueue finds the interaction, and no ghost offer follows).
    /// </summary>
    private bool EnterTurn()
    {
        int me = Environment.CurrentManagedThreadId;
        if (_loopThread == me && Volatile.Read(ref _loopFlag) == 1)
        {
            // A handler asking: what it posted just before waits in the ring, because its Post found the loop
            // taken (by itself). Apply it now. Never in the middle of a decision (a strategy callback): only
            // between events, where the state is consistent; the new events join the flush under way.
            if (_flushing)
            {
                ApplyClaimedCommands();
            }

            return true;
        }

        var spin = default(SpinWait);
        while (Interlocked.CompareExchange(ref _loopFlag, 1, 0) != 0)
        {
            // Never Sleep(1): the turn is usually free again within a microsecond.
            spin.SpinOnce(sleep1Threshold: -1);
        }

        _loopThread = me;
        ApplyClaimedCommands();
        return false;
    }

    /// <summary>
    /// Applies every command whose slot was claimed before now, also one behind a slot another producer claimed
    /// but has not published yet: reading only what is published would stop at that gap and answer from the
    /// state before the caller's own commands.
    /// </summary>
    private void ApplyClaimedCommands()
    {
        long claimed = _ring.Claimed;
        long now = long.MinValue;
        int executed = 0;
        while (_ring.TryReadBefore(claimed, out var command))
        {
            if ((executed++ & 31) == 0)
            {
                now = Now();
            }

            Execute(command, now);
            FlushEvents();
        }
    }

    private void ExitTurn(bool reentrant, long now = long.MinValue)
    {
        if (reentrant)
        {
            return;
        }

        try
        {
            FlushEvents();
            RunLoop(now);
        }
        finally
        {
            _loopThread = 0;
            Interlocked.Exchange(ref _loopFlag, 0);
        }

        if (_ring.HasPending)
        {
            Pump();
        }
    }

    private void Execute(in Command c, long now)
    {
        switch (c.Kind)
        {
            case CommandKind.Enqueue:
                DoEnqueue(c, now);
                break;
            case CommandKind.Decline:
                DoDecline(c, now);
                break;
            case CommandKind.Complete:
                DoComplete(c.Id, now);
                break;
            case CommandKind.EndWrapUp:
                DoEndWrapUp(c.Id, now);
                break;
            case CommandKind.SetPresence:
                if (_agents.TryGetValue(new AgentSlot(c.Int1), out var agent))
                {
                    SetPresenceCore(agent, (AgentPresence)c.Int2, c.Payload as string, now);
                }
                else
                {
                    Fail("SetAgentPresence", c.Int1, RoutingStatus.AgentNotFound);
                }

                break;
            case CommandKind.Tick:
                _scheduledDue = long.MaxValue;
                ProcessDueTimers(now);
                break;
        }
    }

    private void OnTimer()
    {
        Post(new Command { Kind = CommandKind.Tick });
    }

    private void ProcessDueTimers(long now)
    {
        while (_timers.PeekDue <= now)
        {
            var item = _timers.Peek();
            _timers.Set(item, long.MaxValue);
            if (item is OfferNode offer)
            {
                OfferFailed(offer, OfferEndReason.TimedOut, now);
            }
            else
            {
                OnInteractionTimer((InteractionNode)item, now);
            }
        }
    }

    private void ScheduleTimer(long now)
    {
        if (_timer is null || _disposed)
        {
            return;
        }

        long due = _timers.PeekDue;
        if (due == long.MaxValue || (due >= _scheduledDue && _scheduledDue > now))
        {
            return;
        }

        _scheduledDue = due;

        // Events of this turn were delivered before this point and their handlers may have let time move on
        // (a test advancing a fake clock): measure the delay from the clock as it is now.
        long delay = Math.Max(due - Math.Max(now, Now()), TimeSpan.TicksPerMillisecond);
        _timer.Change(TimeSpan.FromTicks(delay), Timeout.InfiniteTimeSpan);
    }

    private void Fail(string command, long subject, RoutingStatus status)
    {
        if (!_wantsFailed)
        {
            return;
        }

        _eventOrder.Add((EventKind.Failed, _failedEvents.Count));
        _failedEvents.Add(new CommandFailedEventArgs { Command = command, Subject = subject, Status = status });
    }

    private void Raise(in OfferEventArgs e)
    {
        _eventOrder.Add((EventKind.Offer, _offerEvents.Count));
        _offerEvents.Add(e);
    }

    private void Raise(in OfferEndedEventArgs e)
    {
        if (!_wantsEnded)
        {
            return;
        }

        _eventOrder.Add((EventKind.Ended, _endedEvents.Count));
        _endedEvents.Add(e);
    }

    private void Raise(in OfferAcceptedEventArgs e)
    {
        if (!_wantsAccepted)
        {
            return;
        }

        _eventOrder.Add((EventKind.Accepted, _acceptedEvents.Count));
        _acceptedEvents.Add(e);
    }

    private void Raise(in InteractionRejectedEventArgs e)
    {
        if (!_wantsRejected)
        {
            return;
        }

        _eventOrder.Add((EventKind.Rejected, _rejectedEvents.Count));
        _rejectedEvents.Add(e);
    }

    private void Raise(in InteractionMovedEventArgs e)
    {
        if (!_wantsMoved)
        {
            return;
        }

        _eventOrder.Add((EventKind.Moved, _movedEvents.Count));
        _movedEvents.Add(e);
    }

    private void Raise(in InteractionEscalatedEventArgs e)
    {
        if (!_wantsEscalated)
        {
            return;
        }

        _eventOrder.Add((EventKind.Escalated, _escalatedEvents.Count));
        _escalatedEvents.Add(e);
    }

    private void Raise(in AgentStatusChangedEventArgs e)
    {
        if (!_wantsStatus)
        {
            return;
        }

        _eventOrder.Add((EventKind.Status, _statusEvents.Count));
        _statusEvents.Add(e);
    }

    private void Raise(Action<AgentSelectedArguments> callback, in AgentSelectedArguments e)
    {
        _eventOrder.Add((EventKind.Selected, _selectedEvents.Count));
        _selectedEvents.Add((callback, e));
    }

    /// <summary>
    /// Delivers the events of the command just applied. Handlers run only here, after the state is
    /// consistent, so a handler calling back into the engine never sees a half-applied decision.
    /// </summary>
    private void FlushEvents()
    {
        if (_flushing || _eventOrder.Count == 0)
        {
            return;
        }

        _flushing = true;
        try
        {
            for (int i = 0; i < _eventOrder.Count; i++)
            {
                var (kind, index) = _eventOrder[i];
                try
                {
                    switch (kind)
                    {
                        case EventKind.Offer:
                            var offer = _offerEvents[index];
                            _handler.OnOffer(in offer);
                            break;
                        case EventKind.Ended:
                            var ended = _endedEvents[index];
                            _handler.OnOfferEnded(in ended);
                            break;
                        case EventKind.Accepted:
                            var accepted = _acceptedEvents[index];
                            _handler.OnOfferAccepted(in accepted);
                            break;
                        case EventKind.Rejected:
                            var rejected = _rejectedEvents[index];
                            _handler.OnInteractionRejected(in rejected);
                            break;
                        case EventKind.Moved:
                            var moved = _movedEvents[index];
                            _handler.OnInteractionMoved(in moved);
                            break;
                        case EventKind.Escalated:
                            var escalated = _escalatedEvents[index];
                            _handler.OnInteractionEscalated(in escalated);
                            break;
                        case EventKind.Status:
                            var status = _statusEvents[index];
                            _handler.OnAgentStatusChanged(in status);
                            break;
                        case EventKind.Failed:
                            var failed = _failedEvents[index];
                            _handler.OnCommandFailed(in failed);
                            break;
                        case EventKind.Selected:
                            var (callback, args) = _selectedEvents[index];
                            callback(args);
                            break;
                    }
                }
                catch (Exception ex)
                {
                    try
                    {
                        _handler.OnHandlerError(ex);
                    }
                    catch (Exception)
                    {
                        // The error handler itself failed; routing must go on regardless.
                    }
                }
            }
        }
        finally
        {
            _eventOrder.Clear();
            _offerEvents.Clear();
            _endedEvents.Clear();
            _acceptedEvents.Clear();
            _rejectedEvents.Clear();
            _movedEvents.Clear();
            _escalatedEvents.Clear();
            _statusEvents.Clear();
            _failedEvents.Clear();
            _selectedEvents.Clear();
            _flushing = false;
        }
    }
}
