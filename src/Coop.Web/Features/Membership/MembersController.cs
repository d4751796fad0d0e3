using Coop.Data;
using Coop.Data.Tenancy;
using Coop.Domain.Membership;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace Coop.Web.Features.Membership;

/// <summary>Admins see the cooperative's members and change their roles. Ids of another cooperative are simply not found.</summary>
[Route("c/{tenant}/admin/members")]
[Authorize(Policy = Policies.Admin)]
public sealed class MembersController(CoopDbContext db, CurrentMember currentMember, TenantContext tenantContext, Audit.AuditLog audit) : Controller
{
    [HttpGet("")]
    public async Task<IActionResult> Index(CancellationToken ct)
    {
        var members = await db.Members.AsNoTracking().OrderBy(m => m.DisplayName).ToListAsync(ct);
        return View(members);
    }

    [HttpGet("{id:guid}")]
    public async Task<IActionResult> Show(Guid id, CancellationToken ct)
    {
        var member = await db.Members.AsNoTracking().FirstOrDefaultAsync(m => m.Id == id, ct);
        return member is null ? NotFound() : View(member);
    }

    [HttpPost("{id:guid}/roles")]
    public async Task<IActionResult> ChangeRoles(Guid id, MemberRoles[]? roles, CancellationToken ct)
    {
        var member = await db.Members.FirstOrDefaultAsync(m => m.Id == id, ct);
        if (member is null) return NotFound();
        var me = await currentMember.GetAsync(ct);
        var wanted = (roles ?? []).Aggregate(MemberRoles.Member, (all, r) => all | r);
        // An admin cannot remove their own admin role: a cooperative must never lock itself out by accident.
        if (member.Id == me?.Id) wanted |= MemberRoles.Admin;
        var before = member.Roles;
        member.ChangeRoles(wanted);
        audit.Record("member.roles", member.Id, $"{member.DisplayName}: {member.Roles}", new { Roles = before.ToString() }, new { Roles = member.Roles.ToString() });
        await db.SaveChangesAsync(ct);
        TempData["Flash"] = "Members.RolesSaved";
        // Endpoint routing drops ambient values when the action changes: the tenant must be passed explicitly.
        return RedirectToAction(nameof(Show), new { tenant = tenantContext.Current!.Slug, id });
    }
}
