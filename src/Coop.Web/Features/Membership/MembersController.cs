using Coop.Data;
using Coop.Data.Tenancy;
using Coop.Domain.Membership;
using Coop.Web.Features.Accounts;
using Coop.Web.Features.Tenancy;
using FluentValidation;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace Coop.Web.Features.Membership;

/// <summary>Admins see the cooperative's members and change their roles. Ids of another cooperative are simply not found.</summary>
[Route("c/{tenant}/admin/members")]
[Authorize(Policy = Policies.Admin)]
public sealed class MembersController(CoopDbContext db, CurrentCooperative cooperative, CurrentMember currentMember, TenantContext tenantContext, Audit.AuditLog audit,
    InvitationMails invitationMails, Microsoft.Extensions.Localization.IStringLocalizer<SharedResource> l, TimeProvider clock) : Controller
{
    [HttpGet("")]
    public async Task<IActionResult> Index(CancellationToken ct)
    {
        var members = await db.Members.AsNoTracking().OrderBy(m => m.DisplayName).ToListAsync(ct);
        return View(members);
    }

    [HttpPost("invite")]
    public async Task<IActionResult> Invite(InviteForm form, CancellationToken ct)
    {
        var slug = tenantContext.Current!.Slug;
        if (!ModelState.IsValid)
        {
            TempData["Flash"] = "Validation.Email";
            return Redirect($"/c/{slug}/admin/members");
        }
        var (email, role) = (form.Email, form.Role);
        var tenant = await cooperative.ReadAsync(ct);
        var me = (await currentMember.GetAsync(ct))!;
        var (invitation, secret) = Invitation.Create(email, role is MemberRoles.Moderator or MemberRoles.Treasurer or MemberRoles.Admin ? role : MemberRoles.Member, me.UserId, clock.GetUtcNow());
        db.Invitations.Add(invitation);
        invitationMails.SendInvitation(invitation, secret, tenant, me.DisplayName);
        audit.Record("member.invited", invitation.Id, $"{invitation.Email} ({invitation.Roles})");
        await db.SaveChangesAsync(ct);
        TempData["Flash"] = "Members.Invited";
        return Redirect($"/c/{slug}/admin/members");
    }

    [HttpPost("{id:guid}/status")]
    public async Task<IActionResult> ChangeStatus(Guid id, MembershipStatus status, string? reason, CancellationToken ct)
    {
        var member = await db.Members.FirstOrDefaultAsync(m => m.Id == id, ct);
        if (member is null) return NotFound();
        var slug = tenantContext.Current!.Slug;
        var me = await currentMember.GetAsync(ct);
        if (status is not (MembershipStatus.Active or MembershipStatus.Suspended or MembershipStatus.Excluded) || string.IsNullOrWhiteSpace(reason) || member.Id == me?.Id)
        {
            TempData["Flash"] = member.Id == me?.Id ? "Members.NotYourself" : "Validation.ReasonRequired";
            return RedirectToAction(nameof(Show), new { tenant = slug, id });
        }
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var before = member.Status;
        member.ChangeStatus(status, reason.Trim(), clock.GetUtcNow());
        audit.Record("member.status", member.Id, $"{member.DisplayName}: {l["Status." + before].Value} → {l["Status." + status].Value} — {reason.Trim()}",
            new { Status = before.ToString() }, new { Status = status.ToString() });
        await MemberCounter.SaveAndRecountAsync(db, ct);
        await transaction.CommitAsync(ct);
        TempData["Flash"] = "Members.StatusSaved";
        return RedirectToAction(nameof(Show), new { tenant = slug, id });
    }

    [HttpGet("{id:guid}")]
    public async Task<IActionResult> Show(Guid id, CancellationToken ct)
    {
        var member = await db.Members.AsNoTracking().FirstOrDefaultAsync(m => m.Id == id, ct);
        if (member is null) return NotFound();
        // Opening a member's record is an access to personal data: the privacy desk's access log lists it.
        audit.Record("personal.viewed", member.Id, member.DisplayName);
        await db.SaveChangesAsync(ct);
        return View(member);
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

public sealed class InviteForm
{
    public string Email { get; set; } = string.Empty;
    public MemberRoles Role { get; set; } = MemberRoles.Member;
}

public sealed class InviteFormValidator : FluentValidation.AbstractValidator<InviteForm>
{
    public InviteFormValidator(Microsoft.Extensions.Localization.IStringLocalizer<SharedResource> l)
    {
        RuleFor(x => x.Email).EmailRules(l);
        RuleFor(x => x.Role).IsInEnum().WithMessage(_ => l["Validation.ValueInvalid"]);
    }
}
