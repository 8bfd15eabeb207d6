using System.Text.Json;

namespace ContactCenter.Abstractions.Tests;

public class CustomerIdentityTests
{
    [Theory]
    [InlineData("phone", "+1 (555) 010-0200", "+15550100200")]
    [InlineData("email", " Ann@Example.COM ", "ann@example.com")]
    [InlineData("Telegram", "12345", "12345")]
    [InlineData("web", "Visitor-AbC", "Visitor-AbC")]
    public void Constructor_Value_IsNormalized(string kind, string value, string expected)
    {
        var identity = new CustomerIdentity(new IdentityKind(kind), value);
        Assert.Equal(expected, identity.Value);
        Assert.Equal(kind.ToLowerInvariant(), identity.Kind.Name);
    }

    [Fact]
    public void Equals_SamePersonWrittenTwoWays_AreEqual()
    {
        Assert.Equal(CustomerIdentity.Phone("+44 20 7946 0018"), CustomerIdentity.Phone("+442079460018"));
        Assert.Equal(CustomerIdentity.Email("A@B.C"), new CustomerIdentity(new IdentityKind("EMAIL"), "a@b.c"));
        Assert.NotEqual(CustomerIdentity.Email("a@b.c"), CustomerIdentity.WebVisitor("a@b.c"));
    }

    [Fact]
    public void Parse_ToStringForm_RoundTrips()
    {
        var identity = CustomerIdentity.Telegram(987654321);
        Assert.Equal(identity, CustomerIdentity.Parse(identity.ToString()));
    }

    [Theory]
    [InlineData("no-colon")]
    [InlineData(":value")]
    [InlineData("kind:")]
    public void Parse_Malformed_ThrowsFormatException(string text)
        => Assert.Throws<FormatException>(() => CustomerIdentity.Parse(text));

    [Fact]
    public void Constructor_EmptyValue_Throws()
        => Assert.Throws<ArgumentException>(() => CustomerIdentity.Email("  "));

    [Fact]
    public void TimelineEvent_Json_RoundTripsPolymorphically()
    {
        var now = new DateTimeOffset(2026, 1, 1, 12, 0, 0, TimeSpan.Zero);
        TimelineEvent e = new MessageEvent
        {
            Id = TimelineEventId.New(now),
            InteractionId = InteractionId.New(now),
            Timestamp = now,
            Direction = MessageDirection.Inbound,
            Content = new MessageContent { Text = "hi", Buttons = [new ActionButton("1", "Sales")] },
            ExternalId = "x1",
        };
        var json = JsonSerializer.Serialize(e);
        var back = Assert.IsType<MessageEvent>(JsonSerializer.Deserialize<TimelineEvent>(json));
        Assert.Contains("\"$type\":\"message\"", json, StringComparison.Ordinal);
        Assert.Equal("hi", back.Content.Text);
        Assert.Equal("Sales", back.Content.Buttons[0].Label);
        Assert.Equal(e.Id, back.Id);
    }
}
