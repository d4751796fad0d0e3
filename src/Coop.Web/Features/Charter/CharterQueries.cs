using Coop.Data;
using Coop.Domain.Charter;
using Microsoft.EntityFrameworkCore;

namespace Coop.Web.Features.Charter;

/// <summary>The charter questions pages and filters ask: the current version, and whether a member accepted it.</summary>
public sealed class CharterQueries(CoopDbContext db)
{
    public Task<CharterVersion?> CurrentAsync(CancellationToken ct) =>
        db.CharterVersions.AsNoTracking().Where(v => v.Number != null).OrderByDescending(v => v.Number).FirstOrDefaultAsync(ct);

    /// <summary>True when there is no published charter yet, or the member accepted the current one.</summary>
    public async Task<bool> HasAcceptedCurrentAsync(Guid memberId, CancellationToken ct)
    {
        var current = db.CharterVersions.Where(v => v.Number != null).OrderByDescending(v => v.Number).Select(v => (Guid?)v.Id);
        // One round trip: asked about the member's own row, so an unknown member has accepted nothing.
        return await db.Members.Where(m => m.Id == memberId)
            .Select(_ => current.FirstOrDefault() == null || db.CharterAcceptances.Any(a => a.MemberId == memberId && a.CharterVersionId == current.FirstOrDefault()))
            .FirstOrDefaultAsync(ct);
    }
}
