using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Caching.Memory;

namespace Coop.Web.Features.Accounts;

/// <summary>
/// The session cookies seen in the last minute, with what they decrypt to. Every page sent the cookie through data
/// protection again (key derivation, AES and HMAC in OpenSSL): 3 % of a page. A cookie is its own key, so a hit
/// returns exactly what decrypting it would, and no cooperative's data is involved (memberships are checked
/// afterwards, per cooperative). Expiry, sliding renewal and the security stamp are still checked on every request by
/// the cookie handler, on a copy of the ticket. One consequence: a data protection key revoked by hand stops opening
/// sessions up to a minute later on each node.
/// </summary>
public sealed class RecentTickets : IDisposable
{
    private const int Limit = 10_000; // sessions; each entry is a cookie (1-2 KB) and its ticket
    private static readonly TimeSpan Kept = TimeSpan.FromMinutes(1);
    private readonly MemoryCache _cache = new(new MemoryCacheOptions { SizeLimit = Limit, CompactionPercentage = 0.25 });

    public ISecureDataFormat<AuthenticationTicket> Around(ISecureDataFormat<AuthenticationTicket> format) => new Format(format, _cache);

    public void Dispose() => _cache.Dispose();

    private sealed class Format(ISecureDataFormat<AuthenticationTicket> inner, MemoryCache cache) : ISecureDataFormat<AuthenticationTicket>
    {
        public string Protect(AuthenticationTicket data) => inner.Protect(data);

        public string Protect(AuthenticationTicket data, string? purpose) => inner.Protect(data, purpose);

        public AuthenticationTicket? Unprotect(string? protectedText) => Unprotect(protectedText, null);

        public AuthenticationTicket? Unprotect(string? protectedText, string? purpose)
        {
            if (string.IsNullOrEmpty(protectedText)) return inner.Unprotect(protectedText, purpose);
            var key = (purpose, protectedText);
            // A copy each time: the handler and the sign-in code may change the principal or the properties they get.
            if (cache.TryGetValue(key, out AuthenticationTicket? kept)) return kept!.Clone();
            var ticket = inner.Unprotect(protectedText, purpose);
            if (ticket is null) return null; // a forged or stale cookie is not remembered: it is refused each time
            cache.Set(key, ticket.Clone(), new MemoryCacheEntryOptions { Size = 1, AbsoluteExpirationRelativeToNow = Kept });
            return ticket;
        }
    }
}
