using ContactCenter.Ivr.Services;
using ContactCenter.Ivr.Sessions;
using ContactCenter.Ivr.State;

namespace ContactCenter.Ivr;

/// <summary>Services and limits of a <see cref="FlowRunner"/>.</summary>
public sealed class FlowRunnerOptions
{
    /// <summary>The clock every time-out is measured on. Default: <see cref="TimeProvider.System"/>.</summary>
    public TimeProvider TimeProvider { get; set; } = TimeProvider.System;

    /// <summary>Where flow state is saved on every node entry. Default: a new <see cref="InMemoryFlowStateStore"/>.</summary>
    public IFlowStateStore StateStore { get; set; } = new InMemoryFlowStateStore();

    /// <summary>When state is saved. Default: <see cref="FlowStateSaveMode.EveryStep"/>.</summary>
    public FlowStateSaveMode SaveMode { get; set; }

    /// <summary>Queueing, transfers, callbacks and voicemail. Default: none (those nodes take their failure branch).</summary>
    public IFlowHost? Host { get; set; }

    /// <summary>The NLU/LLM hook of BotAnswer. Default: none (keyword and regex rules only).</summary>
    public IIntentRecognizer? IntentRecognizer { get; set; }

    /// <summary>A text-to-speech hook; when set, voice prompts are synthesised and played. Default: none
    /// (<see cref="IVoiceFlowSession.SpeakAsync"/> is used).</summary>
    public ITextToSpeech? TextToSpeech { get; set; }

    /// <summary>Steps allowed without customer input before the run fails as a loop. Default: 1000.</summary>
    public int MaxStepsWithoutInput { get; set; } = 1000;

    /// <summary>Called on every node entry, after the state was saved (the flow-progress hook).</summary>
    public Func<FlowStepArguments, ValueTask>? OnStep { get; set; }

    /// <summary>Called when a run ends.</summary>
    public Func<FlowCompletedArguments, ValueTask>? OnCompleted { get; set; }

    /// <summary>Returns every problem of these options, each in the <see cref="ConfigurationProblem"/> format.</summary>
    /// <returns>The problems; empty when the options are valid.</returns>
    public IReadOnlyList<string> Validate()
    {
        const string Section = nameof(FlowRunnerOptions);
        var problems = new List<string>();
        if (TimeProvider is null)
        {
            problems.Add(ConfigurationProblem.Format(Section, null, nameof(TimeProvider), "is null", "a clock (TimeProvider.System in production)"));
        }

        if (StateStore is null)
        {
            problems.Add(ConfigurationProblem.Format(Section, null, nameof(StateStore), "is null", "a flow state store (InMemoryFlowStateStore by default)"));
        }

        if (MaxStepsWithoutInput < 1)
        {
            problems.Add(ConfigurationProblem.Format(Section, null, nameof(MaxStepsWithoutInput), $"{MaxStepsWithoutInput} is less than 1", "1 or more"));
        }

        return problems;
    }
}
