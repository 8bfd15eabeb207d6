using System.Collections.Concurrent;
using System.Globalization;
using ContactCenter.Sip.Auth;
using ContactCenter.Sip.Registrar;
using ContactCenter.Sip.Transport;
using ContactCenter.Sip.UserAgents;

namespace ContactCenter.Sip.Integration.Sipp.Tests;

/// <summary>sipp registers as a softphone with digest authentication (scenarios in Scenarios/register_*.xml).</summary>
public sealed class RegistrarWithSippTests
{
    private static readonly TimeSpan Limit = TimeSpan.FromSeconds(40);

    private static SipRegistrarOptions Registrar() => new()
    {
        Realm = "cc.test",
        PasswordLookup = user => user == "1001" ? "secret" : null,

        // sipp 3.6 answers MD5 challenges only; SHA-256 is covered by the unit tests.
        Algorithms = [DigestAlgorithm.Md5],
    };

    [Fact]
    public async Task Register_WithRightPassword_ChallengedThenBound()
    {
        Assert.SkipUnless(SippProcess.IsAvailable, "sipp (Debian package sip-tester) is not installed.");
        var diagnostics = new ConcurrentQueue<SipDiagnostic>();
        await using var ua = TestAgent.Start(null, diagnostics, Registrar());
        var sippPort = FreePort.Next();

        using var sipp = SippProcess.Start(
            "-sf", SippProcess.Scenario("register_digest.xml"), $"127.0.0.1:{TestAgent.Port(ua.UdpEndPoint)}", "-i", "127.0.0.1",
            "-p", sippPort.ToString(CultureInfo.InvariantCulture), "-s", "1001", "-au", "1001", "-ap", "secret", "-m", "3", "-r", "3", "-timeout", "20", "-timeout_error");
        var exit = await sipp.WaitAsync(Limit);

        Assert.True(exit == 0, $"sipp exited {exit}.\n{TestAgent.Describe(sipp, diagnostics)}");
        var binding = Assert.Single(ua.Registrar!.GetRegistrations("1001"));
        Assert.Equal(sippPort, binding.Contact.Port);
    }

    [Fact]
    public async Task Register_WithWrongPassword_ChallengedAgainAndNotBound()
    {
        Assert.SkipUnless(SippProcess.IsAvailable, "sipp (Debian package sip-tester) is not installed.");
        var diagnostics = new ConcurrentQueue<SipDiagnostic>();
        await using var ua = TestAgent.Start(null, diagnostics, Registrar());

        using var sipp = SippProcess.Start(
            "-sf", SippProcess.Scenario("register_wrong_password.xml"), $"127.0.0.1:{TestAgent.Port(ua.UdpEndPoint)}", "-i", "127.0.0.1",
            "-p", FreePort.Next().ToString(CultureInfo.InvariantCulture), "-s", "1001", "-au", "1001", "-ap", "not-the-password", "-m", "2", "-r", "2",
            "-timeout", "20", "-timeout_error");
        var exit = await sipp.WaitAsync(Limit);

        Assert.True(exit == 0, $"sipp exited {exit}.\n{TestAgent.Describe(sipp, diagnostics)}");
        Assert.Empty(ua.Registrar!.GetRegistrations("1001"));
    }
}
