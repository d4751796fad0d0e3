using Coop.Data;
using Coop.Web.Features.Membership;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace Coop.Web.Features.Audit;

/// <summary>The cooperative's audit log, for its admins: every admin, treasurer and operator action.</summary>
[Route("c/{tenant}/admin/audit")]
[Authorize(Policy = Policies.Admin)]
public sealed class AuditController(CoopDbContext db) : Controller
{
    [HttpGet("")]
    public async Task<IActionResult> Index(CancellationToken ct) =>
        View(await db.AuditEntries.AsNoTracking().OrderByDescending(a => a.At).Take(200).ToListAsync(ct));
}
