namespace ContactCenter.Sip.Dialogs;

/// <summary>A dialog's identity (RFC 3261 section 12): Call-ID, local tag and remote tag.</summary>
internal readonly record struct DialogKey(string CallId, string LocalTag, string RemoteTag);
