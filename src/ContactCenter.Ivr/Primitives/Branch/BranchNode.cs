using System.Runtime.CompilerServices;
using ContactCenter.Ivr.Engine;

namespace ContactCenter.Ivr.Primitives.Branch;

internal sealed class BranchNode : FlowNode
{
    private readonly BranchOptions _options;
    private CompiledCondition[][] _cases = Array.Empty<CompiledCondition[]>();
    private FlowNode[] _targets = Array.Empty<FlowNode>();
    private FlowNode? _default;

    public BranchNode(string id, BranchOptions options)
        : base(id)
    {
        _options = options;
    }

    public override string Kind => "branch";

    public override void Prepare(NodeValidation v)
    {
        var cases = _options.Cases ?? new List<BranchCase>();
        if (cases.Count == 0)
        {
            v.Problem("Cases needs at least one case.");
        }

        _cases = new CompiledCondition[cases.Count][];
        _targets = new FlowNode[cases.Count];
        for (var i = 0; i < cases.Count; i++)
        {
            var when = cases[i].When ?? new List<BranchCondition>();
            if (when.Count == 0)
            {
                v.Problem($"Cases[{i}].When needs at least one condition.");
            }

            _cases[i] = when.Select((c, j) => new CompiledCondition(c, v, $"Cases[{i}].When[{j}]")).ToArray();
            _targets[i] = v.Target(cases[i].Target, $"Cases[{i}].Target", required: true)!;
        }

        _default = v.Target(_options.Default, "Default", required: true);
    }

    [AsyncMethodBuilder(typeof(PoolingAsyncValueTaskMethodBuilder<>))]
    public override async ValueTask<NodeResult> ExecuteAsync(FlowExecution x)
    {
        var chosen = -1;
        for (var i = 0; i < _cases.Length && chosen < 0; i++)
        {
            var all = true;
            foreach (var condition in _cases[i])
            {
                if (!condition.Evaluate(x))
                {
                    all = false;
                    break;
                }
            }

            if (all)
            {
                chosen = i;
            }
        }

        var target = chosen >= 0 ? _targets[chosen] : _default!;
        if (_options.OnEvaluated is { } callback)
        {
            await callback(new BranchArguments(x.Session.InteractionId, Id, chosen, target.Id)).ConfigureAwait(false);
        }

        return NodeResult.Continue(target);
    }
}
