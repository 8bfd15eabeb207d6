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
    public void ConfigurationProblemFormat_ItemAndOption_StartsWithThePathAndNamesEachPart()
    {
        var problem = ConfigurationProblem.Format("ContactCenter:Agents", "bob", "Skills:billing", "level 11 is out of range", "0 to 10");

        Assert.Equal("ContactCenter:Agents:bob:Skills:billing: section 'ContactCenter:Agents', item 'bob', option 'Skills:billing': level 11 is out of range; allowed: 0 to 10.", problem);
        Assert.Equal("ContactCenter: section 'ContactCenter': no queue.", ConfigurationProblem.Format("ContactCenter", null, null, "no queue"));
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
