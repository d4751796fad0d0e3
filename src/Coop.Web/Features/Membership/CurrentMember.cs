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
    // Compiled: it runs on every request inside a cooperative (the role check).
    private static readonly Compiled<Func<CoopDbContext, Guid, CancellationToken, Task<Member?>>> ByUser = new(() =>
        EF.CompileAsyncQuery((CoopDbContext db, Guid userId, CancellationToken ct) => db.Members.AsNoTracking().FirstOrDefault(m => m.UserId == userId)));

    private Member? _member;
    private bool _loaded;

    public async Task<Member?> GetAsync(CancellationToken ct = default)
    {
        if (_loaded) return _member;
        _loaded = true;
        if (db.TenantId is null || !Guid.TryParse(http.HttpContext?.User.FindFirstValue(ClaimTypes.NameIdentifier), out var userId))
            return null;
        _member = await ByUser.For(db)(db, userId, ct);
        return _member;
    }
}
