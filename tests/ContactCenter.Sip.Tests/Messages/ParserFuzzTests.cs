using System.Text;
using ContactCenter.Sip.Messages;

namespace ContactCenter.Sip.Tests.Messages;

/// <summary>
/// Random and mutated messages fed to the parser and the stream framer, a fixed number of times from fixed seeds
/// (deterministic, about a second): no exception escapes, and whatever parses can be read through every typed
/// property, serialized, and parsed again to the same message.
/// </summary>
public sealed class ParserFuzzTests
{
    private const int Mutations = 25_000;

    private static readonly byte[][] s_corpus = [.. TortureData.AllNames().Select(TortureData.Load)];

    private static readonly byte[] s_alphabet = Encoding.ASCII.GetBytes("\r\n \t:;,=<>\"\\@/?%&[]*.0123456789SIPsip2ZzVvl-");

    [Fact]
    public void Parse_MutatedTortureMessages_NeverThrowsAndStaysConsistent()
    {
        var random = new Random(4475);
        for (int n = 0; n < Mutations; n++)
        {
            byte[] input = Mutate(s_corpus[random.Next(s_corpus.Length)], random);
            Exercise(input);
        }
    }

    [Fact]
    public void Parse_RandomBytes_NeverThrows()
    {
        var random = new Random(3261);
        for (int n = 0; n < 5_000; n++)
        {
            var input = new byte[random.Next(0, 400)];
            if (random.Next(2) == 0)
            {
                random.NextBytes(input);
            }
            else
            {
                for (int i = 0; i < input.Length; i++)
                {
                    input[i] = s_alphabet[random.Next(s_alphabet.Length)];
                }
            }

            Exercise(input);
        }
    }

    [Fact]
    public void Framer_MutatedStream_NeverThrows()
    {
        var random = new Random(18);
        using var framer = new SipStreamFramer(new SipParserOptions { MaxMessageSize = 8192 });
        for (int n = 0; n < 3_000; n++)
        {
            byte[] input = random.Next(4) == 0 ? Mutate(s_corpus[random.Next(s_corpus.Length)], random) : s_corpus[random.Next(s_corpus.Length)];
            int at = 0;
            while (at < input.Length)
            {
                int chunk = Math.Min(input.Length - at, random.Next(1, 700));
                framer.Append(input.AsSpan(at, chunk));
                at += chunk;
                SipFrameStatus status;
                while ((status = framer.TryRead(out SipParseResult r)) == SipFrameStatus.Message)
                {
                    Check(r);
                }

                if (status == SipFrameStatus.Error)
                {
                    Check(new SipParseResult());
                }
            }
        }
    }

    private static void Exercise(byte[] input)
    {
        SipParseResult r = SipParser.Parse(input);
        Check(r);
    }

    private static void Check(SipParseResult r)
    {
        if (r.IsSuccess)
        {
            SipMessage m = r.Message;
            _ = m.Vias.Count;
            _ = m.From.Tag;
            _ = m.To.Uri.Parameters.Count;
            _ = m.CallId;
            _ = m.CSeq;
            _ = m.Contacts.Count;
            _ = m.Routes.Count;
            _ = m.RecordRoutes.Count;
            _ = m.MaxForwards;
            if (m is SipRequest req)
            {
                _ = req.RequestUri.Parameters.Count;
                _ = SipRequestValidator.Validate(req).StatusCode;
            }

            SipParseResult again = SipParser.Parse(m.ToBytes());
            Assert.True(again.IsSuccess, $"re-parse failed: {again.Error}\n{m}");
            RoundTripTests.AssertSame(m, again.Message);
        }
        else if (r.ShouldRespond)
        {
            _ = r.RejectedRequest!.CreateResponse(r.StatusCode, toTag: "t").ToBytes();
        }
    }

    private static byte[] Mutate(byte[] source, Random random)
    {
        var bytes = new List<byte>(source);
        int edits = random.Next(1, 4);
        for (int e = 0; e < edits && bytes.Count > 0; e++)
        {
            int at = random.Next(bytes.Count);
            switch (random.Next(6))
            {
                case 0:
                    bytes[at] = (byte)random.Next(256);
                    break;
                case 1:
                    bytes[at] = s_alphabet[random.Next(s_alphabet.Length)];
                    break;
                case 2:
                    bytes.Insert(at, s_alphabet[random.Next(s_alphabet.Length)]);
                    break;
                case 3:
                    bytes.RemoveAt(at);
                    break;
                case 4:
                    bytes.RemoveRange(at, bytes.Count - at);
                    break;
                default:
                    int len = Math.Min(random.Next(1, 40), bytes.Count - at);
                    bytes.InsertRange(random.Next(bytes.Count), bytes.GetRange(at, len));
                    break;
            }
        }

        return [.. bytes];
    }
}
