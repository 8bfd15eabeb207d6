using ContactCenter.Hosting.Configuration;
using ContactCenter.Routing;

namespace ContactCenter.Hosting.Routing;

/// <summary>Every <c>UseRouting</c> call's configuration, applied in order to one <see cref="RoutingBuilder"/>.</summary>
internal sealed class RoutingConfiguration : IContactCenterConfigurationCheck
{
    public List<Action<RoutingBuilder>> Actions { get; } = [];

    public RoutingBuilder CreateBuilder()
    {
        var builder = new RoutingBuilder();
        foreach (var action in Actions)
        {
            action(builder);
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
