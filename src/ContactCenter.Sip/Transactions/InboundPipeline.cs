using System.Globalization;
using System.Net;
using ContactCenter.Sip.Messages;
using ContactCenter.Sip.Transport;

namespace ContactCenter.Sip.Transactions;

/// <summary>
/// The bottom of the transaction layer, fed by the transports: parses each message; answers an unparseable
/// request 400 (or the parser's 505/513) statelessly and drops an unparseable response, reporting either once;
/// stamps <c>received</c>/<c>rport</c> on a request's top Via (RFC 3261 section 18.2.1, RFC 3581); then hands the
/// message to the <see cref="TransactionLayer"/>. Never throws into a receive loop.
/// </summary>
internal sealed class InboundPipeline : ISipTransportSink
{
    private readonly TransactionLayer _transactions;
    private readonly TransportDiagnostics _diagnostics;
    private readonly SipParserOptions _parserOptions;

    public InboundPipeline(TransactionLayer transactions, TransportDiagnostics diagnostics, int maxMessageSize)
    {
        _transactions = transactions;
        _diagnostics = diagnostics;
        _parserOptions = new SipParserOptions { MaxMessageSize = maxMessageSize };
    }

    // Parse copies the bytes: the UDP transport reuses its buffer as soon as this returns.
    public void OnMessage(ISipTransport transport, IPEndPoint remote, ReadOnlyMemory<byte> message) =>
        OnParsed(transport, remote, SipParser.Parse(message.Span, _parserOptions));

    public void OnParsed(ISipTransport transport, IPEndPoint remote, SipParseResult result)
    {
        var source = new SipTarget(transport, remote);
        if (!result.IsSuccess)
        {
            Reject(result, source);
            return;
        }

        try
        {
            if (result.Message is SipRequest request)
            {
                StampVia(request, remote);
                _transactions.OnRequest(request, source);
            }
            else
            {
                _transactions.OnResponse((SipResponse)result.Message, source);
            }
        }
        catch (FormatException exception)
        {
            // A header the parser keeps unchecked turned out unusable where the stack needed it.
            if (result.Message is SipRequest request)
            {
                _diagnostics.Report(SipDiagnosticKind.MalformedRequest, $"Refused: {exception.Message}", remote, exception);
                if (request.Method != SipMethods.Ack)
                {
                    TryRespondStateless(request, 400, "Bad Request", source);
                }
            }
            else
            {
                _diagnostics.Report(SipDiagnosticKind.MalformedResponse, $"Dropped a response: {exception.Message}", remote, exception);
            }
        }
    }

    private void Reject(SipParseResult result, SipTarget source)
    {
        if (result.ShouldRespond && result.RejectedRequest is { } rejected)
        {
            _diagnostics.Report(
                result.StatusCode == 513 ? SipDiagnosticKind.Oversized : SipDiagnosticKind.MalformedRequest,
                $"Answered {result.StatusCode}: {result.Error}",
                source.EndPoint);
            if (rejected.Method != SipMethods.Ack)
            {
                TryRespondStateless(rejected, result.StatusCode, null, source);
            }

            return;
        }

        _diagnostics.Report(
            result.StatusCode == 0 ? SipDiagnosticKind.MalformedResponse : SipDiagnosticKind.MalformedRequest,
            $"Dropped unparseable input ({result.Error}).",
            source.EndPoint);
    }

    private void TryRespondStateless(SipRequest request, int statusCode, string? reason, SipTarget source)
    {
        try
        {
            var response = request.CreateResponse(statusCode, reason, SipIdGenerator.NewTag());
            source.Send(response.ToBytes(), _diagnostics);
        }
#pragma warning disable CA1031 // The request is too broken even to answer; it was already reported.
        catch (Exception)
#pragma warning restore CA1031
        {
        }
    }

    private static void StampVia(SipRequest request, IPEndPoint remote)
    {
        var via = request.TopVia;
        if (via is null)
        {
            return;
        }

        var address = remote.Address.IsIPv4MappedToIPv6 ? remote.Address.MapToIPv4() : remote.Address;
        var needsReceived = !IPAddress.TryParse(via.Host.Trim('[', ']'), out var sentBy) || !sentBy.Equals(address);
        var needsRPort = via.HasRPort && via.RPort is null;
        if (!needsReceived && !needsRPort)
        {
            return;
        }

        var stamped = needsReceived ? via.WithReceived(address.ToString()) : via;
        if (needsRPort)
        {
            stamped = stamped.WithParameter("rport", remote.Port.ToString(CultureInfo.InvariantCulture));
        }

        request.ReplaceTopVia(stamped);
    }
}
