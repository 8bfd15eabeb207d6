namespace ContactCenter.Abstractions.Tests;

public class ExceptionTests
{
    [Fact]
    public void ConfigurationException_SeveralProblems_ListsEveryOne()
    {
        var ex = new ContactCenterConfigurationException(["ContactCenter:A must be set.", "ContactCenter:Storage:Sqlite:DataSource must be set."]);
        Assert.Equal(2, ex.Problems.Count);
        Assert.Contains("2 problems", ex.Message, StringComparison.Ordinal);
        Assert.Contains("ContactCenter:A", ex.Message, StringComparison.Ordinal);
        Assert.Contains("DataSource", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ChannelCommandException_CarriesStatusCode()
    {
        var ex = new ChannelCommandException("email:support", 550, "mailbox unavailable");
        Assert.Equal(550, ex.StatusCode);
        Assert.Equal("email:support", ex.Channel);
        Assert.IsAssignableFrom<ChannelException>(ex);
        Assert.IsAssignableFrom<ContactCenterException>(ex);
        Assert.Contains("550", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ChannelProtocolException_IsAChannelException()
        => Assert.IsAssignableFrom<ChannelException>(new ChannelProtocolException("sip", "connection reset"));
}
