namespace ContactCenter.Media.Tests;

/// <summary>Waits for a condition that another thread (a socket receive loop) makes true, with a generous time-out.</summary>
internal static class Wait
{
    public static void Until(Func<bool> condition, string what, int seconds = 20)
    {
        if (!SpinWait.SpinUntil(condition, TimeSpan.FromSeconds(seconds)))
        {
            throw new TimeoutException($"Timed out after {seconds} s waiting for {what}.");
        }
    }
}
