using Coop.Data;
using Coop.Web.Features.Membership;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace Coop.Web.Features.Audit;

/// <summary>The cooperative's audit log, for its admins: every admin, treasurer and operator action.</summary>
[Route("c/{tenant}/admin/audit")]
[Authorize(Policy = Policies.Admin)]
public sealed class AuditController(CoopDbContext db, AuditLog audit, Data.Tenancy.TenantContext tenantContext, TimeProvider clock) : Controller
{
    [HttpGet("")]
    public async Task<IActionResult> Index(CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var grants = await db.SupportGrants.AsNoTracking().Where(g => g.RevokedAt == null && g.ExpiresAt > now).OrderBy(g => g.ExpiresAt).ToListAsync(ct);
        var entries = await db.AuditEntries.AsNoTracking().OrderByDescending(a => a.At).Take(200).ToListAsync(ct);
        return View(new AuditModel(entries, grants, tenantContext.Current!.Slug));
    }

    /// <summary>Admins end an operator's support access whenever they want.</summary>
    [HttpPost("support/{id:guid}/revoke")]
    public async Task<IActionResult> Revoke(Guid id, CancellationToken ct)
    {
        var grant = await db.SupportGrants.FirstOrDefaultAsync(g => g.Id == id, ct);
        if (grant is null) return NotFound();
        grant.Revoke(clock.GetUtcNow());
        audit.Record("support.revoked", grant.Id, grant.Reason);
        await db.SaveChangesAsync(ct);
        TempData["Flash"] = "Audit.SupportRevoked";
        return Redirect($"/c/{tenantContext.Current!.Slug}/admin/audit");
    }
}

public sealed record AuditModel(IReadOnlyList<Domain.Audit.AuditEntry> Entries, IReadOnlyList<Domain.Tenancy.SupportGrant> Grants, string Slug);
