namespace ContactCenter.Abstractions.Tests;

public class RoutingDecisionTests
{
    [Fact]
    public void ToString_BestAgent_SaysStrategyCandidatesAndQueueWithoutScores()
    {
        var decision = new RoutingDecision
        {
            Rule = RoutingDecisionRule.BestAgentForInteraction, Strategy = "longest-idle", Queue = new QueueId("sales"),
            Candidates = 3, Score = -1.17201E+10, RunnerUpScore = null,
        };

        Assert.Equal("Chosen by the longest-idle strategy from 3 available agents in queue sales.", decision.ToString());
    }

    [Fact]
    public void ToString_PreferredAgentAfterEscalationRingAll_SaysEach()
    {
        var decision = new RoutingDecision { Rule = RoutingDecisionRule.PreferredAgent, Queue = new QueueId("vip"), Candidates = 1, EscalationStep = 1, RingAll = true };

        Assert.Equal("Offered to the interaction's preferred agent in queue vip, after escalation step 1; offered to several agents at once, the first to accept gets it.", decision.ToString());
    }

    [Fact]
    public void ToString_BestInteractionForAgent_SaysHowManyWereCompared()
    {
        var decision = new RoutingDecision { Rule = RoutingDecisionRule.BestInteractionForAgent, Strategy = "round-robin", Candidates = 1, Score = 30, RunnerUpScore = null };

        Assert.Equal("The agent had free capacity and this interaction had waited longest of 1 interaction at the head of the agent's queues.", decision.ToString());
    }
}
