using BenchmarkDotNet.Attributes;
using ContactCenter.Ivr;
using ContactCenter.Ivr.Primitives.Menu;
using ContactCenter.Ivr.Sessions;
using ContactCenter.Ivr.State;

namespace ContactCenter.Ivr.Benchmarks;

/// <summary>
/// Flow steps per second and allocations per step for a 10-node menu flow. One operation is one step (one node
/// entered and executed, state saved to the in-memory store); each invocation runs a whole conversation of
/// <see cref="Loops"/> menu rounds (6 steps each) over a session that answers synchronously, so the figures are the
/// runner's own cost. Per-run costs (runner state, token source, store slot) are amortised over the steps.
/// </summary>
[MemoryDiagnoser]
public class MenuFlowBenchmarks
{
    private const int Loops = 1000;
    private FlowRunner _runner = null!;
    private InMemoryFlowStateStore _store = null!;
    private BenchSession _session = null!;

    /// <summary>The steps of one conversation: the first menu, then 6 per round.</summary>
    public const int StepsPerRun = 1 + (Loops * 6);

    [Params("voice", "chat-buttons", "chat-text")]
    public string Medium { get; set; } = "voice";

    [GlobalSetup]
    public void Setup()
    {
        // 10 nodes; every round is menu -> say -> set -> branch -> say -> goto -> menu (6 steps).
        var catalog = new FlowCatalog().Add("menu10", f => f
            .Menu("menu", new MenuOptions
            {
                Prompt = "Main menu.",
                Choices = { new MenuChoice("1", "Orders", "orders"), new MenuChoice("2", "Billing", "billing") },
                Default = "end",
            })
            .Say("orders", "Orders.")
            .SetVariable("setOrders", "topic", "orders", next: "check")
            .Say("billing", "Billing.")
            .SetVariable("setBilling", "topic", "billing")
            .BranchOnVariable("check", "topic", "orders", then: "thanksOrders", otherwise: "thanksBilling")
            .Say("thanksOrders", "Your order is on its way.", next: "again")
            .Say("thanksBilling", "Your invoice is paid.")
            .Goto("again", "menu")
            .End("end"));
        _store = new InMemoryFlowStateStore();
        _runner = new FlowRunner(catalog, new FlowRunnerOptions { StateStore = _store, MaxStepsWithoutInput = 100 });
        _session = Medium switch
        {
            "voice" => new BenchVoiceSession(),
            "chat-buttons" => new BenchTextSession(SessionCapabilities.Text | SessionCapabilities.Buttons),
            _ => new BenchTextSession(SessionCapabilities.Text),
        };

        // Check the step count once so the per-step figures are exact.
        _session.Reset(Loops);
        var steps = 0L;
        var counting = new FlowRunner(catalog, new FlowRunnerOptions
        {
            OnStep = e =>
            {
                steps = e.Step;
                return ValueTask.CompletedTask;
            },
        });
        var result = counting.StartAsync(_session, "menu10").AsTask().GetAwaiter().GetResult();
        if (steps != StepsPerRun || result.Outcome != FlowOutcome.CustomerLeft)
        {
            throw new InvalidOperationException($"Expected {StepsPerRun} steps ending with CustomerLeft, got {steps} ending with {result.Outcome}.");
        }
    }

    [Benchmark(OperationsPerInvoke = StepsPerRun, Description = "flow step (10-node menu flow)")]
    public FlowOutcome Step()
    {
        _session.Reset(Loops);
        var pending = _runner.StartAsync(_session, "menu10");
        // The session answers synchronously, so the run completes without yielding.
        return pending.IsCompleted ? pending.Result.Outcome : pending.AsTask().GetAwaiter().GetResult().Outcome;
    }

    /// <summary>The fixed cost of a run (state, token source, first save): start, one round, hang up — 7 steps.</summary>
    [Benchmark(Description = "short run (7 steps)")]
    public FlowOutcome ShortRun()
    {
        _session.Reset(1);
        var pending = _runner.StartAsync(_session, "menu10");
        return pending.IsCompleted ? pending.Result.Outcome : pending.AsTask().GetAwaiter().GetResult().Outcome;
    }

    /// <summary>Answers 1, 2, 1, 2… synchronously, then hangs up; renders nothing.</summary>
    private abstract class BenchSession : IFlowSession
    {
        private static readonly FlowInput[] s_inputs = [FlowInput.FromDigits("1"), FlowInput.FromDigits("2")];
        private static readonly Dictionary<string, string> s_attributes = new();
        private int _left;
        private FlowInput[] _answers = s_inputs;

        protected BenchSession(SessionCapabilities capabilities, FlowInput[]? answers = null)
        {
            Capabilities = capabilities;
            _answers = answers ?? s_inputs;
        }

        private static readonly InteractionId s_id = new(Guid.Parse("00000000-0000-0000-0000-0000000000b1"));

        public InteractionId InteractionId => s_id;

        public string Channel => "bench";

        public string? EntryPoint => null;

        public SessionCapabilities Capabilities { get; }

        public string? CustomerPhoneNumber => null;

        public IReadOnlyDictionary<string, string> CustomerAttributes => s_attributes;

        public void Reset(int loops) => _left = loops;

        public ValueTask<FlowInput> ReceiveAsync(InputRequest request, CancellationToken cancellationToken) =>
            new(--_left < 0 ? FlowInput.Disconnected : _answers[_left & 1]);
    }

    private sealed class BenchVoiceSession() : BenchSession(SessionCapabilities.Voice | SessionCapabilities.Dtmf), IVoiceFlowSession
    {
        public ValueTask SpeakAsync(string text, string? voice, CancellationToken cancellationToken) => ValueTask.CompletedTask;

        public ValueTask PlayAsync(string audio, CancellationToken cancellationToken) => ValueTask.CompletedTask;

        public ValueTask<RecordingResult> RecordAsync(RecordingRequest request, CancellationToken cancellationToken) => default;
    }

    private sealed class BenchTextSession(SessionCapabilities capabilities)
        : BenchSession(capabilities, capabilities.HasFlag(SessionCapabilities.Buttons)
            ? [FlowInput.FromButton("1"), FlowInput.FromButton("2")]
            : [FlowInput.FromText("orders"), FlowInput.FromText("2")]), ITextFlowSession
    {
        public ValueTask SendTextAsync(string text, CancellationToken cancellationToken) => ValueTask.CompletedTask;

        public ValueTask SendButtonsAsync(string text, IReadOnlyList<FlowButton> buttons, CancellationToken cancellationToken) => ValueTask.CompletedTask;
    }
}
