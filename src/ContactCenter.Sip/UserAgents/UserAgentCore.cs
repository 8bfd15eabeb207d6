using System.Collections.Concurrent;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using ContactCenter.Sip.Dialogs;
using ContactCenter.Sip.Messages;
using ContactCenter.Sip.Registrar;
using ContactCenter.Sip.Transactions;
using ContactCenter.Sip.Transport;

namespace ContactCenter.Sip.UserAgents;

/// <summary>
/// The user agent core (RFC 3261 section 8 and 12-15): dispatches requests the transaction layer hands up — new
/// calls, CANCEL, in-dialog requests, OPTIONS, REGISTER — answers what it cannot serve with the status the RFC
/// names, and builds outgoing requests. Thread-safe.
/// </summary>
internal sealed class UserAgentCore : ITransactionUser
{
    private const string AllowWithoutRegistrar = "INVITE, ACK, CANCEL, BYE, OPTIONS, INFO, REFER, NOTIFY";

    // RFC 3261 section 18.1.1: above this (the path MTU being unknown) a request must not go over UDP.
    private const int MaxUdpRequestSize = 1300;
    private readonly ConcurrentDictionary<DialogKey, SipCall> _calls = new();

    // Inbound INVITEs not yet answered, by the early dialog their provisional responses form (RFC 3261 section 12.1).
    private readonly ConcurrentDictionary<DialogKey, SipIncomingCall> _early = new();
    private readonly ConcurrentDictionary<string, UpstreamRegistration> _registrations = new(StringComparer.Ordinal);
    private readonly SipUserAgentOptions _options;

    // The methods we serve: REGISTER only with a registrar, or a 405 refusing it would list it (RFC 3261 section 8.2.1).
    private readonly string _allow;
    private ISipTransport? _udp;
    private ISipTransport? _tcp;
    private ISipTransport? _tls;
    private string _host = "127.0.0.1";

    public UserAgentCore(SipUserAgentOptions options, TransactionLayer transactions, SipRegistrar? registrar)
    {
        _options = options;
        Transactions = transactions;
        Registrar = registrar;
        _allow = registrar is null ? AllowWithoutRegistrar : AllowWithoutRegistrar + ", REGISTER";
        transactions.Attach(this);
    }

    public TransactionLayer Transactions { get; }

    public TransportDiagnostics Diagnostics => Transactions.Diagnostics;

    public SipRegistrar? Registrar { get; }

    public int ActiveCalls => _calls.Count;

    public void AttachTransports(ISipTransport? udp, ISipTransport? tcp, ISipTransport? tls = null)
    {
        _udp = udp;
        _tcp = tcp;
        _tls = tls;
        var bound = (udp ?? tcp ?? tls)!.LocalEndPoint.Address;
        _host = _options.PublicHost ?? HostFor(bound);
    }

    // ---- ITransactionUser ----

    public void OnRequest(ServerRequest request)
    {
        var message = request.Request;
        var method = message.Method;
        try
        {
            if (!PassesChecks(request))
            {
                return;
            }

            var toTag = message.To.Tag;
            if (toTag is not null && method != SipMethods.Cancel)
            {
                if (_calls.TryGetValue(new DialogKey(message.CallId, toTag, message.From.Tag ?? string.Empty), out var call))
                {
                    call.OnRequest(request);
                }
                else if (method == SipMethods.Options)
                {
                    RespondOptions(request);
                }
                else if (method == SipMethods.Bye && _early.TryGetValue(new DialogKey(message.CallId, toTag, message.From.Tag ?? string.Empty), out var early))
                {
                    // The caller hangs up in the early dialog (after our 1xx with a To tag): the BYE ends it, and
                    // the pending INVITE is answered 487 at once (RFC 3261 section 15.1.2), not when the application answers.
                    request.Respond(200);
                    early.Cancel();
                }
                else
                {
                    request.Respond(481);
                }

                return;
            }

            switch (method)
            {
                case SipMethods.Invite:
                    OnInvite(request);
                    break;
                case SipMethods.Cancel:
                    OnCancel(request);
                    break;
                case SipMethods.Options:
                    RespondOptions(request);
                    break;
                case SipMethods.Register when Registrar is not null:
                    Registrar.Handle(request);
                    break;
                case SipMethods.Bye or SipMethods.Info or SipMethods.Refer or SipMethods.Notify or SipMethods.Prack or SipMethods.Update:
                    request.Respond(481);
                    break;
                default:
                    RespondNotAllowed(request);
                    break;
            }
        }
#pragma warning disable CA1031 // Whatever goes wrong above answers 500 rather than stalling the transaction.
        catch (Exception exception)
#pragma warning restore CA1031
        {
            Diagnostics.Report(SipDiagnosticKind.HandlerError, $"Processing {method} failed.", request.Source.EndPoint, exception);
            if (!request.IsAnswered)
            {
                request.Respond(500);
            }
        }
    }

    public void OnAck(SipRequest ack, SipTarget source)
    {
        if (ack.To.Tag is { } toTag && _calls.TryGetValue(new DialogKey(ack.CallId, toTag, ack.From.Tag ?? string.Empty), out var call))
        {
            call.OnAck(ack);
        }
    }

    public void OnStray2xx(SipResponse response, SipTarget source)
    {
        if (response.To.Tag is { } toTag && _calls.TryGetValue(new DialogKey(response.CallId, response.From.Tag ?? string.Empty, toTag), out var call))
        {
            call.OnRetransmitted2xx(response);
        }
    }

    // ---- used by calls ----

    public SipVia CreateVia(ISipTransport transport) =>
        new(transport.Protocol switch { SipTransportProtocol.Udp => "UDP", SipTransportProtocol.Tcp => "TCP", _ => "TLS" }, _host, transport.LocalEndPoint.Port, SipIdGenerator.NewBranch(), RPort);

    public string ContactFor(ISipTransport transport, string? user = null)
    {
        var parameter = transport.Protocol switch
        {
            SipTransportProtocol.Tcp => ";transport=tcp",
            SipTransportProtocol.Tls => ";transport=tls",
            _ => string.Empty,
        };
        return string.Create(CultureInfo.InvariantCulture, $"<sip:{user ?? _options.DefaultUser}@{_host}:{transport.LocalEndPoint.Port}{parameter}>");
    }

    public SipResponse CreateResponse(ServerRequest request, int statusCode, string? toTag, string? reason = null)
    {
        var response = request.Request.CreateResponse(statusCode, reason, toTag ?? request.NewTagFor(statusCode));
        if (_options.ProductName is { } product)
        {
            response.Headers.Add(SipHeaderNames.Server, product);
        }

        if (request.Request.Method == SipMethods.Invite && statusCode is > 100 and < 300)
        {
            // Dialog-establishing responses echo Record-Route and name our contact (RFC 3261 section 12.1.1).
            foreach (var recordRoute in request.Request.Headers.GetAll(SipHeaderNames.RecordRoute))
            {
                response.Headers.Add(SipHeaderNames.RecordRoute, recordRoute);
            }

            response.Headers.Add(SipHeaderNames.Contact, ContactFor(request.Source.Transport));
            if (statusCode >= 200)
            {
                response.Headers.Add(SipHeaderNames.Allow, _allow);
            }
        }

        return response;
    }

    public void RespondNotAllowed(ServerRequest request)
    {
        var known = request.Request.Method is SipMethods.Message or SipMethods.Subscribe or SipMethods.Update or SipMethods.Prack or SipMethods.Register or "PUBLISH";
        var response = CreateResponse(request, known ? 405 : 501, null);
        response.Headers.Add(SipHeaderNames.Allow, _allow);
        request.Respond(response);
    }

    public SipCall AcceptIncoming(ServerRequest invite, string localTag, SipBody? answer, SipBody? offer)
    {
        var dialog = SipDialog.ForUas(invite.Request, localTag, TargetForDialog(invite));
        var call = new SipCall(this, dialog, SipCallDirection.Inbound, answer, offer);
        _calls[dialog.Key] = call;
        invite.Context = call;
        call.AwaitAck(invite);
        var response = CreateResponse(invite, 200, localTag);
        if (answer is { } body)
        {
            SipCall.SetBody(response, body);
        }

        invite.Respond(response);
        return call;
    }

    /// <summary>The incoming call was answered (2xx or failure) or cancelled: its early dialog is over.</summary>
    public void ForgetEarly(SipIncomingCall call) => _early.TryRemove(new KeyValuePair<DialogKey, SipIncomingCall>(call.EarlyDialogKey, call));

    public void RemoveCall(SipCall call) => _calls.TryRemove(new KeyValuePair<DialogKey, SipCall>(call.Key, call));

    public bool Invoke<TArgs>(EventHandler<TArgs>? handler, object sender, TArgs args)
    {
        if (handler is null)
        {
            return true;
        }

        try
        {
            handler(sender, args);
            return true;
        }
#pragma warning disable CA1031 // Application handlers must not break the stack.
        catch (Exception exception)
#pragma warning restore CA1031
        {
            Diagnostics.Report(SipDiagnosticKind.HandlerError, $"A {typeof(TArgs).Name} handler threw.", null, exception);
            return false;
        }
    }

    // ---- UAC ----

    public async Task<SipDialResult> DialAsync(SipUri target, SipBody? offer, SipDialOptions? options, CancellationToken cancellationToken)
    {
        var destination = await ResolveAsync(target, cancellationToken).ConfigureAwait(false);
        var from = (options?.From ?? SipNameAddress.Parse($"<sip:{_options.DefaultUser}@{_host}>")).WithTag(SipIdGenerator.NewTag());
        var callId = SipIdGenerator.NewCallId();
        var invite = CreateInvite(destination.Transport);
        if (destination.Transport.Protocol == SipTransportProtocol.Udp && invite.ToBytes().Length > MaxUdpRequestSize)
        {
            // RFC 3261 section 18.1.1: a request larger than 1,300 bytes (path MTU unknown) MUST go over a
            // congestion-controlled transport. Same address, TCP; Via and Contact say so.
            var size = invite.ToBytes().Length;
            if (_tcp is { } tcp)
            {
                destination = destination with { Transport = tcp };
                invite = CreateInvite(tcp);
            }
            else
            {
                Diagnostics.Report(
                    SipDiagnosticKind.Oversized,
                    $"A {size}-byte INVITE goes over UDP: RFC 3261 section 18.1.1 requires TCP above {MaxUdpRequestSize} bytes, and no TCP transport is configured (set SipTransportOptions.TcpEndPoint). It may be fragmented or lost.",
                    destination.EndPoint);
            }
        }

        SipRequest CreateInvite(ISipTransport transport)
        {
            var request = NewRequest(SipMethods.Invite, target, transport, from, new SipNameAddress(target));
            request.CallId = callId;
            request.Headers.Add(SipHeaderNames.Contact, ContactFor(transport));
            request.Headers.Add(SipHeaderNames.Allow, _allow);
            foreach (var header in options?.Headers ?? [])
            {
                request.Headers.Add(header.Name, header.Value);
            }

            if (offer is { } body)
            {
                SipCall.SetBody(request, body);
            }

            return request;
        }

        var cancelLock = new Lock();
        var cancelRequested = false;
        var cancelSent = false;
        SipCall? established = null;
        ClientRequest? client = null;

        void SendCancel()
        {
            // A CANCEL may only follow a provisional response (RFC 3261 section 9.1).
            SipRequest cancelled;
            lock (cancelLock)
            {
                if (cancelSent || !cancelRequested || client?.LastProvisional is null)
                {
                    return;
                }

                cancelSent = true;
                cancelled = invite;
            }

            Transactions.Send(CreateCancel(cancelled), destination);
        }

        void OnProgress(SipResponse response)
        {
            if (response.IsProvisional)
            {
                SendCancel();
                if (options?.Progress is { } progress)
                {
                    try
                    {
                        progress(response);
                    }
#pragma warning disable CA1031 // See Invoke.
                    catch (Exception exception)
#pragma warning restore CA1031
                    {
                        Diagnostics.Report(SipDiagnosticKind.HandlerError, "A dial progress handler threw.", null, exception);
                    }
                }
            }
            else if (response.IsSuccess)
            {
                Volatile.Read(ref established)?.OnRetransmitted2xx(response);
            }
        }

        SipResponse final;
        var authenticated = false;
        using (cancellationToken.Register(() =>
        {
            lock (cancelLock)
            {
                cancelRequested = true;
            }

            SendCancel();
        }))
        {
            while (true)
            {
                ClientRequest sent;
                lock (cancelLock)
                {
                    sent = client = Transactions.Send(invite, destination, OnProgress);
                    cancelSent = false;
                }

                final = await sent.Final.ConfigureAwait(false);

                // One retry answering a 401/407 digest challenge (RFC 3261 section 22.2), unless the caller gave up.
                if (authenticated || final.StatusCode is not (401 or 407) || options?.Credentials is not { } credentials
                    || cancellationToken.IsCancellationRequested
                    || CreateAuthenticatedRetry(invite, final, credentials, destination.Transport) is not { } retry)
                {
                    break;
                }

                authenticated = true;
                lock (cancelLock)
                {
                    invite = retry;
                }
            }
        }

        if (!final.IsSuccess)
        {
            return new SipDialResult(final, null);
        }

        var dialog = SipDialog.ForUac(invite, final, await DialogTargetAsync(final, destination, cancellationToken).ConfigureAwait(false));
        var call = new SipCall(this, dialog, SipCallDirection.Outbound, offer, SipCall.BodyOf(final));
        _calls[dialog.Key] = call;
        Volatile.Write(ref established, call);
        call.SendAck(invite.CSeq.Sequence);
        if (cancellationToken.IsCancellationRequested)
        {
            // The 2xx crossed our CANCEL: the call exists and must be ended (RFC 3261 section 15).
            _ = call.HangupAsync(CancellationToken.None);
            cancellationToken.ThrowIfCancellationRequested();
        }

        return new SipDialResult(final, call);
    }

    /// <summary>The request again with credentials for <paramref name="challenge"/>, a new branch and the next CSeq; null when the challenge cannot be answered.</summary>
    internal SipRequest? CreateAuthenticatedRetry(SipRequest request, SipResponse challenge, NetworkCredential credentials, ISipTransport transport)
    {
        var (challengeHeader, answerHeader) = challenge.StatusCode == 401
            ? (SipHeaderNames.WwwAuthenticate, SipHeaderNames.Authorization)
            : (SipHeaderNames.ProxyAuthenticate, SipHeaderNames.ProxyAuthorization);
        string? authorization = null;
        foreach (var value in challenge.Headers.GetAll(challengeHeader))
        {
            authorization = Auth.DigestClient.Answer(value, credentials.UserName, credentials.Password, request.Method, request.RequestUri.ToString());
            if (authorization is not null)
            {
                break;
            }
        }

        if (authorization is null)
        {
            return null;
        }

        var retry = new SipRequest(request.Method, request.RequestUri);
        retry.Headers.Add(SipHeaderNames.Via, CreateVia(transport).ToString());
        foreach (var header in request.Headers)
        {
            if (header.Name is SipHeaderNames.Via or SipHeaderNames.CSeq or SipHeaderNames.Authorization or SipHeaderNames.ProxyAuthorization or SipHeaderNames.ContentLength)
            {
                continue;
            }

            retry.Headers.Add(header.Name, header.Value);
        }

        retry.Headers.Add(SipHeaderNames.CSeq, new SipCSeq(request.CSeq.Sequence + 1, request.Method).ToString());
        retry.Headers.Add(answerHeader, authorization);
        retry.Body = request.Body;
        return retry;
    }

    public async Task<SipResponse> SendOptionsAsync(SipUri target, CancellationToken cancellationToken)
    {
        var destination = await ResolveAsync(target, cancellationToken).ConfigureAwait(false);
        var from = SipNameAddress.Parse($"<sip:{_options.DefaultUser}@{_host}>").WithTag(SipIdGenerator.NewTag());
        var options = NewRequest(SipMethods.Options, target, destination.Transport, from, new SipNameAddress(target));
        options.Headers.Add(SipHeaderNames.Accept, SipBody.SdpContentType);
        return await Transactions.Send(options, destination).Final.WaitAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// REGISTER with an upstream registrar (RFC 3261 section 10.2): one Call-ID per registrar and user, the CSeq
    /// counting up across refreshes, one answer to a digest challenge.
    /// </summary>
    public async Task<SipResponse> RegisterAsync(SipUri registrar, string user, NetworkCredential? credentials, TimeSpan expires, CancellationToken cancellationToken)
    {
        var destination = await ResolveAsync(registrar, cancellationToken).ConfigureAwait(false);
        var aor = new SipNameAddress(new SipUri(registrar.IsSecure ? "sips" : "sip", user, registrar.Host));
        var key = aor.Uri + "|" + registrar;
        var state = _registrations.GetOrAdd(key, _ => new UpstreamRegistration(SipIdGenerator.NewCallId(), SipIdGenerator.NewTag()));
        var request = NewRequest(SipMethods.Register, registrar, destination.Transport, aor.WithTag(state.FromTag), aor);
        request.CallId = state.CallId;
        request.CSeq = new SipCSeq(state.NextSequence(), SipMethods.Register);
        request.Headers.Add(SipHeaderNames.Contact, ContactFor(destination.Transport, user));
        request.Headers.Add(SipHeaderNames.Expires, ((long)expires.TotalSeconds).ToString(CultureInfo.InvariantCulture));

        var response = await Transactions.Send(request, destination).Final.WaitAsync(cancellationToken).ConfigureAwait(false);
        if (response.StatusCode is 401 or 407 && credentials is not null
            && CreateAuthenticatedRetry(request, response, credentials, destination.Transport) is { } retry)
        {
            state.Skip(retry.CSeq.Sequence);
            response = await Transactions.Send(retry, destination).Final.WaitAsync(cancellationToken).ConfigureAwait(false);
        }

        return response;
    }

    public async Task ShutdownAsync()
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(2));
        var hangups = _calls.Values.Select(call => call.HangupAsync(SipCallEndReason.Shutdown, timeout.Token)).ToArray();
        try
        {
            await Task.WhenAll(hangups).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            // Peers that do not answer the BYE within 2 s are left to time out on their side.
        }
    }

    /// <summary>
    /// Where requests to <paramref name="uri"/> go (RFC 3263 reduced to A records: the URI's host and port; UDP
    /// unless transport=tcp, or TLS for transport=tls and sips: URIs, which never fall back to a weaker transport).
    /// </summary>
    public async ValueTask<SipTarget> ResolveAsync(SipUri uri, CancellationToken cancellationToken)
    {
        var wantsTls = uri.IsSecure || string.Equals(uri.Transport, "tls", StringComparison.OrdinalIgnoreCase);
        var wantsTcp = string.Equals(uri.Transport, "tcp", StringComparison.OrdinalIgnoreCase);
        var transport = wantsTls
            ? _tls ?? throw new InvalidOperationException($"'{uri}' needs TLS, and no TLS transport is configured.")
            : (wantsTcp ? _tcp : _udp) ?? _udp ?? _tcp ?? _tls ?? throw new InvalidOperationException("No transport is listening.");
        var host = uri.Host.Trim('[', ']');
        if (!IPAddress.TryParse(host, out var address))
        {
            var addresses = await Dns.GetHostAddressesAsync(host, cancellationToken).ConfigureAwait(false);
            address = addresses.FirstOrDefault(a => a.AddressFamily == transport.LocalEndPoint.AddressFamily)
                ?? throw new InvalidOperationException($"'{host}' has no {transport.LocalEndPoint.AddressFamily} address.");
        }

        return new SipTarget(transport, new IPEndPoint(address, uri.Port ?? (transport.Protocol == SipTransportProtocol.Tls ? 5061 : 5060)));
    }

    private static readonly SipParameters RPort = SipParameters.Empty.With("rport", null);

    private static readonly SipValidationOptions Validation = new()
    {
        SupportedUriSchemes = ["sip", "sips", "tel"],
        AcceptedContentTypes = [SipBody.SdpContentType, "application/dtmf-relay", "application/dtmf", "message/sipfrag", "multipart/mixed", "multipart/alternative"],
    };

    private static string HostFor(IPAddress bound)
    {
        if (!bound.Equals(IPAddress.Any) && !bound.Equals(IPAddress.IPv6Any))
        {
            return bound.AddressFamily == AddressFamily.InterNetworkV6 ? $"[{bound}]" : bound.ToString();
        }

        var local = Dns.GetHostAddresses(Dns.GetHostName()).FirstOrDefault(a => a.AddressFamily == AddressFamily.InterNetwork && !IPAddress.IsLoopback(a));
        return (local ?? IPAddress.Loopback).ToString();
    }

    private SipRequest NewRequest(string method, SipUri target, ISipTransport transport, SipNameAddress from, SipNameAddress to)
    {
        var request = new SipRequest(method, target);
        var headers = request.Headers;
        headers.Add(SipHeaderNames.Via, CreateVia(transport).ToString());
        headers.Add(SipHeaderNames.MaxForwards, "70");
        headers.Add(SipHeaderNames.From, from.ToString());
        headers.Add(SipHeaderNames.To, to.ToString());
        headers.Add(SipHeaderNames.CallId, SipIdGenerator.NewCallId());
        headers.Add(SipHeaderNames.CSeq, new SipCSeq(1, method).ToString());
        if (_options.ProductName is { } product)
        {
            headers.Add(SipHeaderNames.UserAgent, product);
        }

        return request;
    }

    // RFC 3261 section 9.1: same Request-URI, Call-ID, From, To, CSeq number, the INVITE's top Via, its Routes.
    private static SipRequest CreateCancel(SipRequest invite)
    {
        var cancel = new SipRequest(SipMethods.Cancel, invite.RequestUri);
        var headers = cancel.Headers;
        headers.Add(SipHeaderNames.Via, invite.TopVia!.ToString());
        headers.Add(SipHeaderNames.MaxForwards, "70");
        headers.Add(SipHeaderNames.From, invite.Headers.GetFirst(SipHeaderNames.From)!);
        headers.Add(SipHeaderNames.To, invite.Headers.GetFirst(SipHeaderNames.To)!);
        headers.Add(SipHeaderNames.CallId, invite.CallId);
        headers.Add(SipHeaderNames.CSeq, new SipCSeq(invite.CSeq.Sequence, SipMethods.Cancel).ToString());
        foreach (var route in invite.Headers.GetAll(SipHeaderNames.Route))
        {
            headers.Add(SipHeaderNames.Route, route);
        }

        return cancel;
    }

    // RFC 3261 section 8.2.2-8.2.3 (416, 420, 415, 406 and a registrar's To) through the message layer's
    // validator; a UAS accepts Max-Forwards 0 (RFC 4475 section 3.3.9 zeromf is a proxy's 483).
    private bool PassesChecks(ServerRequest request)
    {
        var message = request.Request;
        if (message.Method is SipMethods.Ack or SipMethods.Cancel)
        {
            return true;
        }

        var validation = SipRequestValidator.Validate(message, Validation);
        if (validation.IsValid)
        {
            return true;
        }

        var response = validation.CreateResponse(message, request.NewTagFor(validation.StatusCode));
        if (_options.ProductName is { } product)
        {
            response.Headers.Add(SipHeaderNames.Server, product);
        }

        request.Respond(response);
        return false;
    }

    private void OnInvite(ServerRequest request)
    {
        var handler = _options.IncomingCall;
        if (handler is null)
        {
            request.Respond(CreateResponse(request, 480, null));
            return;
        }

        // 100 Trying at once stops the caller's INVITE retransmissions (RFC 3261 section 17.2.1).
        request.Respond(request.Request.CreateResponse(100));
        var call = new SipIncomingCall(this, request, SipIdGenerator.NewTag());
        request.Context = call;
        _early[call.EarlyDialogKey] = call;
        ThreadPool.UnsafeQueueUserWorkItem(
            static state => _ = state.Core.RunHandlerAsync(state.Handler, state.Call, state.Request),
            (Core: this, Handler: handler, Call: call, Request: request),
            preferLocal: false);
    }

    private async Task RunHandlerAsync(Func<SipIncomingCall, Task> handler, SipIncomingCall call, ServerRequest request)
    {
        try
        {
            await handler(call).ConfigureAwait(false);
        }
#pragma warning disable CA1031 // The application's failure answers the caller 500.
        catch (Exception exception)
#pragma warning restore CA1031
        {
            Diagnostics.Report(SipDiagnosticKind.HandlerError, "The incoming call handler threw.", request.Source.EndPoint, exception);
            call.Reject(500);
        }
    }

    private void OnCancel(ServerRequest request)
    {
        var invite = Transactions.FindInviteFor(request.Request);
        if (invite?.Context is SipIncomingCall call)
        {
            // The same To tag as the 487 (RFC 3261 section 9.2).
            request.Respond(200, call.LocalTag);
            call.Cancel();
        }
        else if (invite is not null)
        {
            // Already answered: the CANCEL is accepted but changes nothing, and its 200 carries the To tag of the
            // INVITE's 200 (section 9.2), not a new one.
            request.Respond(200, (invite.Context as SipCall)?.Key.LocalTag);
        }
        else
        {
            request.Respond(481);
        }
    }

    private void RespondOptions(ServerRequest request)
    {
        var response = CreateResponse(request, 200, request.Request.To.Tag is null ? SipIdGenerator.NewTag() : null);
        response.Headers.Add(SipHeaderNames.Allow, _allow);
        response.Headers.Add(SipHeaderNames.Accept, SipBody.SdpContentType);
        request.Respond(response);
    }

    // In-dialog requests go to the peer's Contact, its remote target (RFC 3261 section 12.2.1.1), on the transport the
    // INVITE used — on TCP and TLS too: the caller's connection comes from an ephemeral port that nothing listens on
    // once it closes. A Contact we cannot address (a host name) or a route set keeps the INVITE's source.
    private static SipTarget TargetForDialog(ServerRequest invite)
    {
        var message = invite.Request;
        if (message.Headers.Contains(SipHeaderNames.RecordRoute) || message.Contacts.Count == 0)
        {
            return invite.Source;
        }

        return ContactTarget(invite.Source, message.Contacts[0].Uri);
    }

    private static SipTarget ContactTarget(SipTarget current, SipUri contact)
    {
        if (!IPAddress.TryParse(contact.Host.Trim('[', ']'), out var address))
        {
            return current;
        }

        var port = contact.Port ?? (current.Transport.Protocol == SipTransportProtocol.Tls ? 5061 : 5060);
        return current with { EndPoint = new IPEndPoint(address, port) };
    }

    private async ValueTask<SipTarget> DialogTargetAsync(SipResponse response, SipTarget current, CancellationToken cancellationToken)
    {
        if (response.Headers.Contains(SipHeaderNames.RecordRoute) || response.Contacts.Count == 0)
        {
            return current;
        }

        if (current.IsReliable)
        {
            // The callee's Contact on the connection-oriented transport we called it on (section 12.2.1.1).
            return ContactTarget(current, response.Contacts[0].Uri);
        }

        try
        {
            return await ResolveAsync(response.Contacts[0].Uri, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception exception) when (exception is SocketException or InvalidOperationException)
        {
            return current;
        }
    }
}
