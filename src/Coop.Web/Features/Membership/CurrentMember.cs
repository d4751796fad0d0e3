using System.Security.Claims;
using Coop.Data;
using Coop.Domain.Membership;
using Microsoft.EntityFrameworkCore;

namespace Coop.Web.Features.Membership;

/// <summary>
/// The signed-in person's membership in the current cooperative, loaded once per request from the database
/// (through the tenant filter: outside a cooperative there is none).
/// </summary>
public sealed class CurrentMember(CoopDbContext db, IHttpContextAccessor http)
{
    private Member? _member;
    private bool _loaded;

    public async Task<Member?> GetAsync(CancellationToken ct = default)
    {
        if (_loaded) return _member;
        _loaded = true;
        if (db.TenantId is null || !Guid.TryParse(http.HttpContext?.User.FindFirstValue(ClaimTypes.NameIdentifier), out var userId))
            return null;
        _member = await db.Members.AsNoTracking().FirstOrDefaultAsync(m => m.UserId == userId, ct);
        return _member;
    }
}
