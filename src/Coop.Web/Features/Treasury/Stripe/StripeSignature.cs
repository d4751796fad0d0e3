using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace Coop.Web.Features.Treasury.Stripe;

/// <summary>
/// Stripe's webhook signature: header <c>t=&lt;unix&gt;,v1=&lt;hex&gt;[,v1=…]</c>, where each v1 may be
/// HMAC-SHA256(secret, "&lt;t&gt;.&lt;raw body&gt;") (several while a secret is being rolled). Compared in constant time.
/// </summary>
public static class StripeSignature
{
    public static bool Verify(string? header, ReadOnlySpan<byte> body, string secret, DateTimeOffset now, TimeSpan tolerance)
    {
        if (string.IsNullOrEmpty(header) || string.IsNullOrEmpty(secret)) return false;
        long? timestamp = null;
        var signatures = new List<byte[]>();
        foreach (var part in header.Split(','))
        {
            var eq = part.IndexOf('=', StringComparison.Ordinal);
            if (eq <= 0) continue;
            var (key, value) = (part[..eq].Trim(), part[(eq + 1)..].Trim());
            if (key == "t" && long.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var t)) timestamp = t;
            else if (key == "v1" && value.Length == 64)
            {
                try { signatures.Add(Convert.FromHexString(value)); }
                catch (FormatException) { /* not hex: ignored, like any unknown scheme */ }
            }
        }
        if (timestamp is not { } unix || signatures.Count == 0) return false;
        if ((now - DateTimeOffset.FromUnixTimeSeconds(unix)).Duration() > tolerance) return false;
        var expected = Compute(secret, unix, body);
        var match = false;
        foreach (var signature in signatures) match |= CryptographicOperations.FixedTimeEquals(signature, expected);
        return match;
    }

    /// <summary>The v1 signature of a payload at a time (also how a test server signs as Stripe does).</summary>
    public static byte[] Compute(string secret, long unixTime, ReadOnlySpan<byte> body)
    {
        var prefix = Encoding.UTF8.GetBytes(unixTime.ToString(CultureInfo.InvariantCulture) + ".");
        var message = new byte[prefix.Length + body.Length];
        prefix.CopyTo(message, 0);
        body.CopyTo(message.AsSpan(prefix.Length));
        return HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), message);
    }

    public static string Header(string secret, long unixTime, ReadOnlySpan<byte> body) =>
        FormattableString.Invariant($"t={unixTime},v1={Convert.ToHexStringLower(Compute(secret, unixTime, body))}");
}
