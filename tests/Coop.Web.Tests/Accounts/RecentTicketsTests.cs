using System.Security.Claims;
using Coop.Web.Features.Accounts;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.DataProtection;

namespace Coop.Web.Tests.Accounts;

/// <summary>
/// A session cookie sent again is opened from memory instead of being decrypted again, and what the memory gives
/// is the same as decrypting would, each caller getting its own copy; a forged cookie is never remembered.
/// </summary>
public sealed class RecentTicketsTests
{
    private RecentTickets _tickets = null!;
    private CountingProtector _protector = null!;
    private ISecureDataFormat<AuthenticationTicket> _format = null!;

    [SetUp]
    public void Remember()
    {
        _tickets = new RecentTickets();
        _protector = new CountingProtector(new EphemeralDataProtectionProvider().CreateProtector("session"));
        _format = _tickets.Around(new TicketDataFormat(_protector));
    }

    [TearDown]
    public void Forget() => _tickets.Dispose();

    [Test]
    public void A_cookie_sent_again_is_decrypted_once_and_each_request_gets_its_own_copy()
    {
        var cookie = _format.Protect(Ticket("ada@test.coop"));

        var first = _format.Unprotect(cookie)!;
        first.Principal.Identities.First().AddClaim(new Claim(ClaimTypes.Role, "added by a request"));
        first.Properties.Items["changed"] = "yes";
        var second = _format.Unprotect(cookie)!;

        Assert.Multiple(() =>
        {
            Assert.That(_protector.Unprotects, Is.EqualTo(1), "the second request is served from memory");
            Assert.That(second.Principal.FindFirstValue(ClaimTypes.Email), Is.EqualTo("ada@test.coop"));
            Assert.That(second.Principal.IsInRole("added by a request"), Is.False, "one request's changes stay its own");
            Assert.That(second.Properties.Items.ContainsKey("changed"), Is.False);
            Assert.That(second.Properties.ExpiresUtc, Is.EqualTo(first.Properties.ExpiresUtc), "expiry still travels with the ticket");
        });
    }

    [Test]
    public void Different_cookies_open_as_their_own_people_and_a_forged_one_is_refused_every_time()
    {
        var ada = _format.Protect(Ticket("ada@test.coop"));
        var bob = _format.Protect(Ticket("bob@test.coop"));
        var forged = ada[..^4] + (ada[^4] == 'A' ? "B" : "A") + ada[^3..];

        Assert.Multiple(() =>
        {
            Assert.That(_format.Unprotect(ada)!.Principal.FindFirstValue(ClaimTypes.Email), Is.EqualTo("ada@test.coop"));
            Assert.That(_format.Unprotect(bob)!.Principal.FindFirstValue(ClaimTypes.Email), Is.EqualTo("bob@test.coop"));
            Assert.That(_format.Unprotect(ada)!.Principal.FindFirstValue(ClaimTypes.Email), Is.EqualTo("ada@test.coop"));
            Assert.That(_format.Unprotect(forged), Is.Null);
            Assert.That(_format.Unprotect(forged), Is.Null);
            Assert.That(_format.Unprotect(null), Is.Null);
            Assert.That(_protector.Unprotects, Is.EqualTo(4), "ada and bob once each; the forged cookie each time it comes");
        });
    }

    private static AuthenticationTicket Ticket(string email) => new(
        new ClaimsPrincipal(new ClaimsIdentity([new Claim(ClaimTypes.Email, email)], "test")),
        new AuthenticationProperties { IssuedUtc = DateTimeOffset.UtcNow, ExpiresUtc = DateTimeOffset.UtcNow.AddDays(14) },
        "test");

    /// <summary>A real protector that counts its decryptions.</summary>
    private sealed class CountingProtector(IDataProtector inner) : IDataProtector
    {
        public int Unprotects { get; private set; }

        public IDataProtector CreateProtector(string purpose) => new CountingProtector(inner.CreateProtector(purpose));

        public byte[] Protect(byte[] plaintext) => inner.Protect(plaintext);

        public byte[] Unprotect(byte[] protectedData)
        {
            Unprotects++;
            return inner.Unprotect(protectedData);
        }
    }
}
