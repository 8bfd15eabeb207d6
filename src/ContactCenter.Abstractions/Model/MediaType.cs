namespace ContactCenter;

/// <summary>The kind of work an interaction is for an agent; agent capacity is counted per media type.</summary>
public enum MediaType
{
    /// <summary>A phone call (SIP or any other voice channel). Real time, usually one at a time.</summary>
    Voice,

    /// <summary>A live text conversation: web chat, Telegram and other messengers, SMS.</summary>
    Chat,

    /// <summary>An email thread: asynchronous.</summary>
    Email,

    /// <summary>Back-office work: web forms, callback requests, anything else.</summary>
    Task,
}
