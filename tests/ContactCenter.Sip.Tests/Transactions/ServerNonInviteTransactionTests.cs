using ContactCenter.Sip.Transactions;
using static ContactCenter.Sip.Tests.Transactions.TransactionHarness;

namespace ContactCenter.Sip.Tests.Transactions;

public sealed class ServerNonInviteTransactionTests
{
    private readonly TransactionHarness _h = new();

    private ServerNonInviteTransaction Create(bool reliable = false) =>
        new("k", reliable, SipTimers.Default, _h.Time, _h.Send, _h.Ended);

    [Fact]
    public void OnRequestRetransmission_Trying_Absorbed()
    {
        var t = Create();

        t.OnRequestRetransmission();

        Assert.Empty(_h.Sent);
        Assert.Equal(TransactionState.Trying, t.State);
    }

    [Fact]
    public void SendResponse_Final_RetransmissionsGetItAgainUntilTimerJ()
    {
        var t = Create();
        t.SendResponse(200, Bytes("200"));
        t.OnRequestRetransmission();
        _h.Run(TimeSpan.FromSeconds(31.9));
        t.OnRequestRetransmission();
        Assert.Null(_h.End);
        _h.Run(Ms(200));
        t.OnRequestRetransmission();

        Assert.Equal(3, _h.SendTimes("200").Length);
        Assert.Equal(TransactionEnd.Completed, _h.End);
    }

    [Fact]
    public void SendResponse_FinalOnTcp_EndsAtOnce()
    {
        var t = Create(reliable: true);

        t.SendResponse(200, Bytes("200"));

        Assert.Equal(TransactionEnd.Completed, _h.End);
    }

    [Fact]
    public void SendResponse_ProvisionalThenFinal_ResendsLatest()
    {
        var t = Create();
        t.SendResponse(100, Bytes("100"));
        t.OnRequestRetransmission();
        t.SendResponse(202, Bytes("202"));
        t.OnRequestRetransmission();

        Assert.Equal(["100", "100", "202", "202"], _h.Sent.Select(s => s.Text));
        Assert.False(t.SendResponse(500, Bytes("500")));
    }
}
