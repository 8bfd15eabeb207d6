namespace ContactCenter.Channels;

/// <summary>How a <see cref="ChannelConnector"/> retries and how long it remembers what it sent.</summary>
public sealed record ChannelConnectorOptions
{
    /// <summary>The first wait after a failed receive or accept; doubled for each further failure. Default 1 s.</summary>
    public TimeSpan MinimumRetryDelay { get; init; } = TimeSpan.FromSeconds(1);

    /// <summary>The longest wait between two tries. Default 1 minute.</summary>
    public TimeSpan MaximumRetryDelay { get; init; } = TimeSpan.FromMinutes(1);

    /// <summary>
    /// How many delivered outbound message ids the connector remembers to make <see cref="IChannelConnector.SendAsync"/>
    /// idempotent. The hub retries a send only within its own retry window (a few attempts a few seconds apart), so
    /// the window only has to cover the sends of that span. Default 10,000.
    /// </summary>
    public int SentMessageWindow { get; init; } = 10_000;

    /// <summary>Returns every problem, each naming the option and what is allowed.</summary>
    /// <param name="section">The configuration section the options belong to, for example <c>Channels:email:support</c>.</param>
    public IEnumerable<string> Validate(string section)
    {
        if (MinimumRetryDelay <= TimeSpan.Zero)
        {
            yield return ConfigurationProblem.Format(section, null, nameof(MinimumRetryDelay), $"{MinimumRetryDelay} is not positive", "more than zero");
        }

        if (MaximumRetryDelay < MinimumRetryDelay)
        {
            yield return ConfigurationProblem.Format(section, null, nameof(MaximumRetryDelay), $"{MaximumRetryDelay} is shorter than {nameof(MinimumRetryDelay)} ({MinimumRetryDelay})", $"{nameof(MinimumRetryDelay)} or more");
        }

        if (SentMessageWindow < 1)
        {
            yield return ConfigurationProblem.Format(section, null, nameof(SentMessageWindow), $"{SentMessageWindow} is less than 1", "1 or more");
        }
    }
}
