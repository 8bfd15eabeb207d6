namespace ContactCenter.Channels;

/// <summary>What a channel can carry; flows and agent replies are rendered to fit.</summary>
[Flags]
public enum ChannelCapabilities
{
    /// <summary>Nothing beyond the media itself.</summary>
    None = 0,

    /// <summary>Plain text messages.</summary>
    Text = 1,

    /// <summary>Rich (HTML) text.</summary>
    RichText = 2,

    /// <summary>File attachments.</summary>
    Attachments = 4,

    /// <summary>Quick-reply buttons (a menu becomes buttons instead of a numbered list).</summary>
    Buttons = 8,

    /// <summary>Real-time audio: prompts can be spoken or played.</summary>
    Voice = 16,

    /// <summary>DTMF digits.</summary>
    Dtmf = 32,

    /// <summary>The contact center can start a conversation (outbound).</summary>
    Outbound = 64,

    /// <summary>Typing indicators.</summary>
    Typing = 128,
}
