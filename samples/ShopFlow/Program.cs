using System.Globalization;
using ContactCenter;
using ContactCenter.Ivr;
using ContactCenter.Ivr.Services;
using ShopFlow;

// Example Shop: the flow is defined in shop-flow.json and runs against a console text session.
//   dotnet run --project samples/ShopFlow                      talk to the shop (type answers, Ctrl+D to leave)
//   dotnet run --project samples/ShopFlow -- --at 2026-12-25T10:00:00+01:00    pretend it is another time
//   printf '1\n10234\n2\n' | dotnet run --project samples/ShopFlow             a scripted conversation
var at = args.SkipWhile(a => a != "--at").Skip(1).FirstOrDefault();
TimeProvider time = at is null
    ? TimeProvider.System
    : new ShiftedTimeProvider(DateTimeOffset.Parse(at, CultureInfo.InvariantCulture));

var orders = new Dictionary<string, (string Status, string Eta)>
{
    ["10234"] = ("on its way", "tomorrow"),
    ["10235"] = ("being packed", "in 3 days"),
    ["10236"] = ("delivered", "already delivered"),
};

var catalog = new FlowCatalog()
    .AddFromJson(Path.Combine(AppContext.BaseDirectory, "shop-flow.json"))
    .AddLookup("orderStatus", async (request, cancellationToken) =>
    {
        await Task.Delay(TimeSpan.FromMilliseconds(200), time, cancellationToken); // the order system is remote
        return orders.TryGetValue(request.Arguments["orderId"], out var order)
            ? LookupResult.Success(new Dictionary<string, string> { ["status"] = order.Status, ["eta"] = order.Eta })
            : LookupResult.NotFound;
    });

FlowRunner runner;
try
{
    runner = new FlowRunner(catalog, new FlowRunnerOptions
    {
        TimeProvider = time,
        Host = new ConsoleFlowHost(time, Console.Out),
    });
}
catch (FlowValidationException ex)
{
    Console.Error.WriteLine(ex.Message);
    return 1;
}

var session = new ConsoleTextSession(InteractionId.New(time.GetUtcNow()), Console.In, Console.Out, echo: Console.IsInputRedirected);
var result = await runner.RunAsync(session);
Console.WriteLine($"[flow] ended: {result.Outcome} at '{result.NodeId}'{(result.Detail is null ? "" : $" ({result.Detail})")}");
return 0;

/// <summary>The system clock moved to another instant (to try the opening hours).</summary>
internal sealed class ShiftedTimeProvider(DateTimeOffset start) : TimeProvider
{
    private readonly TimeSpan _offset = start - TimeProvider.System.GetUtcNow();

    public override DateTimeOffset GetUtcNow() => TimeProvider.System.GetUtcNow() + _offset;
}
