using CsCheck;

namespace ContactCenter.Sip.Tests.Messages;

/// <summary>
/// Runs a CsCheck generator a fixed number of times from a fixed seed, so property tests are deterministic in CI;
/// a failure names the iteration and the input.
/// </summary>
internal static class Property
{
    public static void ForAll<T>(Gen<T> gen, Action<T> check, int count = 500, ulong seed = 4475)
    {
        var pcg = new PCG(1, seed);
        for (int i = 0; i < count; i++)
        {
            T value = gen.Generate(pcg, null, out _);
            try
            {
                check(value);
            }
            catch (Exception e)
            {
                throw new InvalidOperationException($"Property failed at iteration {i} (seed {seed}) for input:\n{value}\n\n{e.Message}", e);
            }
        }
    }
}
