namespace ContactCenter.Core.Tests;

public class InteractionStateMachineTests
{
    private static Interaction NewInteraction() => new()
    {
        Id = InteractionId.New(DateTimeOffset.UnixEpoch),
        CustomerId = CustomerId.New(DateTimeOffset.UnixEpoch),
        Channel = "chat",
        Media = MediaType.Chat,
        ConversationKey = "c1",
        CustomerIdentity = CustomerIdentity.Email("a@b.c"),
        CreatedAt = DateTimeOffset.UnixEpoch,
        UpdatedAt = DateTimeOffset.UnixEpoch,
    };

    [Theory]
    [InlineData(InteractionState.New, InteractionState.WrapUp)]
    [InlineData(InteractionState.Queued, InteractionState.Connected)]
    [InlineData(InteractionState.Closed, InteractionState.Queued)]
    [InlineData(InteractionState.Abandoned, InteractionState.Connected)]
    [InlineData(InteractionState.WrapUp, InteractionState.Connected)]
    [InlineData(InteractionState.InFlow, InteractionState.Connected)]
    public void TransitionTo_IllegalMove_Throws(InteractionState from, InteractionState to)
    {
        var interaction = NewInteraction() with { State = from };
        var ex = Assert.Throws<InvalidInteractionTransitionException>(() => interaction.TransitionTo(to, DateTimeOffset.UnixEpoch));
        Assert.Equal(from, ex.From);
        Assert.Equal(to, ex.To);
        Assert.Contains(from.ToString(), ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void TransitionTo_HappyPath_ReachesClosedAndEnds()
    {
        var at = DateTimeOffset.UnixEpoch.AddMinutes(5);
        var i = NewInteraction();
        foreach (var next in new[] { InteractionState.InFlow, InteractionState.Queued, InteractionState.Offered, InteractionState.Connected, InteractionState.WrapUp, InteractionState.Closed })
        {
            i = i.TransitionTo(next, at);
        }

        Assert.True(i.IsEnded);
        Assert.Equal(at, i.EndedAt);
    }

    [Fact]
    public void IsAllowed_OfferDeclined_ReturnsToQueue()
        => Assert.True(InteractionStateMachine.IsAllowed(InteractionState.Offered, InteractionState.Queued));

    [Theory]
    [InlineData(InteractionState.Queued)]
    [InlineData(InteractionState.Offered)]
    public void IsAllowed_CustomerLeavesTheQueue_BackToTheFlow(InteractionState waiting)
        => Assert.True(InteractionStateMachine.IsAllowed(waiting, InteractionState.InFlow));

    [Theory]
    [InlineData(InteractionState.Connected)]
    [InlineData(InteractionState.WrapUp)]
    [InlineData(InteractionState.Closed)]
    public void IsAllowed_NotWaiting_NeverBackToTheFlow(InteractionState from)
        => Assert.False(InteractionStateMachine.IsAllowed(from, InteractionState.InFlow));

    [Fact]
    public void IsTerminal_ClosedAbandonedTransferred_AreTerminal()
    {
        Assert.True(InteractionStateMachine.IsTerminal(InteractionState.Closed));
        Assert.True(InteractionStateMachine.IsTerminal(InteractionState.Abandoned));
        Assert.True(InteractionStateMachine.IsTerminal(InteractionState.Transferred));
        Assert.False(InteractionStateMachine.IsTerminal(InteractionState.WrapUp));
    }
}
