namespace ContactCenter;

/// <summary>The configuration is wrong. Lists every problem found, not just the first.</summary>
public class ContactCenterConfigurationException : ContactCenterException
{
    /// <summary>Creates the exception.</summary>
    public ContactCenterConfigurationException() : this([]) { }

    /// <summary>Creates the exception with a single problem.</summary>
    public ContactCenterConfigurationException(string message) : this([message]) { }

    /// <summary>Creates the exception with a message and its cause.</summary>
    public ContactCenterConfigurationException(string message, Exception innerException) : base(message, innerException)
    {
        Problems = [message];
    }

    /// <summary>Creates the exception listing every problem.</summary>
    public ContactCenterConfigurationException(IReadOnlyList<string> problems)
        : base(Format(problems))
    {
        Problems = problems;
    }

    /// <summary>Each problem, naming the option it is about (for example <c>ContactCenter:Sqlite:ConnectionString</c>).</summary>
    public IReadOnlyList<string> Problems { get; }

    private static string Format(IReadOnlyList<string> problems) => problems.Count switch
    {
        0 => "The contact center configuration is invalid.",
        1 => "The contact center configuration is invalid: " + problems[0],
        _ => $"The contact center configuration has {problems.Count} problems:" + Environment.NewLine + "- "
            + string.Join(Environment.NewLine + "- ", problems),
    };
}
