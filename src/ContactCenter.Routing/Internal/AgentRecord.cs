namespace ContactCenter.Routing.Internal;

/// <summary>One agent's routing state. Touched only by the matching loop.</summary>
internal sealed class AgentRecord
{
    public AgentRecord(AgentSlot id, int index)
    {
        Id = id;
        Index = index;
    }

    public AgentSlot Id { get; }

    /// <summary>Dense index, used as the final tie-breaker so that every order is total and deterministic.</summary>
    public int Index { get; }

    public TenantSlot[] Tenants = [];
    public Dictionary<int, int> Skills = [];
    public string[] Languages = [];
    // Inline arrays: the counters live inside the agent object, so checking capacity touches one cache line.
    public MediaCounts Capacity;

    /// <summary>Offered + connected + wrap-up interactions per medium.</summary>
    public MediaCounts Load;
    public int TotalCapacity;
    public int TotalLoad;
    public bool CallInterruptsChats = true;
    public double Weight = 1;

    /// <summary>Agent-specific wrap-up in ticks, or -1 for the queue's.</summary>
    public long WrapUpTicks = -1;

    public AgentPresence Presence;
    public string? PresenceReason;
    public long IdleSince;
    public long TalkTicks;
    public long LastOfferSequence;
    public int Missed;
    public long Assigned;
    public int OfferedCount;
    public int ConnectedCount;
    public int WrapUpCount;
    public bool Removed;
    public AgentStatus LastStatus;

    /// <summary>Weighted-random race state: the agent's current arrival time and the offer it was drawn after.</summary>
    public double RandomKey;
    public long RandomSequence = -1;

    public Membership[] Memberships = [];
    public int MembershipCount;

    /// <summary>Interactions waiting for this agent specifically, per medium (created on first use).</summary>
    public readonly InteractionHeap?[] Preferred = new InteractionHeap?[4];

    /// <summary>Head of the list of offers this agent holds.</summary>
    public OfferNode? Offers;

    public AgentStatus Status =>
        Presence switch
        {
            AgentPresence.Offline => AgentStatus.Offline,
            AgentPresence.Break => AgentStatus.Break,
            AgentPresence.Away => AgentStatus.Away,
            _ => OfferedCount + ConnectedCount > 0 ? AgentStatus.Busy : WrapUpCount > 0 ? AgentStatus.WrapUp : AgentStatus.Available,
        };

    /// <summary>Whether one more interaction of <paramref name="media"/> may be offered now.</summary>
    public bool CanAccept(RoutingMedia media)
    {
        if (Presence != AgentPresence.Available)
        {
            return false;
        }

        int m = (int)media;
        if (Load[m] >= Capacity[m])
        {
            return false;
        }

        int voice = Load[(int)RoutingMedia.Voice];
        if (media == RoutingMedia.Voice)
        {
            // A call may join held chats only when the agent allows interruptions.
            return CallInterruptsChats || TotalLoad - voice == 0;
        }

        // No new non-voice work while a call is held.
        return voice == 0;
    }

    public void AddMembership(AgentPool pool, int skillScore)
    {
        if (MembershipCount == Memberships.Length)
        {
            Array.Resize(ref Memberships, Math.Max(4, MembershipCount * 2));
        }

        Memberships[MembershipCount++] = new Membership { Pool = pool, Slot = pool.Join(this), SkillScore = skillScore };
    }

    public AgentSnapshot Snapshot(long now, int skillScore) => new()
    {
        Agent = Id,
        Status = Status,
        Idle = TimeSpan.FromTicks(Math.Max(0, now - IdleSince)),
        Load = TotalLoad,
        Capacity = TotalCapacity,
        TalkTime = TimeSpan.FromTicks(TalkTicks),
        Assigned = Assigned,
        SkillScore = skillScore,
        Weight = Weight,
    };
}

/// <summary>An agent's membership of a pool: its slot there and its skill score for the pool's requirements.</summary>
internal struct Membership
{
    public AgentPool Pool;
    public int Slot;
    public int SkillScore;
}

/// <summary>One counter per <see cref="RoutingMedia"/>, stored inline.</summary>
[System.Runtime.CompilerServices.InlineArray(4)]
internal struct MediaCounts
{
    private int _element0;
}
