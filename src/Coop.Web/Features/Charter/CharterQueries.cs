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
        var current = await CurrentAsync(ct);
        return current is null || await db.CharterAcceptances.AnyAsync(a => a.MemberId == memberId && a.CharterVersionId == current.Id, ct);
    }
}
