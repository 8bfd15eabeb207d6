using ContactCenter.Sip.Transactions;
using static ContactCenter.Sip.Tests.Transactions.TransactionHarness;

namespace ContactCenter.Sip.Tests.Transactions;

public sealed class ClientNonInviteTransactionTests
{
    private readonly TransactionHarness _h = new();

    private ClientNonInviteTransaction Create(bool reliable = false) =>
        new("k", Bytes("BYE"), reliable, SipTimers.Default, _h.Time, _h.Send, _h.Ended);

    [Fact]
    public void Start_NoResponse_TimerECappedAtT2ThenTimerFAt64T1()
    {
        var t = Create();
        t.Start();

        _h.Run(TimeSpan.FromSeconds(40));

        // Timer E intervals 0.5, 1, 2, 4, 4, 4 ... s; F at 32 s.
        Assert.Equal(
            new[] { Ms(0), Ms(500), Ms(1500), Ms(3500), Ms(7500), Ms(11500), Ms(15500), Ms(19500), Ms(23500), Ms(27500), Ms(31500) },
            _h.SendTimes("BYE"));
        Assert.Equal(TransactionEnd.Timeout, _h.End);
    }

    [Fact]
    public void OnResponse_Provisional_RetransmitsEveryT2()
    {
        var t = Create();
        t.Start();
        _h.Run(Ms(600));

        Assert.Equal(ResponseDisposition.Deliver, t.OnResponse(100));
        _h.Run(TimeSpan.FromSeconds(10));

        // Sent at 0 and 0.5 s; timer E next fires at 1.5 s and then every T2.
        Assert.Equal(new[] { Ms(0), Ms(500), Ms(1500), Ms(5500), Ms(9500) }, _h.SendTimes("BYE"));
    }

    [Fact]
    public void OnResponse_Final_AbsorbsRetransmissionsUntilTimerK()
    {
        var t = Create();
        t.Start();

        Assert.Equal(ResponseDisposition.Deliver, t.OnResponse(200));
        Assert.Equal(ResponseDisposition.Absorb, t.OnResponse(200));
        _h.Run(TimeSpan.FromSeconds(4.9));
        Assert.Null(_h.End);
        _h.Run(Ms(200));

        Assert.Equal(TransactionEnd.Completed, _h.End);
        Assert.Single(_h.SendTimes("BYE"));
    }

    [Fact]
    public void OnResponse_FinalOnTcp_EndsAtOnce()
    {
        var t = Create(reliable: true);
        t.Start();

        Assert.Equal(ResponseDisposition.Deliver, t.OnResponse(481));

        Assert.Equal(TransactionEnd.Completed, _h.End);
        Assert.Equal(TransactionState.Terminated, t.State);
    }
}
