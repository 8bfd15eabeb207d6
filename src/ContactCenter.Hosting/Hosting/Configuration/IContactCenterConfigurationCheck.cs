namespace ContactCenter.Hosting.Configuration;

/// <summary>
/// A check run once at start, before any store is opened or connector started. Every check's problems are
/// reported together in one <see cref="ContactCenterConfigurationException"/>. Packages register one per
/// options section (storage, each channel...) with <c>TryAddEnumerable</c>.
/// </summary>
public interface IContactCenterConfigurationCheck
{
    /// <summary>Returns every problem found, each naming the option it is about; empty when all is well.</summary>
    IEnumerable<string> Validate();
}
