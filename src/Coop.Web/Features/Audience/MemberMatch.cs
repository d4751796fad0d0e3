using Coop.Data;
using Microsoft.EntityFrameworkCore;

namespace Coop.Web.Features.Audience;

/// <summary>
/// A contact with a member's address is that member: the link lets admins see it, and erasing the member erases the
/// contact too. Matched on Identity's normalised e-mail, within this cooperative only.
/// </summary>
public sealed class MemberMatch(CoopDbContext db)
{
    public async Task LinkAsync(Domain.Audience.Contact contact, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(contact);
        var normalized = contact.EmailNormalized.ToUpperInvariant();
        contact.LinkMember(await db.Members.Join(db.Users, m => m.UserId, u => u.Id, (m, u) => new { m.Id, u.NormalizedEmail })
            .Where(x => x.NormalizedEmail == normalized).Select(x => (Guid?)x.Id).FirstOrDefaultAsync(ct));
    }

    /// <summary>After a bulk import: the members' addresses are few, so they are matched in memory, then each match updated.</summary>
    public async Task LinkAllAsync(CancellationToken ct)
    {
        var members = (await db.Members.Join(db.Users, m => m.UserId, u => u.Id, (m, u) => new { m.Id, u.NormalizedEmail }).ToListAsync(ct))
            .Where(x => x.NormalizedEmail is not null).GroupBy(x => x.NormalizedEmail!.ToLowerInvariant()).ToDictionary(g => g.Key, g => g.First().Id);
        foreach (var chunk in members.Keys.Chunk(1000))
        {
            var matches = await db.Contacts.Where(c => c.MemberId == null && chunk.Contains(c.EmailNormalized)).Select(c => new { c.Id, c.EmailNormalized }).ToListAsync(ct);
            foreach (var match in matches)
            {
                var memberId = members[match.EmailNormalized];
                await db.Contacts.Where(c => c.Id == match.Id).ExecuteUpdateAsync(s => s.SetProperty(c => c.MemberId, memberId), ct);
            }
        }
    }
}
