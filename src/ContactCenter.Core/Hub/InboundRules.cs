using System.Collections.Immutable;
using System.Text;
using ContactCenter.Channels;

namespace ContactCenter.Core.Hub;

/// <summary>
/// What the hub accepts from a connector, checked before a message is queued so that one bad message fails alone
/// and never half-way through a batch. Keys and ids (channel, conversation key, message id, checkpoint, identity,
/// tenant, attribute names) must be valid UTF-16 without control characters: a store could not keep them exactly
/// (SQLite writes UTF-8 and turns a lone surrogate into U+FFFD), and a key that changes on the way to disk breaks
/// duplicate detection and threading. Free text (content, display name, attribute values) is kept, with every lone
/// surrogate replaced by U+FFFD, so that every store keeps and reads back the same text.
/// </summary>
internal static class InboundRules
{
    /// <summary>The longest key or id accepted (channel, conversation key, message id, checkpoint, identity, attribute name).</summary>
    public const int MaxKeyLength = 2048;

    /// <summary>The longest free text accepted in one field (text, HTML, display name, attribute value).</summary>
    public const int MaxTextLength = 4 * 1024 * 1024;

    /// <summary>The most attachments, buttons or attributes one message may carry.</summary>
    public const int MaxItems = 1024;

    /// <summary>Returns the problem with <paramref name="m"/>, naming the field, or <see langword="null"/> if it can be stored.</summary>
    public static string? Validate(InboundMessage m)
    {
        if (Key(m.Channel) is { } channelProblem)
        {
            return $"InboundMessage.Channel {channelProblem}.";
        }

        var where = $"(channel '{m.Channel}')";
        if (!Enum.IsDefined(m.Media))
        {
            return $"InboundMessage.Media {(int)m.Media} is not a media type {where}.";
        }

        if (Key(m.ConversationKey) is { } keyProblem)
        {
            return $"InboundMessage.ConversationKey {keyProblem} {where}.";
        }

        if (m.From.Value is null || m.From.Kind.Name is null)
        {
            return $"InboundMessage.From must be set {where}.";
        }

        if (Key(m.From.Kind.Name) is { } kindProblem)
        {
            return $"InboundMessage.From kind {kindProblem} {where}.";
        }

        if (Key(m.From.Value) is { } fromProblem)
        {
            return $"InboundMessage.From {fromProblem} {where}.";
        }

        if (m.ExternalId is not null && Key(m.ExternalId) is { } idProblem)
        {
            return $"InboundMessage.ExternalId {idProblem} {where}.";
        }

        if (m.Checkpoint is not null && Key(m.Checkpoint) is { } checkpointProblem)
        {
            return $"InboundMessage.Checkpoint {checkpointProblem} {where}.";
        }

        if (m.Tenant is { } tenant && Key(tenant.Value) is { } tenantProblem)
        {
            return $"InboundMessage.Tenant {tenantProblem} {where}.";
        }

        if (m.DisplayName is { Length: > MaxTextLength })
        {
            return $"InboundMessage.DisplayName is longer than {MaxTextLength} characters {where}.";
        }

        if (m.Content is null)
        {
            return $"InboundMessage.Content must be set; use an empty MessageContent for a message without content {where}.";
        }

        if (Content(m.Content) is { } contentProblem)
        {
            return $"InboundMessage.Content.{contentProblem} {where}.";
        }

        if (m.Attributes is null)
        {
            return $"InboundMessage.Attributes must be set (may be empty) {where}.";
        }

        if (m.Attributes.Count > MaxItems)
        {
            return $"InboundMessage.Attributes has more than {MaxItems} entries {where}.";
        }

        foreach (var (name, value) in m.Attributes)
        {
            if (Key(name) is { } nameProblem)
            {
                return $"InboundMessage.Attributes name '{name}' {nameProblem} {where}.";
            }

            if (value is null)
            {
                return $"InboundMessage.Attributes['{name}'] is null {where}.";
            }

            if (value.Length > MaxTextLength)
            {
                return $"InboundMessage.Attributes['{name}'] is longer than {MaxTextLength} characters {where}.";
            }
        }

        return null;
    }

    /// <summary>The message with every lone surrogate in its free text replaced by U+FFFD (the same instance if there is none).</summary>
    public static InboundMessage Sanitize(InboundMessage m)
    {
        if (IsClean(m))
        {
            return m;
        }

        var content = m.Content;
        var cleanContent = content with
        {
            Text = Text(content.Text),
            Html = Text(content.Html),
            Dtmf = Text(content.Dtmf),
            Attachments = content.Attachments.IsDefaultOrEmpty ? content.Attachments
                : [.. content.Attachments.Select(a => a with { Name = Text(a.Name)!, ContentType = Text(a.ContentType)! })],
            Buttons = content.Buttons.IsDefaultOrEmpty ? content.Buttons
                : [.. content.Buttons.Select(b => new ActionButton(Text(b.Id)!, Text(b.Label)!))],
        };
        var attributes = m.Attributes;
        foreach (var (name, value) in m.Attributes)
        {
            if (!IsValidUtf16(value))
            {
                attributes = attributes.SetItem(name, Text(value)!);
            }
        }

        var displayName = Text(m.DisplayName);
        if (cleanContent == content && ReferenceEquals(attributes, m.Attributes) && ReferenceEquals(displayName, m.DisplayName))
        {
            return m;
        }

        return m with { Content = cleanContent, Attributes = attributes, DisplayName = displayName };
    }

    // The common case allocates nothing: every free-text field is scanned once.
    private static bool IsClean(InboundMessage m)
    {
        var c = m.Content;
        if (!Clean(m.DisplayName) || !Clean(c.Text) || !Clean(c.Html) || !Clean(c.Dtmf))
        {
            return false;
        }

        if (!c.Attachments.IsDefaultOrEmpty)
        {
            foreach (var a in c.Attachments)
            {
                if (!Clean(a.Name) || !Clean(a.ContentType))
                {
                    return false;
                }
            }
        }

        if (!c.Buttons.IsDefaultOrEmpty)
        {
            foreach (var b in c.Buttons)
            {
                if (!Clean(b.Id) || !Clean(b.Label))
                {
                    return false;
                }
            }
        }

        if (m.Attributes.Count > 0)
        {
            foreach (var (_, value) in m.Attributes)
            {
                if (!Clean(value))
                {
                    return false;
                }
            }
        }

        return true;

        static bool Clean(string? s) => s is null || IsValidUtf16(s);
    }

    /// <summary>Whether <paramref name="s"/> is well-formed UTF-16 (no lone surrogate): the stores' own key rule.</summary>
    public static bool IsValidUtf16(string s) => Storage.StoreKeys.IsValid(s);

    private static string? Key(string? value)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return "must be set";
        }

        if (value.Length > MaxKeyLength)
        {
            return $"is longer than {MaxKeyLength} characters";
        }

        if (!IsValidUtf16(value))
        {
            return "is not valid UTF-16 (it holds a lone surrogate); keys and ids must be stored exactly";
        }

        foreach (var c in value)
        {
            if (char.IsControl(c))
            {
                return $"holds the control character U+{(int)c:X4}; keys and ids may not";
            }
        }

        return null;
    }

    private static string? Content(MessageContent c)
    {
        if (c.Text is { Length: > MaxTextLength })
        {
            return $"Text is longer than {MaxTextLength} characters";
        }

        if (c.Html is { Length: > MaxTextLength })
        {
            return $"Html is longer than {MaxTextLength} characters";
        }

        if (c.Dtmf is { Length: > MaxKeyLength })
        {
            return $"Dtmf is longer than {MaxKeyLength} characters";
        }

        if (!c.Attachments.IsDefault)
        {
            if (c.Attachments.Length > MaxItems)
            {
                return $"Attachments has more than {MaxItems} items";
            }

            foreach (var a in c.Attachments)
            {
                if (a is null || a.Name is null || a.ContentType is null || a.Location is null)
                {
                    return "Attachments holds a null attachment, name, content type or location";
                }

                if (a.Name.Length > MaxKeyLength || a.ContentType.Length > MaxKeyLength)
                {
                    return $"Attachments holds a name or content type longer than {MaxKeyLength} characters";
                }
            }
        }

        if (!c.Buttons.IsDefault)
        {
            if (c.Buttons.Length > MaxItems)
            {
                return $"Buttons has more than {MaxItems} items";
            }

            foreach (var b in c.Buttons)
            {
                if (b is null || b.Id is null || b.Label is null)
                {
                    return "Buttons holds a null button, id or label";
                }

                if (b.Id.Length > MaxKeyLength || b.Label.Length > MaxKeyLength)
                {
                    return $"Buttons holds an id or label longer than {MaxKeyLength} characters";
                }
            }
        }

        return null;
    }

    private static string? Text(string? value)
    {
        if (value is null || IsValidUtf16(value))
        {
            return value;
        }

        var sb = new StringBuilder(value.Length);
        for (var i = 0; i < value.Length; i++)
        {
            var c = value[i];
            if (char.IsHighSurrogate(c) && i + 1 < value.Length && char.IsLowSurrogate(value[i + 1]))
            {
                sb.Append(c).Append(value[++i]);
            }
            else
            {
                sb.Append(char.IsSurrogate(c) ? '\uFFFD' : c);
            }
        }

        return sb.ToString();
    }
}
