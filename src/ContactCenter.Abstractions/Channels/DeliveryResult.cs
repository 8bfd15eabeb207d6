namespace ContactCenter.Channels;

/// <summary>What a connector reports after sending.</summary>
/// <param name="Delivered">Whether the channel accepted the message.</param>
/// <param name="ExternalId">The channel's id for the sent message.</param>
/// <param name="Error">Why it was not delivered.</param>
public readonly record struct DeliveryResult(bool Delivered, string? ExternalId = null, string? Error = null)
{
    /// <summary>A successful delivery.</summary>
    public static DeliveryResult Success(string? externalId = null) => new(true, externalId);

    /// <summary>A failed delivery.</summary>
    public static DeliveryResult Failure(string error) => new(false, null, error);
}
