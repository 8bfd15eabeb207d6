namespace ContactCenter.Ivr.Sessions;

/// <summary>A button a text session shows; pressing it yields <see cref="FlowInput.FromButton"/> with <paramref name="Payload"/>.</summary>
/// <param name="Payload">Sent back when pressed (for a menu: the choice key).</param>
/// <param name="Label">Shown to the customer.</param>
public readonly record struct FlowButton(string Payload, string Label);
