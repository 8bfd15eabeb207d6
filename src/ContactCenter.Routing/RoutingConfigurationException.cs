namespace ContactCenter.Routing;

/// <summary>Routing options are invalid. <see cref="Problems"/> lists every problem found, not just the first.</summary>
public sealed class RoutingConfigurationException : Exception
{
    /// <summary>Creates the exception from the list of problems.</summary>
    /// <param name="problems">One message per problem, each naming the option.</param>
    public RoutingConfigurationException(IReadOnlyList<string> problems)
        : base(BuildMessage(problems))
    {
        Problems = problems;
    }

    /// <summary>Creates the exception with one problem.</summary>
    /// <param name="message">The problem.</param>
    public RoutingConfigurationException(string message)
        : this([message])
    {
    }

    /// <summary>Creates the exception with no listed problem.</summary>
    public RoutingConfigurationException()
        : this(Array.Empty<string>())
    {
    }

    /// <summary>Creates the exception with one problem and an inner exception.</summary>
    /// <param name="message">The problem.</param>
    /// <param name="innerException">The cause.</param>
    public RoutingConfigurationException(string message, Exception innerException)
        : base(message, innerException)
    {
        Problems = [message];
    }

    /// <summary>Every problem found, each naming the option it is about.</summary>
    public IReadOnlyList<string> Problems { get; } = [];

    private static string BuildMessage(IReadOnlyList<string> problems) =>
        problems.Count == 0
            ? "The routing configuration is invalid."
            : "The routing configuration is invalid:" + Environment.NewLine + "- " + string.Join(Environment.NewLine + "- ", problems);
}
