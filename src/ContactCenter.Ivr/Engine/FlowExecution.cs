using System.Runtime.CompilerServices;
using ContactCenter.Ivr.Services;
using ContactCenter.Ivr.Sessions;
using ContactCenter.Ivr.State;

namespace ContactCenter.Ivr.Engine;

/// <summary>One run of a flow over one session: the services, the session seen through its capabilities, the state
/// and a reusable time-out token source. Used from one logical thread.</summary>
internal sealed class FlowExecution : IDisposable
{
    private readonly CancellationToken _outer;
    private CancellationTokenSource? _timeout;
    private CancellationTokenRegistration _outerRegistration;
    private long _savedStep = -1;

    public FlowExecution(FlowRunner runner, IFlowSession session, FlowState state, CancellationToken cancellationToken)
    {
        Runner = runner;
        Session = session;
        State = state;
        _outer = cancellationToken;
        Cancellation = cancellationToken;
        var caps = session.Capabilities;
        Voice = session as IVoiceFlowSession;
        Text = session as ITextFlowSession;
        if (Voice is not null && (caps.HasFlag(SessionCapabilities.Voice) || Text is null))
        {
            IsVoice = true;
        }
        else if (Text is null)
        {
            throw new InvalidOperationException(
                $"Session '{session.InteractionId}' implements neither {nameof(IVoiceFlowSession)} nor {nameof(ITextFlowSession)}.");
        }

        HasButtons = !IsVoice && caps.HasFlag(SessionCapabilities.Buttons);
    }

    public FlowRunner Runner { get; }

    public IFlowSession Session { get; }

    public IVoiceFlowSession? Voice { get; }

    public ITextFlowSession? Text { get; }

    public bool IsVoice { get; }

    public bool HasButtons { get; }

    public FlowState State { get; }

    public Dictionary<string, string> Variables => State.Variables;

    public CancellationToken Cancellation { get; }

    public TimeProvider Time => Runner.Options.TimeProvider;

    public IFlowHost? Host => Runner.Options.Host;

    public Flow Flow { get; set; } = null!;

    /// <summary>Steps since the customer last gave input; guards against loops without waits.</summary>
    public int StepsWithoutInput { get; set; }

    /// <summary>Saves the state now (the runner does on every node entry in <see cref="FlowStateSaveMode.EveryStep"/>).</summary>
    public ValueTask SaveAsync()
    {
        _savedStep = State.Step;
        State.UpdatedAt = Time.GetUtcNow();
        return Runner.Options.StateStore.SaveAsync(State, Cancellation);
    }

    /// <summary>Called before every wait for the customer: saves the state unless this step was saved already.</summary>
    public ValueTask CheckpointAsync() => _savedStep == State.Step ? ValueTask.CompletedTask : SaveAsync();

    public string Render(Template template) => template.Render(State.Variables);

    /// <summary>Says a text: spoken on voice (TTS hook), a message on text channels.</summary>
    [AsyncMethodBuilder(typeof(PoolingAsyncValueTaskMethodBuilder))]
    public async ValueTask SpeakAsync(string text, string? voice)
    {
        if (text.Length == 0)
        {
            return;
        }

        if (IsVoice)
        {
            if (Runner.Options.TextToSpeech is { } tts)
            {
                var audio = await tts.SynthesizeAsync(text, voice, Cancellation).ConfigureAwait(false);
                await Voice!.PlayAsync(audio, Cancellation).ConfigureAwait(false);
            }
            else
            {
                await Voice!.SpeakAsync(text, voice, Cancellation).ConfigureAwait(false);
            }
        }
        else
        {
            await Text!.SendTextAsync(text, Cancellation).ConfigureAwait(false);
        }
    }

    public ValueTask SayAsync(Template template) => template.IsEmpty ? ValueTask.CompletedTask : SpeakAsync(Render(template), null);

    /// <summary>Waits for input; a time-out yields <see cref="FlowInput.TimedOut"/>, cancellation of the run throws.</summary>
    [AsyncMethodBuilder(typeof(PoolingAsyncValueTaskMethodBuilder<>))]
    public async ValueTask<FlowInput> ReceiveAsync(InputRequest request)
    {
        StepsWithoutInput = 0;
        await CheckpointAsync().ConfigureAwait(false);
        var cts = RentTimeout();
        cts.CancelAfter(request.Timeout);
        try
        {
            return await Session.ReceiveAsync(request, cts.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (cts.IsCancellationRequested)
        {
            _outer.ThrowIfCancellationRequested();
            return FlowInput.TimedOut;
        }
    }

    /// <summary>Receives one entry: keys are gathered until the terminator, the maximum length or silence; typed or
    /// spoken text is taken whole (a trailing terminator removed). Returns the kind of the last input (Timeout when
    /// nothing was entered, Disconnected when the customer left) and the value.</summary>
    [AsyncMethodBuilder(typeof(PoolingAsyncValueTaskMethodBuilder<>))]
    public async ValueTask<(FlowInputKind Kind, string Value)> ReceiveEntryAsync(InputRequest request)
    {
        var value = string.Empty;
        while (true)
        {
            var input = await ReceiveAsync(request).ConfigureAwait(false);
            switch (input.Kind)
            {
                case FlowInputKind.Disconnected:
                    return (FlowInputKind.Disconnected, value);
                case FlowInputKind.Timeout:
                    return (value.Length == 0 ? FlowInputKind.Timeout : FlowInputKind.Digits, value);
                case FlowInputKind.Digits:
                    value += input.Value;
                    if (request.Terminator is { Length: > 0 } terminator && value.EndsWith(terminator, StringComparison.Ordinal))
                    {
                        return (FlowInputKind.Digits, value[..^terminator.Length]);
                    }

                    if (request.MaxLength > 0 && value.Length >= request.MaxLength)
                    {
                        return (FlowInputKind.Digits, value);
                    }

                    continue;
                default:
                    var text = input.Value.Trim();
                    if (request.Terminator is { Length: > 0 } t && text.EndsWith(t, StringComparison.Ordinal))
                    {
                        text = text[..^t.Length];
                    }

                    return (input.Kind, text);
            }
        }
    }

    /// <summary>A token source cancelled at a time-out measured on the runner's clock and when the run is cancelled.
    /// Reused across waits while it has not fired, so waits that end with input allocate nothing.</summary>
    public CancellationTokenSource RentTimeout()
    {
        if (_timeout is not null && _timeout.TryReset())
        {
            return _timeout;
        }

        _outerRegistration.Dispose();
        _timeout?.Dispose();
        _timeout = new CancellationTokenSource(Timeout.InfiniteTimeSpan, Time);
        if (_outer.CanBeCanceled)
        {
            _outerRegistration = _outer.UnsafeRegister(static s => ((CancellationTokenSource)s!).Cancel(), _timeout);
        }

        return _timeout;
    }

    public void Dispose()
    {
        _outerRegistration.Dispose();
        _timeout?.Dispose();
    }
}
