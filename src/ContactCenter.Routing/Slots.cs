namespace ContactCenter.Routing;

// The engine's handles are dense numbers the host assigns; they are named *Slot, not *Id, so that they never clash
// with the contact center's own ids (ContactCenter.AgentId, QueueId, ...) when both namespaces are imported.

/// <summary>Identifies an agent inside the routing core. The host maps its own agent ids onto these.</summary>
/// <param name="Value">The host-chosen number.</param>
public readonly record struct AgentSlot(int Value);

/// <summary>Identifies a queue inside the routing core.</summary>
/// <param name="Value">The host-chosen number.</param>
public readonly record struct QueueSlot(int Value);

/// <summary>Identifies a skill (or any attribute a queue can require and an agent can hold at a level).</summary>
/// <param name="Value">The host-chosen number.</param>
public readonly record struct SkillSlot(int Value);

/// <summary>Identifies a tenant (client project). An agent only ever receives work of the tenants it belongs to.</summary>
/// <param name="Value">The host-chosen number.</param>
public readonly record struct TenantSlot(int Value);

/// <summary>Identifies an interaction (call, chat, email, task) being routed. Unique among live interactions.</summary>
/// <param name="Value">The host-chosen number.</param>
public readonly record struct InteractionSlot(long Value);

/// <summary>Identifies one offer (reservation) of an interaction to an agent; assigned by the engine.</summary>
/// <param name="Value">The engine-assigned number, unique for the engine's lifetime.</param>
public readonly record struct OfferId(long Value);
