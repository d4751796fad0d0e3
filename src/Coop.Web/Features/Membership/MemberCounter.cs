using Coop.Data;
using Coop.Domain.Membership;
using Microsoft.EntityFrameworkCore;

namespace Coop.Web.Features.Membership;

/// <summary>
/// Keeps <see cref="Domain.Tenancy.Tenant.ActiveMemberCount"/> in step after the registry changes a status, so the
/// operator console shows member counts without reading any cooperative's rows.
/// </summary>
public static class MemberCounter
{
    public static async Task RefreshAsync(CoopDbContext db, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        var tenantId = db.TenantId ?? throw new InvalidOperationException("Counting members needs a tenant.");
        var count = await db.Members.CountAsync(m => m.Status == MembershipStatus.Active, ct);
        var tenant = await db.Tenants.SingleAsync(t => t.Id == tenantId, ct);
        tenant.CountActiveMembers(count);
    }
}
