using System.Globalization;
using ContactCenter.Sip.Auth;
using ContactCenter.Sip.Messages;
using ContactCenter.Sip.Transactions;

namespace ContactCenter.Sip.Registrar;

/// <summary>
/// A registrar (RFC 3261 section 10.3) for agent softphones: REGISTER is digest-authenticated (RFC 7616 qop=auth,
/// MD5 and SHA-256, stale nonces re-challenged), a user may only bind its own address-of-record, bindings expire
/// on the stack's clock. Thread-safe.
/// </summary>
public sealed class SipRegistrar
{
    private readonly SipRegistrarOptions _options;
    private readonly TimeProvider _time;
    private readonly DigestServer _digest;
    private readonly Dictionary<string, List<SipRegistration>> _bindings = new(StringComparer.OrdinalIgnoreCase);
    private readonly Lock _gate = new();

    internal SipRegistrar(SipRegistrarOptions options, TimeProvider time)
    {
        options.Validate();
        _options = options;
        _time = time;
        _digest = new DigestServer(options.Realm, [.. options.Algorithms], new NonceManager(time, options.NonceLifetime), options.PasswordLookup!);
    }

    /// <summary>Raised after a user's bindings changed (registered, refreshed, removed); on a stack thread, must be quick.</summary>
    public event EventHandler<string>? BindingsChanged;

    /// <summary>The realm challenges name.</summary>
    public string Realm => _options.Realm;

    /// <summary>The current (unexpired) bindings of <paramref name="user"/>; empty when it is not registered.</summary>
    /// <param name="user">The user name, case-insensitive.</param>
    public IReadOnlyList<SipRegistration> GetRegistrations(string user)
    {
        ArgumentNullException.ThrowIfNull(user);
        var now = _time.GetUtcNow();
        lock (_gate)
        {
            if (!_bindings.TryGetValue(user, out var list))
            {
                return [];
            }

            list.RemoveAll(b => b.Expires <= now);
            return [.. list];
        }
    }

    /// <summary>Every user with at least one current binding.</summary>
    public IReadOnlyList<string> GetRegisteredUsers()
    {
        var now = _time.GetUtcNow();
        lock (_gate)
        {
            return [.. _bindings.Where(p => p.Value.Exists(b => b.Expires > now)).Select(p => p.Key)];
        }
    }

    internal void Handle(ServerRequest request)
    {
        var register = request.Request;
        var verification = _digest.Verify(register.Method, register.Headers.GetFirst(SipHeaderNames.Authorization), register.RequestUri);
        switch (verification.Outcome)
        {
            case DigestOutcome.Accepted:
                break;
            case DigestOutcome.Malformed:
                request.Respond(400, reason: "Bad Authorization");
                return;
            default:
                Challenge(request, stale: verification.Outcome == DigestOutcome.Stale);
                return;
        }

        // A user may only change the bindings of its own address-of-record (RFC 3261 section 10.3 step 6).
        var user = register.To.Uri.User is { } toUser ? SipUri.Unescape(toUser) : null;
        if (!string.Equals(user, verification.Username, StringComparison.OrdinalIgnoreCase))
        {
            request.Respond(403, reason: "Forbidden: To does not match the authenticated user");
            return;
        }

        var headerExpires = ParseSeconds(register.Headers.GetFirst(SipHeaderNames.Expires));
        var now = _time.GetUtcNow();
        var changed = false;
        lock (_gate)
        {
            if (!_bindings.TryGetValue(user!, out var list))
            {
                list = [];
                _bindings[user!] = list;
            }

            list.RemoveAll(b => b.Expires <= now);
            if (register.IsContactWildcard)
            {
                // "*" is only allowed with Expires: 0 and alone (section 10.2.2).
                if (headerExpires != 0 || register.Contacts.Count > 0)
                {
                    request.Respond(400, reason: "Wildcard Contact needs Expires: 0");
                    return;
                }

                changed = list.Count > 0;
                list.Clear();
            }
            else
            {
                var updates = new List<(SipUri Contact, long Seconds)>();
                foreach (var contact in register.Contacts)
                {
                    var seconds = ParseSeconds(contact.Parameters["expires"]) ?? headerExpires ?? (long)_options.DefaultExpires.TotalSeconds;
                    if (seconds != 0 && seconds < _options.MinExpires.TotalSeconds)
                    {
                        var tooBrief = register.CreateResponse(423, toTag: request.NewTagFor(423));
                        tooBrief.Headers.Add(SipHeaderNames.MinExpires, ((long)_options.MinExpires.TotalSeconds).ToString(CultureInfo.InvariantCulture));
                        request.Respond(tooBrief);
                        return;
                    }

                    updates.Add((contact.Uri, Math.Min(seconds, (long)_options.MaxExpires.TotalSeconds)));
                }

                foreach (var (contact, seconds) in updates)
                {
                    var existing = list.FindIndex(b => SameContact(b.Contact, contact));
                    if (existing >= 0)
                    {
                        var old = list[existing];
                        if (old.CallId == register.CallId && register.CSeq.Sequence <= old.Sequence)
                        {
                            // An old or reordered REGISTER must not undo a newer one (section 10.3 step 7).
                            continue;
                        }

                        list.RemoveAt(existing);
                    }

                    if (seconds > 0)
                    {
                        list.Add(new SipRegistration(user!, contact, now.AddSeconds(seconds), register.CallId, register.CSeq.Sequence, request.Source.EndPoint));
                    }

                    changed = true;
                }
            }

            var ok = register.CreateResponse(200, toTag: request.NewTagFor(200));
            foreach (var binding in list)
            {
                var remaining = Math.Max(0, (long)Math.Ceiling((binding.Expires - now).TotalSeconds));
                ok.Headers.Add(SipHeaderNames.Contact, $"<{binding.Contact}>;expires={remaining.ToString(CultureInfo.InvariantCulture)}");
            }

            ok.Headers.Add(SipHeaderNames.Date, now.ToString("r", CultureInfo.InvariantCulture));
            request.Respond(ok);
        }

        if (changed)
        {
            try
            {
                BindingsChanged?.Invoke(this, user!);
            }
#pragma warning disable CA1031 // A faulty handler must not break REGISTER processing.
            catch (Exception)
#pragma warning restore CA1031
            {
            }
        }
    }

    private void Challenge(ServerRequest request, bool stale)
    {
        var response = request.Request.CreateResponse(401, toTag: request.NewTagFor(401));
        var userAgent = request.Request.Headers.GetFirst(SipHeaderNames.UserAgent)?.Trim();
        var md5First = userAgent is not null && _options.Md5FirstUserAgents.Any(p => userAgent.StartsWith(p, StringComparison.OrdinalIgnoreCase));
        foreach (var challenge in _digest.CreateChallenges(stale, md5First))
        {
            response.Headers.Add(SipHeaderNames.WwwAuthenticate, challenge);
        }

        request.Respond(response);
    }

    private static long? ParseSeconds(string? text) =>
        long.TryParse(text?.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var seconds) ? Math.Min(seconds, uint.MaxValue) : null;

    // Contact URIs compare by their text ignoring case of scheme and host (a simplification of section 19.1.4).
    private static bool SameContact(SipUri a, SipUri b) => string.Equals(a.ToString(), b.ToString(), StringComparison.OrdinalIgnoreCase);
}
