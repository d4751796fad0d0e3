using Coop.Data;
using Coop.Domain.Membership;
using Coop.Web.Features.Tenancy;
using Microsoft.EntityFrameworkCore;

namespace Coop.Web.Features.Membership;

/// <summary>
/// Keeps <see cref="Domain.Tenancy.Tenant.ActiveMemberCount"/> in step after the registry changes a status, so the
/// operator console shows member counts without reading any cooperative's rows.
/// </summary>
public static class MemberCounter
{
    /// <summary>
    /// Saves the pending changes, recounts the active members as they now stand, and saves the count. Call it
    /// inside the caller's transaction so the change and the count commit together.
    /// </summary>
    public static async Task SaveAndRecountAsync(CoopDbContext db, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        await db.SaveChangesAsync(ct);
        var count = await db.Members.CountAsync(m => m.Status == MembershipStatus.Active, ct);
        var tenant = await new CurrentCooperative(db).ForUpdateAsync(ct);
        tenant.CountActiveMembers(count);
        await db.SaveChangesAsync(ct);
    }
}
