using ContactCenter.Sip.Transactions;
using static ContactCenter.Sip.Tests.Transactions.TransactionHarness;

namespace ContactCenter.Sip.Tests.Transactions;

public sealed class ServerInviteTransactionTests
{
    private readonly TransactionHarness _h = new();

    private ServerInviteTransaction Create(bool reliable = false) =>
        new("k", reliable, SipTimers.Default, _h.Time, _h.Send, _h.Ended);

    [Fact]
    public void OnRequestRetransmission_Proceeding_ResendsLatestProvisional()
    {
        var t = Create();
        t.OnRequestRetransmission();
        Assert.Empty(_h.Sent);

        t.SendResponse(100, Bytes("100"));
        t.SendResponse(180, Bytes("180"));
        t.OnRequestRetransmission();

        Assert.Equal(["100", "180", "180"], _h.Sent.Select(s => s.Text));
    }

    [Fact]
    public void SendResponse_FailureWithoutAck_TimerGRetransmitsCappedThenTimerH()
    {
        var t = Create();
        t.SendResponse(486, Bytes("486"));

        _h.Run(TimeSpan.FromSeconds(40));

        Assert.Equal(
            new[] { Ms(0), Ms(500), Ms(1500), Ms(3500), Ms(7500), Ms(11500), Ms(15500), Ms(19500), Ms(23500), Ms(27500), Ms(31500) },
            _h.SendTimes("486"));
        Assert.Equal(TransactionEnd.NoAckForFailure, _h.End);
    }

    [Fact]
    public void OnAck_Failure_StopsTimerGAndEndsAfterTimerI()
    {
        var t = Create();
        t.SendResponse(486, Bytes("486"));
        _h.Run(Ms(600));

        t.OnAck();
        Assert.Equal(TransactionState.Confirmed, t.State);
        t.OnRequestRetransmission();
        _h.Run(TimeSpan.FromSeconds(4.9));
        Assert.Null(_h.End);
        _h.Run(Ms(200));

        Assert.Equal(new[] { Ms(0), Ms(500) }, _h.SendTimes("486"));
        Assert.Equal(TransactionEnd.Completed, _h.End);
    }

    [Fact]
    public void SendResponse_FailureOnTcp_NoRetransmissionAndAckEndsAtOnce()
    {
        var t = Create(reliable: true);
        t.SendResponse(603, Bytes("603"));
        _h.Run(TimeSpan.FromSeconds(5));

        t.OnAck();

        Assert.Single(_h.SendTimes("603"));
        Assert.Equal(TransactionEnd.Completed, _h.End);
    }

    [Fact]
    public void SendResponse_2xx_RetransmittedUntilAckThenEndsAtTimerL()
    {
        var t = Create();
        t.SendResponse(200, Bytes("200"));
        _h.Run(Ms(1600));

        t.OnAckFor2xx();
        t.OnRequestRetransmission();
        _h.Run(TimeSpan.FromSeconds(30.2));
        Assert.Null(_h.End);
        _h.Run(TimeSpan.FromSeconds(0.4));

        Assert.Equal(new[] { Ms(0), Ms(500), Ms(1500), Ms(1600) }, _h.SendTimes("200"));
        Assert.Equal(TransactionEnd.Completed, _h.End);
        Assert.False(t.SendResponse(500, Bytes("500")));
    }

    [Fact]
    public void SendResponse_2xxNeverAcked_EndsNoAck()
    {
        var t = Create(reliable: true);
        t.SendResponse(200, Bytes("200"));

        _h.Run(TimeSpan.FromSeconds(33));

        Assert.Equal(TransactionEnd.NoAck, _h.End);
        Assert.True(_h.SendTimes("200").Length > 5);
    }

    [Fact]
    public void SendResponse_SecondFinal_Refused()
    {
        var t = Create();

        Assert.True(t.SendResponse(200, Bytes("200")));
        Assert.False(t.SendResponse(486, Bytes("486")));
        Assert.True(t.HasFinalResponse);
    }
}
