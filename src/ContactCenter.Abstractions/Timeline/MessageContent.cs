using System.Collections.Immutable;

namespace ContactCenter;

/// <summary>
/// What a message carries, channel-neutral: plain text, optional rich (HTML) text, attachments by reference,
/// DTMF digits on voice, and buttons the channel may render (a numbered list where it cannot).
/// </summary>
public sealed record MessageContent
{
    /// <summary>Plain text, or <see langword="null"/> for a message with only attachments, digits or buttons.</summary>
    public string? Text { get; init; }

    /// <summary>Rich text (HTML) where the channel has it, for example an email's HTML part.</summary>
    public string? Html { get; init; }

    /// <summary>Attachments, stored elsewhere and referenced here.</summary>
    public ImmutableArray<AttachmentReference> Attachments { get; init; } = [];

    /// <summary>DTMF digits received or sent on a voice channel.</summary>
    public string? Dtmf { get; init; }

    /// <summary>Buttons to offer (outbound) or the button pressed (inbound, one element).</summary>
    public ImmutableArray<ActionButton> Buttons { get; init; } = [];

    /// <summary>A text-only message.</summary>
    public static MessageContent FromText(string text) => new() { Text = text };

    /// <summary>The content as people read it: the text in quotes, then DTMF, HTML, attachments and buttons when present.</summary>
    /// <returns>For example <c>"Where is my order?" with 1 attachment (invoice.pdf) and buttons Yes, No</c>.</returns>
    public override string ToString()
    {
        var parts = new List<string>();
        if (Text is not null)
        {
            parts.Add("\"" + Text + "\"");
        }

        if (Dtmf is not null)
        {
            parts.Add("keys " + Dtmf);
        }

        if (Html is not null)
        {
            parts.Add(string.Create(System.Globalization.CultureInfo.InvariantCulture, $"HTML of {Html.Length} characters"));
        }

        if (!Attachments.IsDefaultOrEmpty)
        {
            parts.Add(string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{Attachments.Length} {(Attachments.Length == 1 ? "attachment" : "attachments")} ({string.Join(", ", Attachments.Select(a => a.Name))})"));
        }

        if (!Buttons.IsDefaultOrEmpty)
        {
            parts.Add("buttons " + string.Join(", ", Buttons.Select(b => b.Label)));
        }

        return parts.Count == 0 ? "(empty)" : parts[0] + (parts.Count > 1 ? " with " + string.Join(" and ", parts.Skip(1)) : string.Empty);
    }

    /// <summary>A DTMF-only message.</summary>
    public static MessageContent FromDtmf(string digits) => new() { Dtmf = digits };
}

/// <summary>An attachment kept in a blob store or by the channel, referenced from the timeline.</summary>
/// <param name="Name">File name shown to people.</param>
/// <param name="ContentType">MIME type.</param>
/// <param name="Length">Size in bytes.</param>
/// <param name="Location">Where to fetch it (a blob-store URI, a channel file id URI).</param>
public sealed record AttachmentReference(string Name, string ContentType, long Length, Uri Location);

/// <summary>A quick-reply button.</summary>
/// <param name="Id">The value sent back when pressed.</param>
/// <param name="Label">The text shown.</param>
public sealed record ActionButton(string Id, string Label);
