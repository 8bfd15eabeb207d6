namespace ContactCenter.Ivr.Services;

/// <summary>Host code behind a Lookup node (a CRM, an order system). Registered by name with
/// <see cref="FlowCatalog.AddLookup"/>. Should honour the token: it is cancelled at the node's time-out.
/// Throwing takes the node's error branch.</summary>
/// <param name="request">The lookup name and arguments.</param>
/// <param name="cancellationToken">Cancelled at the node's time-out or when the run stops.</param>
/// <returns>The values found, or <see cref="LookupResult.NotFound"/>.</returns>
public delegate ValueTask<LookupResult> LookupHandler(LookupRequest request, CancellationToken cancellationToken);
