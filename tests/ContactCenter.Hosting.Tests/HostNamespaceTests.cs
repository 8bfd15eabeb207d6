using ContactCenter;
using ContactCenter.Routing;

// Outside the ContactCenter namespaces on purpose: this is where a host application's code lives, so only the
// using directives above decide what AgentId, QueueId, MediaType and AgentState mean.
namespace HostApplication.Tests;

public class HostNamespaceTests
{
    [Fact]
    public void ContactCenterAndRoutingNamespaces_ImportedTogether_NameTheContactCenterTypes()
    {
        // With both usings, these names compile (no CS0104) and mean the contact center's types.
        Type[] types = [typeof(AgentId), typeof(QueueId), typeof(TenantId), typeof(InteractionId), typeof(MediaType), typeof(AgentState)];

        Assert.All(types, t => Assert.Equal("ContactCenter", t.Namespace));
        Assert.Equal("ContactCenter.Routing", typeof(RoutingMedia).Namespace);
    }

    [Fact]
    public void HostFacingTypes_AreInNamespaceContactCenter()
    {
        Type[] types =
        [
            typeof(IContactCenter), typeof(AgentSession), typeof(AgentNotification), typeof(OfferNotification),
            typeof(OfferRevokedReason), typeof(ContactCenterOptions), typeof(NewInteraction), typeof(CustomerHistory),
            typeof(ContactCenterStatistics), typeof(QueuePosition), typeof(IContactCenterBuilder),
            typeof(ContactCenterRoutingBuilder), typeof(ContactCenterBuilderExtensions),
            typeof(RoutingContactCenterBuilderExtensions), typeof(FlowContactCenterBuilderExtensions),
            typeof(SqliteContactCenterBuilderExtensions), typeof(LongestIdleRoutingBuilderExtensions),
        ];

        Assert.All(types, t => Assert.Equal("ContactCenter", t.Namespace));
    }
}
