using System.Security.Claims;
using Coop.Data;
using Microsoft.EntityFrameworkCore;

namespace Coop.Web.Features.Membership;

/// <summary>
/// Whether the signed-in person is a platform operator holding an active support grant for the current
/// cooperative. Only reading requests (GET, HEAD) ever benefit: support access never changes anything.
/// </summary>
public sealed class SupportAccess(CoopDbContext db, IHttpContextAccessor http, TimeProvider clock)
{
    private bool? _active;

    public async Task<bool> IsActiveAsync(CancellationToken ct = default)
    {
        if (_active is { } known) return known;
        var context = http.HttpContext;
        _active = false;
        if (db.TenantId is null || context is null || !(HttpMethods.IsGet(context.Request.Method) || HttpMethods.IsHead(context.Request.Method))
            || !Guid.TryParse(context.User.FindFirstValue(ClaimTypes.NameIdentifier), out var userId))
            return false;
        var now = clock.GetUtcNow();
        _active = await db.Users.AnyAsync(u => u.Id == userId && u.IsPlatformOperator, ct)
                  && await db.SupportGrants.AnyAsync(g => g.OperatorUserId == userId && g.RevokedAt == null && g.StartsAt <= now && g.ExpiresAt > now, ct);
        return _active.Value;
    }
}
