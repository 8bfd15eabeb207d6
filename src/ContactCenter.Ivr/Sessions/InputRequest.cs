namespace ContactCenter.Ivr.Sessions;

/// <summary>Describes one wait for customer input. The time-out is enforced by the runner through the cancellation
/// token it passes to <see cref="IFlowSession.ReceiveAsync"/>; it is repeated here for sessions that want it.</summary>
/// <param name="NodeId">The node waiting.</param>
/// <param name="Expectation">What kind of input is expected.</param>
/// <param name="Timeout">How long the runner waits.</param>
/// <param name="MaxLength">For digits: the most keys wanted, 0 when unknown.</param>
/// <param name="Terminator">For digits: the key that ends the entry, or null.</param>
public readonly record struct InputRequest(
    string NodeId,
    InputExpectation Expectation,
    TimeSpan Timeout,
    int MaxLength = 0,
    string? Terminator = null);
