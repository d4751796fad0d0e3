using Coop.Data;
using Coop.Data.Tenancy;
using Coop.Domain.Membership;
using Coop.Web.Features.Membership;
using Coop.Web.Features.Tenancy;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace Coop.Web.Features.Home;

/// <summary>A cooperative's front page: who it is, and the visitor's place in it.</summary>
[AllowAnonymous]
[Route("c/{tenant}")]
public sealed class TenantHomeController(CoopDbContext db, TenantContext tenantContext, CurrentCooperative cooperative, CurrentMember currentMember, Charter.CharterQueries charter) : Controller
{
    [HttpGet("")]
    public async Task<IActionResult> Index(CancellationToken ct)
    {
        var tenant = tenantContext.Current!;
        // One round trip for the description and the head count.
        var head = await cooperative.ReadAsync(t => new { t.Description, Active = db.Members.Count(m => m.Status == MembershipStatus.Active) }, ct);
        var (description, activeMembers) = (head.Description, head.Active);
        var me = await currentMember.GetAsync(ct);
        var charterToAccept = me is { Status: MembershipStatus.Active } && !await charter.HasAcceptedCurrentAsync(me.Id, ct);
        return View(new TenantHomeModel(tenant, description, activeMembers, me, charterToAccept));
    }
}

public sealed record TenantHomeModel(TenantInfo Tenant, string? Description, int ActiveMembers, Member? Me, bool CharterToAccept);
