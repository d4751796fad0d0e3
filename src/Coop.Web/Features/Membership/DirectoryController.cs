using System.Security.Claims;
using Coop.Data;
using Coop.Data.Tenancy;
using Coop.Domain.Membership;
using Coop.Web.Features.Audit;
using Coop.Web.Features.Charter;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace Coop.Web.Features.Membership;

/// <summary>The member directory (members who chose to be listed), each member's own privacy choice, and leaving.</summary>
[Route("c/{tenant}/members")]
[Authorize(Policy = Policies.Member)]
public sealed class DirectoryController(CoopDbContext db, CurrentMember currentMember, AuditLog audit, TenantContext tenantContext, TimeProvider clock) : Controller
{
    [HttpGet("")]
    [RequireCharterAcceptance]
    public async Task<IActionResult> Index(CancellationToken ct)
    {
        var members = await db.Members.AsNoTracking().Where(m => m.Status == MembershipStatus.Active && m.ListedInDirectory)
            .OrderBy(m => m.DisplayName).ToListAsync(ct);
        return View("Directory", new DirectoryModel(members, (await currentMember.GetAsync(ct))!));
    }

    [HttpPost("me/listing")]
    public async Task<IActionResult> Listing(bool listed, CancellationToken ct)
    {
        var me = await TrackedMeAsync(ct);
        me.ListInDirectory(listed);
        await db.SaveChangesAsync(ct);
        TempData["Flash"] = "Directory.ChoiceSaved";
        return Redirect($"/c/{tenantContext.Current!.Slug}/members");
    }

    [HttpPost("me/leave")]
    public async Task<IActionResult> Leave(CancellationToken ct)
    {
        var me = await TrackedMeAsync(ct);
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        me.Leave(clock.GetUtcNow());
        audit.Record("member.left", me.Id, me.DisplayName, actorName: User.FindFirstValue(ClaimTypes.Email));
        await MemberCounter.SaveAndRecountAsync(db, ct);
        await transaction.CommitAsync(ct);
        TempData["Flash"] = "Directory.Left";
        return Redirect($"/c/{tenantContext.Current!.Slug}");
    }

    private async Task<Member> TrackedMeAsync(CancellationToken ct)
    {
        var id = (await currentMember.GetAsync(ct))!.Id;
        return await db.Members.SingleAsync(m => m.Id == id, ct);
    }
}

public sealed record DirectoryModel(IReadOnlyList<Member> Members, Member Me);
