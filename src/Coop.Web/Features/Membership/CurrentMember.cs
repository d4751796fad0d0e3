using System.Security.Claims;
using Coop.Data;
using Coop.Data.Membership;
using Coop.Domain.Membership;
using Microsoft.EntityFrameworkCore;

namespace Coop.Web.Features.Membership;

/// <summary>
/// The signed-in person's membership in the current cooperative, once per request: from <see cref="MemberCache"/>
/// while it is live (PostgreSQL notifies every change), otherwise from the database (through the tenant filter:
/// outside a cooperative there is none).
/// </summary>
public sealed class CurrentMember(CoopDbContext db, IHttpContextAccessor http, MemberCache cache)
{
    // Compiled: it runs on every request inside a cooperative (the role check).
    private static readonly Compiled<Func<CoopDbContext, Guid, CancellationToken, Task<Member?>>> ByUser = new(() =>
        EF.CompileAsyncQuery((CoopDbContext db, Guid userId, CancellationToken ct) => db.Members.AsNoTracking().FirstOrDefault(m => m.UserId == userId)));

    private Member? _member;
    private bool _loaded;

    public async Task<Member?> GetAsync(CancellationToken ct = default)
    {
        if (_loaded) return _member;
        _loaded = true;
        if (db.TenantId is not { } tenantId || !Guid.TryParse(http.HttpContext?.User.FindFirstValue(ClaimTypes.NameIdentifier), out var userId))
            return null;
        if (cache.TryGet(tenantId, userId, out _member)) return _member;
        var generation = cache.Generation;
        _member = await ByUser.For(db)(db, userId, ct);
        cache.Put(tenantId, userId, _member, generation);
        return _member;
    }
}
