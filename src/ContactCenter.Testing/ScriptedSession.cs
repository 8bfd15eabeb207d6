using ContactCenter.Ivr.Sessions;

namespace ContactCenter.Testing;

/// <summary>
/// Base of the scripted sessions: a customer who follows a script of inputs, silences and pauses, on a clock the
/// test controls. <see cref="Silence"/> advances the clock by the flow's own time-out (so the time-out fires
/// deterministically, without sleeping); <see cref="Wait"/> advances it by a fixed amount. When the script runs out
/// the customer hangs up, unless the script ends with <see cref="Pause"/>, which waits until the run is cancelled
/// (to simulate a crash mid-flow). Everything rendered is kept in <see cref="Output"/>. Not thread-safe: one run at a time.
/// </summary>
/// <typeparam name="TSelf">The concrete session type, for fluent scripts.</typeparam>
public abstract class ScriptedSession<TSelf> : IFlowSession
    where TSelf : ScriptedSession<TSelf>
{
    private readonly Queue<Step> _script = new();
    private readonly List<SessionOutput> _output = new();
    private readonly List<InputRequest> _requests = new();
    private readonly Action<TimeSpan>? _advanceTime;

    /// <summary>Creates the session.</summary>
    /// <param name="name">Names the interaction in the test; <see cref="InteractionId"/> is derived from it, so two
    /// sessions with the same name are the same interaction (a restarted run resumes the saved state).</param>
    /// <param name="channel">The channel name.</param>
    /// <param name="capabilities">The capabilities.</param>
    /// <param name="advanceTime">Advances the runner's clock, e.g. <c>fakeTimeProvider.Advance</c>; null when the
    /// script uses no silences or waits.</param>
    protected ScriptedSession(string name, string channel, SessionCapabilities capabilities, Action<TimeSpan>? advanceTime)
    {
        ArgumentNullException.ThrowIfNull(name);
        Name = name;
        InteractionId = IdFor(name);
        Channel = channel;
        Capabilities = capabilities;
        _advanceTime = advanceTime;
    }

    private enum StepKind
    {
        Input,
        Silence,
        Wait,
        Pause,
    }

    /// <summary>The name the test gave the interaction.</summary>
    public string Name { get; }

    /// <inheritdoc />
    public InteractionId InteractionId { get; }

    /// <inheritdoc />
    public string Channel { get; }

    /// <inheritdoc />
    public string? EntryPoint { get; set; }

    /// <inheritdoc />
    public SessionCapabilities Capabilities { get; }

    /// <inheritdoc />
    public string? CustomerPhoneNumber { get; set; }

    /// <summary>Customer attributes (settable by the test).</summary>
    public Dictionary<string, string> Attributes { get; } = new(StringComparer.Ordinal);

    /// <inheritdoc />
    public IReadOnlyDictionary<string, string> CustomerAttributes => Attributes;

    /// <summary>Everything rendered, in order.</summary>
    public IReadOnlyList<SessionOutput> Output => _output;

    /// <summary>Everything rendered, as <c>say: …</c>, <c>text: …</c>, <c>buttons: …</c> lines.</summary>
    public IEnumerable<string> Transcript => _output.Select(o => o.ToString());

    /// <summary>Every wait for input the flow started.</summary>
    public IReadOnlyList<InputRequest> Requests => _requests;

    /// <summary>Steps of the script not consumed yet.</summary>
    public int RemainingSteps => _script.Count;

    /// <summary>The customer stays silent until the flow's wait times out.</summary>
    /// <returns>The session.</returns>
    public TSelf Silence() => Add(new Step(StepKind.Silence, default, TimeSpan.Zero));

    /// <summary>Time passes before the next step (the clock is advanced; a wait that times out meanwhile ends).</summary>
    /// <param name="duration">How long.</param>
    /// <returns>The session.</returns>
    public TSelf Wait(TimeSpan duration) => Add(new Step(StepKind.Wait, default, duration));

    /// <summary>The customer hangs up or leaves the chat.</summary>
    /// <returns>The session.</returns>
    public TSelf HangUp() => Add(new Step(StepKind.Input, FlowInput.Disconnected, TimeSpan.Zero));

    /// <summary>The customer stays, silently, until the run is cancelled (simulates the host stopping mid-flow).</summary>
    /// <returns>The session.</returns>
    public TSelf Pause() => Add(new Step(StepKind.Pause, default, TimeSpan.Zero));

    /// <summary>Adds any input.</summary>
    /// <param name="input">The input.</param>
    /// <returns>The session.</returns>
    public TSelf Input(FlowInput input) => Add(new Step(StepKind.Input, input, TimeSpan.Zero));

    /// <inheritdoc />
    public async ValueTask<FlowInput> ReceiveAsync(InputRequest request, CancellationToken cancellationToken)
    {
        _requests.Add(request);
        while (true)
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (!_script.TryDequeue(out var step))
            {
                return FlowInput.Disconnected;
            }

            switch (step.Kind)
            {
                case StepKind.Input:
                    return step.Input;
                case StepKind.Silence:
                    Advance(request.Timeout);
                    if (!cancellationToken.IsCancellationRequested)
                    {
                        throw new InvalidOperationException(
                            $"Silence at node '{request.NodeId}' did not end the wait: the session's clock is not the runner's clock.");
                    }

                    cancellationToken.ThrowIfCancellationRequested();
                    break;
                case StepKind.Wait:
                    Advance(step.Duration);
                    break;
                case StepKind.Pause:
                    await Task.Delay(Timeout.InfiniteTimeSpan, TimeProvider.System, cancellationToken).ConfigureAwait(false); // no clock: waits for cancellation only
                    break;
            }
        }
    }

    /// <summary>Records something rendered.</summary>
    /// <param name="output">The output.</param>
    protected void Record(SessionOutput output) => _output.Add(output);

    /// <summary>Adds a step.</summary>
    /// <param name="input">The input.</param>
    /// <returns>The session.</returns>
    protected TSelf AddInput(FlowInput input) => Input(input);

    private void Advance(TimeSpan duration)
    {
        if (_advanceTime is null)
        {
            throw new InvalidOperationException("The script needs time to pass but the session was created without an advanceTime callback.");
        }

        _advanceTime(duration);
    }

    private TSelf Add(Step step)
    {
        _script.Enqueue(step);
        return (TSelf)this;
    }

    private readonly record struct Step(StepKind Kind, FlowInput Input, TimeSpan Duration);

    /// <summary>The interaction id a scripted session named <paramref name="name"/> has: the same name, the same id.</summary>
    /// <param name="name">The session's name.</param>
    /// <returns>A name-based id (the first 16 bytes of the name's SHA-256).</returns>
    public static InteractionId IdFor(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        Span<byte> hash = stackalloc byte[32];
        System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(name), hash);
        return new InteractionId(new Guid(hash[..16]));
    }
}
