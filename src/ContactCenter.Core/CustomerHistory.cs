namespace ContactCenter;

/// <summary>A customer's history across every channel, including customers merged into it.</summary>
/// <param name="Customer">The surviving customer.</param>
/// <param name="MergedCustomers">Customers merged into it (directly or through others).</param>
/// <param name="Identities">Every identity of the customer and of those merged into it.</param>
/// <param name="Interactions">Every interaction, oldest first.</param>
public sealed record CustomerHistory(
    Customer Customer,
    IReadOnlyList<CustomerId> MergedCustomers,
    IReadOnlyList<CustomerIdentity> Identities,
    IReadOnlyList<Interaction> Interactions);
