using Coop.Domain.Membership;
using Coop.Domain.Tenancy;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Coop.Data.Tenancy;

/// <summary>One of a person's memberships, as shown on their own "my cooperatives" list.</summary>
public sealed record UserMembership(Guid TenantId, string Slug, string Name, TenantState TenantState, MembershipStatus Status, MemberRoles Roles);

/// <summary>
/// The only cross-cooperative read of tenant rows: a person's own memberships, for their list of cooperatives.
/// It runs in a scope bound to that person (no tenant), skips the tenant filter for this one query and selects
/// by user id; on PostgreSQL the <c>own_memberships</c> policy lets the app role see exactly those rows
/// (read-only) while <c>coop.user_id</c> names the person, and nothing else.
/// </summary>
public sealed class UserMemberships(IServiceScopeFactory scopes)
{
    public async Task<IReadOnlyList<UserMembership>> ListAsync(Guid userId, CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<TenantContext>().BindMembershipReader(userId);
        var db = scope.ServiceProvider.GetRequiredService<CoopDbContext>();
        var rows = await db.Members.IgnoreQueryFilters([ModelScope.TenantFilter]).AsNoTracking()
            .Where(m => m.UserId == userId)
            .Join(db.Tenants, m => m.TenantId, t => t.Id, (m, t) => new { t.Id, t.Slug, t.Name, TenantState = t.State, m.Status, m.Roles })
            .ToListAsync(ct);
        return rows.Select(r => new UserMembership(r.Id, r.Slug, r.Name, r.TenantState, r.Status, r.Roles)).OrderBy(r => r.Name).ToList();
    }
}
