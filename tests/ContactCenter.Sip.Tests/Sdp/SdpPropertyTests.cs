using ContactCenter.Sip.Sdp;
using ContactCenter.Sip.Tests.Messages;
using CsCheck;

namespace ContactCenter.Sip.Tests.Sdp;

/// <summary>Property-based tests of SDP: generated descriptions print and parse back unchanged, and negotiate.</summary>
public sealed class SdpPropertyTests
{
    private static readonly Gen<SdpCodec[]> s_codecs = Gen.Shuffle(new[] { SdpCodec.Pcmu, SdpCodec.Pcma, SdpCodec.TelephoneEvent }, 1, 3);

    private static readonly Gen<SdpLocalMedia> s_local =
        Gen.Select(Gen.Byte.Array[4], Gen.Int[1, 32767], s_codecs, Gen.Enum<SdpDirection>(), Gen.ULong, Gen.ULong,
            (ip, port, codecs, direction, id, version) => new SdpLocalMedia
            {
                Address = string.Join('.', ip),
                AudioPort = port * 2,
                Codecs = codecs,
                Direction = direction,
                SessionId = id,
                SessionVersion = version,
            });

    [Fact]
    public void Offer_Generated_PrintsAndParsesBackUnchanged() =>
        Property.ForAll(s_local, local =>
        {
            string text = SdpNegotiator.CreateOffer(local).ToString();
            Assert.True(SdpSessionDescription.TryParse(text, out SdpSessionDescription? back, out string? error), error);
            Assert.Equal(text, back.ToString());
            Assert.Equal(local.Direction, back.GetDirection(back.Media[0]));
        });

    [Fact]
    public void OfferAnswer_GeneratedSides_AgreeWhenTheyShareAVoiceCodec() =>
        Property.ForAll(Gen.Select(s_local, s_local), x =>
        {
            (SdpLocalMedia offerer, SdpLocalMedia answerer) = x;
            SdpSessionDescription offer = SdpNegotiator.CreateOffer(offerer);
            SdpNegotiationResult answered = SdpNegotiator.CreateAnswer(SdpSessionDescription.Parse(offer.ToString()), answerer);
            bool shareVoice = offerer.Codecs.Any(c => !c.IsTelephoneEvent && answerer.Codecs.Contains(c));
            Assert.Equal(shareVoice, answered.IsSuccess);
            if (!shareVoice)
            {
                Assert.Equal(488, answered.StatusCode);
                return;
            }

            SdpNegotiationResult processed = SdpNegotiator.ProcessAnswer(offer, SdpSessionDescription.Parse(answered.Answer!.ToString()));
            Assert.True(processed.IsSuccess, processed.Error);
            Assert.Equal(answered.Codec, processed.Codec);
            Assert.Equal((offerer.Address, offerer.AudioPort), (answered.RemoteAddress, answered.RemotePort));
            Assert.Equal((answerer.Address, answerer.AudioPort), (processed.RemoteAddress, processed.RemotePort));
            bool bothDtmf = offerer.Codecs.Any(c => c.IsTelephoneEvent) && answerer.Codecs.Any(c => c.IsTelephoneEvent);
            Assert.Equal(bothDtmf, processed.TelephoneEvent is not null);
            bool offererSends = processed.Direction is SdpDirection.SendRecv or SdpDirection.SendOnly;
            bool answererReceives = answered.Direction is SdpDirection.SendRecv or SdpDirection.RecvOnly;
            Assert.Equal(offererSends, answererReceives);
        });
}
