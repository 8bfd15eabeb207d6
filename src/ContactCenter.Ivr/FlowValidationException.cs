namespace ContactCenter.Ivr;

/// <summary>Thrown when flows do not validate; lists every problem found, not just the first.</summary>
public sealed class FlowValidationException : Exception
{
    /// <summary>Creates the exception.</summary>
    /// <param name="problems">Every problem found (at least one).</param>
    public FlowValidationException(IReadOnlyList<FlowValidationProblem> problems)
        : base(Format(problems))
    {
        Problems = problems;
    }

    /// <summary>Creates the exception with a message only.</summary>
    public FlowValidationException()
        : this(Array.Empty<FlowValidationProblem>())
    {
    }

    /// <summary>Creates the exception with a message only.</summary>
    /// <param name="message">The message.</param>
    public FlowValidationException(string message)
        : base(message)
    {
        Problems = Array.Empty<FlowValidationProblem>();
    }

    /// <summary>Creates the exception with a message and a cause.</summary>
    /// <param name="message">The message.</param>
    /// <param name="innerException">The cause.</param>
    public FlowValidationException(string message, Exception innerException)
        : base(message, innerException)
    {
        Problems = Array.Empty<FlowValidationProblem>();
    }

    /// <summary>Every problem found.</summary>
    public IReadOnlyList<FlowValidationProblem> Problems { get; }

    private static string Format(IReadOnlyList<FlowValidationProblem> problems)
    {
        ArgumentNullException.ThrowIfNull(problems);
        if (problems.Count == 0)
        {
            return "The flow definition is invalid.";
        }

        return $"The flow definition has {problems.Count} problem(s):{Environment.NewLine}  - " +
            string.Join(Environment.NewLine + "  - ", problems);
    }
}
