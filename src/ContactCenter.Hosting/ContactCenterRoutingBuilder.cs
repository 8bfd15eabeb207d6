using ContactCenter.Routing;

namespace ContactCenter;

/// <summary>
/// Configures the contact center's routing engine: the default agent-selection strategy (<c>r.UseLongestIdle()</c>,
/// <c>UseRoundRobin</c>, <c>UseBestSkillScore</c>, ...) and the engine-wide options (<see cref="RoutingBuilderBase.OfferTimeout"/>,
/// <see cref="RoutingBuilderBase.MissedOffersBeforeAway"/>, ...). Queues and agents are not added here but with
/// <c>AddQueue</c>/<c>AddAgent</c> on the contact center builder: the contact center assigns the engine's handles
/// itself, so there are none to pick here that could collide with its own.
/// </summary>
public sealed class ContactCenterRoutingBuilder : RoutingBuilderBase
{
    internal ContactCenterRoutingBuilder(RoutingOptions options)
        : base(options)
    {
    }
}
