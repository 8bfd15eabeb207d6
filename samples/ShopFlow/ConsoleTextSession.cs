using System.Threading.Channels;
using ContactCenter;
using ContactCenter.Ivr.Sessions;

namespace ShopFlow;

/// <summary>A text session on the console: the flow's messages are printed, each line typed is one message. No
/// buttons, so menus appear as numbered lists. End of input (Ctrl+D, or the end of piped input) is a hang-up.</summary>
internal sealed class ConsoleTextSession : ITextFlowSession
{
    private readonly Channel<string?> _lines = System.Threading.Channels.Channel.CreateUnbounded<string?>();
    private readonly TextReader _input;
    private readonly TextWriter _output;
    private readonly bool _echo;
    private readonly Dictionary<string, string> _attributes = new();

    public ConsoleTextSession(InteractionId interactionId, TextReader input, TextWriter output, bool echo)
    {
        InteractionId = interactionId;
        _input = input;
        _output = output;
        _echo = echo;
        _ = Task.Run(ReadLinesAsync);
    }

    public InteractionId InteractionId { get; }

    public string Channel => "console";

    public string? EntryPoint => null;

    public SessionCapabilities Capabilities => SessionCapabilities.Text | SessionCapabilities.Links;

    public string? CustomerPhoneNumber => null;

    public IReadOnlyDictionary<string, string> CustomerAttributes => _attributes;

    public ValueTask SendTextAsync(string text, CancellationToken cancellationToken)
    {
        foreach (var line in text.Split('\n'))
        {
            _output.WriteLine($"shop> {line}");
        }

        return ValueTask.CompletedTask;
    }

    public ValueTask SendButtonsAsync(string text, IReadOnlyList<FlowButton> buttons, CancellationToken cancellationToken) =>
        throw new NotSupportedException("The console has no buttons.");

    public async ValueTask<FlowInput> ReceiveAsync(InputRequest request, CancellationToken cancellationToken)
    {
        _output.Write("you> ");
        var line = await _lines.Reader.ReadAsync(cancellationToken);
        if (line is null)
        {
            _output.WriteLine();
            return FlowInput.Disconnected;
        }

        if (_echo)
        {
            _output.WriteLine(line);
        }

        return FlowInput.FromText(line);
    }

    private async Task ReadLinesAsync()
    {
        while (await _input.ReadLineAsync() is { } line)
        {
            await _lines.Writer.WriteAsync(line);
        }

        await _lines.Writer.WriteAsync(null);
    }
}
