using System.Runtime.CompilerServices;
using ContactCenter.Ivr.Engine;

namespace ContactCenter.Ivr.Primitives.BusinessHours;

internal sealed class BusinessHoursNode : FlowNode
{
    private readonly BusinessHoursOptions _options;
    private BusinessSchedule _schedule = null!;
    private FlowNode? _open;
    private FlowNode? _closed;
    private FlowNode? _holiday;

    public BusinessHoursNode(string id, BusinessHoursOptions options)
        : base(id)
    {
        _options = options;
    }

    public override string Kind => "businessHours";

    public override void Prepare(NodeValidation v)
    {
        _schedule = BusinessSchedule.Compile(_options, v);
        _open = v.Next();
        _closed = v.Target(_options.Closed, nameof(BusinessHoursOptions.Closed), required: true);
        _holiday = v.Target(_options.Holiday, nameof(BusinessHoursOptions.Holiday), required: false) ?? _closed;
    }

    [AsyncMethodBuilder(typeof(PoolingAsyncValueTaskMethodBuilder<>))]
    public override async ValueTask<NodeResult> ExecuteAsync(FlowExecution x)
    {
        var (status, local) = _schedule.Evaluate(x.Time.GetUtcNow());
        if (_options.OnEvaluated is { } callback)
        {
            await callback(new BusinessHoursArguments(x.Session.InteractionId, Id, status, local)).ConfigureAwait(false);
        }

        return NodeResult.Continue(status switch
        {
            BusinessHoursStatus.Open => _open!,
            BusinessHoursStatus.Holiday => _holiday!,
            _ => _closed!,
        });
    }
}
