using ContactCenter.Sip.Transactions;
using static ContactCenter.Sip.Tests.Transactions.TransactionHarness;

namespace ContactCenter.Sip.Tests.Transactions;

public sealed class ClientInviteTransactionTests
{
    private readonly TransactionHarness _h = new();

    private ClientInviteTransaction Create(bool reliable = false) =>
        new("k", Bytes("INVITE"), reliable, SipTimers.Default, _h.Time, _h.Send, _h.Ended);

    [Fact]
    public void Start_NoResponseOnUdp_TimerARetransmitsDoublingThenTimerBTimesOutAt64T1()
    {
        var t = Create();
        t.Start();

        _h.Run(TimeSpan.FromSeconds(40));

        // Timer A: 0, T1, 3·T1, 7·T1 ... (intervals 0.5, 1, 2, 4, 8, 16 s), uncapped; B fires at 32 s.
        Assert.Equal(new[] { Ms(0), Ms(500), Ms(1500), Ms(3500), Ms(7500), Ms(15500), Ms(31500) }, _h.SendTimes("INVITE"));
        Assert.Equal(TransactionEnd.Timeout, _h.End);
        Assert.Equal(TransactionState.Terminated, t.State);
        Assert.Equal(1, _h.EndCount);
    }

    [Fact]
    public void Start_Tcp_NoRetransmissionsAndTimeoutAt64T1()
    {
        var t = Create(reliable: true);
        t.Start();

        _h.Run(TimeSpan.FromSeconds(31.9));
        Assert.Null(_h.End);
        _h.Run(TimeSpan.FromSeconds(0.2));

        Assert.Single(_h.SendTimes("INVITE"));
        Assert.Equal(TransactionEnd.Timeout, _h.End);
    }

    [Fact]
    public void OnResponse_Provisional_StopsRetransmissionsAndTimerB()
    {
        var t = Create();
        t.Start();
        _h.Run(Ms(600));

        Assert.Equal(ResponseDisposition.Deliver, t.OnResponse(180));
        _h.Run(TimeSpan.FromSeconds(60));

        Assert.Equal(2, _h.SendTimes("INVITE").Length);
        Assert.Null(_h.End);
        Assert.Equal(TransactionState.Proceeding, t.State);
    }

    [Fact]
    public void OnResponse_Failure_AcksAndAbsorbsRetransmissionsWithAckUntilTimerD()
    {
        var t = Create();
        t.Start();
        Assert.Equal(ResponseDisposition.Deliver, t.OnResponse(100));

        Assert.Equal(ResponseDisposition.DeliverAndAck, t.OnResponse(486));
        t.SendAck(Bytes("ACK"));
        Assert.Equal(ResponseDisposition.Absorb, t.OnResponse(486));
        Assert.Equal(ResponseDisposition.Absorb, t.OnResponse(486));

        Assert.Equal(3, _h.SendTimes("ACK").Length);
        _h.Run(TimeSpan.FromSeconds(31.9));
        Assert.Null(_h.End);
        _h.Run(TimeSpan.FromSeconds(0.2));
        Assert.Equal(TransactionEnd.Completed, _h.End);
    }

    [Fact]
    public void OnResponse_FailureOnTcp_TimerDIsZero()
    {
        var t = Create(reliable: true);
        t.Start();

        Assert.Equal(ResponseDisposition.DeliverAndAck, t.OnResponse(503));
        t.SendAck(Bytes("ACK"));
        _h.Time.Advance(TimeSpan.Zero);
        _h.Run(Ms(50));

        Assert.Equal(TransactionEnd.Completed, _h.End);
    }

    [Fact]
    public void OnResponse_2xx_AcceptedPassesRetransmitted2xxUpUntilTimerM()
    {
        var t = Create();
        t.Start();

        Assert.Equal(ResponseDisposition.Deliver, t.OnResponse(200));
        Assert.Equal(TransactionState.Accepted, t.State);
        Assert.Equal(ResponseDisposition.Deliver, t.OnResponse(200));
        Assert.Equal(ResponseDisposition.Absorb, t.OnResponse(180));
        _h.Run(TimeSpan.FromSeconds(31.9));
        Assert.Null(_h.End);
        _h.Run(TimeSpan.FromSeconds(0.2));

        Assert.Equal(TransactionEnd.Completed, _h.End);
        Assert.Single(_h.SendTimes("INVITE"));
        Assert.Equal(ResponseDisposition.Absorb, t.OnResponse(200));
    }
}
