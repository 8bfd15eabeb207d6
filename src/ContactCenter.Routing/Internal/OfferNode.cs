namespace ContactCenter.Routing.Internal;

/// <summary>One live offer (reservation). Pooled. Linked into its interaction's and its agent's offer lists.</summary>
internal sealed class OfferNode : TimedItem
{
    public OfferId Id;
    public int Slot;
    public bool Live;
    public InteractionNode Interaction = null!;
    public AgentRecord Agent = null!;
    public OfferNode? NextForInteraction;
    public OfferNode? PrevForAgent;
    public OfferNode? NextForAgent;
}
