using System.Buffers.Binary;
using System.Security.Cryptography;

namespace ContactCenter.Sip.Auth;

/// <summary>
/// Issues and checks server nonces without keeping state: a nonce is the issue time, 8 random bytes and a
/// truncated HMAC-SHA-256 of both under a per-process key, base64url-encoded. A nonce from another process or
/// a tampered one fails the HMAC; an old one is <see cref="NonceStatus.Stale"/>. Thread-safe.
/// </summary>
internal sealed class NonceManager
{
    private const int TimeBytes = 8;
    private const int RandomBytes = 8;
    private const int MacBytes = 16;
    private const int TotalBytes = TimeBytes + RandomBytes + MacBytes;

    private readonly byte[] _key = RandomNumberGenerator.GetBytes(32);
    private readonly TimeProvider _time;
    private readonly TimeSpan _lifetime;

    public NonceManager(TimeProvider time, TimeSpan lifetime)
    {
        _time = time;
        _lifetime = lifetime;
    }

    /// <summary>A new nonce stamped with the current time.</summary>
    public string Create()
    {
        Span<byte> nonce = stackalloc byte[TotalBytes];
        BinaryPrimitives.WriteInt64BigEndian(nonce, _time.GetUtcNow().ToUnixTimeMilliseconds());
        RandomNumberGenerator.Fill(nonce.Slice(TimeBytes, RandomBytes));
        Sign(nonce[..(TimeBytes + RandomBytes)], nonce[(TimeBytes + RandomBytes)..]);
        return Convert.ToBase64String(nonce).TrimEnd('=').Replace('+', '-').Replace('/', '_');
    }

    /// <summary>Checks a nonce a client returned.</summary>
    public NonceStatus Check(string nonce)
    {
        if (nonce.Length is < 40 or > 48)
        {
            return NonceStatus.Invalid;
        }

        var base64 = nonce.Replace('-', '+').Replace('_', '/');
        base64 = base64.PadRight((base64.Length + 3) / 4 * 4, '=');
        Span<byte> bytes = stackalloc byte[48];
        if (!Convert.TryFromBase64String(base64, bytes, out var length) || length != TotalBytes)
        {
            return NonceStatus.Invalid;
        }

        Span<byte> mac = stackalloc byte[MacBytes];
        Sign(bytes[..(TimeBytes + RandomBytes)], mac);
        if (!CryptographicOperations.FixedTimeEquals(mac, bytes.Slice(TimeBytes + RandomBytes, MacBytes)))
        {
            return NonceStatus.Invalid;
        }

        var issued = DateTimeOffset.FromUnixTimeMilliseconds(BinaryPrimitives.ReadInt64BigEndian(bytes));
        var age = _time.GetUtcNow() - issued;
        return age < TimeSpan.Zero || age > _lifetime ? NonceStatus.Stale : NonceStatus.Valid;
    }

    private void Sign(ReadOnlySpan<byte> data, Span<byte> mac)
    {
        Span<byte> full = stackalloc byte[32];
        HMACSHA256.HashData(_key, data, full);
        full[..MacBytes].CopyTo(mac);
    }
}
