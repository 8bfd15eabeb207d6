using ContactCenter.Hosting.Configuration;
using ContactCenter.Routing;

namespace ContactCenter.Hosting.Routing;

/// <summary>Every <c>ConfigureRouting</c> call's configuration, applied in order to one engine builder.</summary>
internal sealed class RoutingConfiguration : IContactCenterConfigurationCheck
{
    public List<Action<ContactCenterRoutingBuilder>> Actions { get; } = [];

    public RoutingBuilder CreateBuilder()
    {
        var builder = new RoutingBuilder();
        var routing = new ContactCenterRoutingBuilder(builder.Options);
        foreach (var action in Actions)
        {
            action(routing);
        }

        return builder;
    }

    public IEnumerable<string> Validate()
    {
        try
        {
            CreateBuilder().Options.Validate();
        }
        catch (RoutingConfigurationException ex)
        {
            return ex.Problems.Select(p => "ContactCenter:Routing: " + p).ToArray();
        }

        return [];
    }
}
