namespace ContactCenter.Routing.Tests;

/// <summary>Routing's problems read like every other package's: path, section, item, option, problem, what is allowed.</summary>
public class ConfigurationProblemFormatTests
{
    [Fact]
    public void Validate_QueuePriorityOutOfRange_NamesSectionItemOptionAndAllowedRange()
    {
        var options = new RoutingOptions();
        options.Queues.Add(new QueueOptions { Id = new QueueSlot(7), DefaultPriority = 1300 });

        var ex = Assert.Throws<RoutingConfigurationException>(options.Validate);

        Assert.Contains(
            $"Routing:Queues:7:DefaultPriority: section 'Routing:Queues', item '7', option 'DefaultPriority': 1300 is out of range; allowed: 0 to {RoutingLimits.MaxPriority}.",
            ex.Problems);
    }

    [Fact]
    public void Validate_OfferTimeoutZero_NamesTheSectionLevelOption()
    {
        var options = new RoutingOptions { OfferTimeout = TimeSpan.Zero };

        var ex = Assert.Throws<RoutingConfigurationException>(options.Validate);

        Assert.Contains("Routing:OfferTimeout: section 'Routing', option 'OfferTimeout': 00:00:00 is not positive; allowed: more than zero.", ex.Problems);
    }

    [Fact]
    public void Validate_AgentWeightZero_NamesTheAgent()
    {
        var options = new RoutingOptions();
        options.Agents.Add(new AgentOptions { Id = new AgentSlot(3), Weight = 0 });

        var ex = Assert.Throws<RoutingConfigurationException>(options.Validate);

        Assert.Contains("Routing:Agents:3:Weight: section 'Routing:Agents', item '3', option 'Weight': 0 is not a positive finite number; allowed: a finite number above 0.", ex.Problems);
    }
}

/// <summary>The explanation of an offer reads as a sentence, without the strategy's raw ranking numbers.</summary>
public class RoutingExplanationTextTests
{
    [Fact]
    public void ToString_LongestIdleWithTimestampScores_SaysWhoRankedFirstWithoutRawNumbers()
    {
        var explanation = new RoutingExplanation
        {
            Rule = RoutingRule.BestAgentForInteraction, Strategy = "longest-idle", Candidates = 3, Score = -1.17201E+10, RunnerUpScore = -1.2E+10,
        };

        Assert.Equal("Chosen by the longest-idle strategy from 3 available agents; it ranked ahead of the runner-up.", explanation.ToString());
    }

    [Fact]
    public void ToString_SkillScoresAfterEscalation_ComparesTheScores()
    {
        var explanation = new RoutingExplanation
        {
            Rule = RoutingRule.BestAgentForInteraction, Strategy = "skills", Candidates = 2, Score = 30, RunnerUpScore = 20.5, EscalationStep = 1,
        };

        Assert.Equal("Chosen by the skills strategy from 2 available agents, after escalation step 1; it scored 30 against the runner-up's 20.5.", explanation.ToString());
    }

    [Fact]
    public void ToString_SingleCandidate_SaysThereWasNoRunnerUp()
    {
        var explanation = new RoutingExplanation { Rule = RoutingRule.BestInteractionForAgent, Candidates = 1, Score = 5, RunnerUpScore = double.NaN };

        Assert.Equal("The agent had free capacity and this interaction came first of 1 waiting interaction; there was no runner-up.", explanation.ToString());
    }
}
