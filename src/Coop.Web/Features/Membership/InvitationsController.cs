using System.Security.Claims;
using Coop.Data;
using Coop.Data.Tenancy;
using Coop.Domain.Membership;
using Coop.Web.Features.Audit;
using Coop.Web.Features.Tenancy;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace Coop.Web.Features.Membership;

/// <summary>
/// Accepting an invitation. The link names the cooperative by its immutable id (it may still be provisioning, so
/// it is not reachable by slug yet) and carries a secret whose hash is looked up inside that cooperative only.
/// The first admin's acceptance opens the cooperative.
/// </summary>
[Tenantless]
[Route("invitations/{tenantId:guid}/{secret}")]
public sealed class InvitationsController(CoopDbContext platformDb, TenantScopeFactory scopes, TenantCatalog catalog, TimeProvider clock) : Controller
{
    [HttpGet("")]
    [AllowAnonymous]
    public async Task<IActionResult> Show(Guid tenantId, string secret, CancellationToken ct)
    {
        var (tenant, invitation) = await FindAsync(tenantId, secret, ct);
        if (tenant is null || invitation is null) return View("InvitationInvalid");
        if (!invitation.IsUsable(clock.GetUtcNow())) return View("InvitationInvalid", invitation);
        return View("Invitation", new InvitationModel(tenant, invitation, User.FindFirstValue(ClaimTypes.Email), Request.Path));
    }

    [HttpPost("")]
    [Authorize(Policy = Policies.SignedIn)]
    public async Task<IActionResult> Accept(Guid tenantId, string secret, CancellationToken ct)
    {
        var tenant = await platformDb.Tenants.AsNoTracking().FirstOrDefaultAsync(t => t.Id == tenantId, ct);
        if (tenant is null) return View("InvitationInvalid");
        var userId = Guid.Parse(User.FindFirstValue(ClaimTypes.NameIdentifier)!);
        var email = User.FindFirstValue(ClaimTypes.Email);
        var displayName = await platformDb.Users.Where(u => u.Id == userId).Select(u => u.DisplayName).SingleAsync(ct);

        await using var scope = scopes.Begin(TenantInfo.From(tenant), "invitation acceptance");
        var db = scope.ServiceProvider.GetRequiredService<CoopDbContext>();
        var hash = Invitation.Hash(secret);
        var invitation = await db.Invitations.FirstOrDefaultAsync(i => i.SecretHash == hash, ct);
        var now = clock.GetUtcNow();
        if (invitation is null || !invitation.IsUsable(now)) return View("InvitationInvalid", invitation);
        if (!string.Equals(invitation.Email, email, StringComparison.OrdinalIgnoreCase))
            return View("Invitation", new InvitationModel(tenant, invitation, email, Request.Path));

        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        invitation.Accept(userId, now);
        var member = await db.Members.FirstOrDefaultAsync(m => m.UserId == userId, ct);
        if (member is null) db.Members.Add(new Member(userId, displayName, invitation.Roles, now));
        else
        {
            member.ChangeRoles(member.Roles | invitation.Roles);
            if (member.Status != MembershipStatus.Active) member.ChangeStatus(MembershipStatus.Active, null, now);
        }
        var tracked = await db.Tenants.SingleAsync(t => t.Id == tenantId, ct);
        var opened = tracked.State == Domain.Tenancy.TenantState.Provisioning;
        if (opened) tracked.Activate();
        scope.ServiceProvider.GetRequiredService<AuditLog>().Record("invitation.accepted", invitation.Id, $"{email} ({invitation.Roles})");
        try
        {
            await MemberCounter.SaveAndRecountAsync(db, ct);
            await transaction.CommitAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            // The same invitation accepted in another tab a moment earlier.
            return View("InvitationInvalid", invitation);
        }
        if (opened) catalog.Evict(TenantInfo.From(tracked));
        TempData["Flash"] = "Invitation.Welcome";
        return Redirect($"/c/{tracked.Slug}");
    }

    private async Task<(Domain.Tenancy.Tenant?, Invitation?)> FindAsync(Guid tenantId, string secret, CancellationToken ct)
    {
        var tenant = await platformDb.Tenants.AsNoTracking().FirstOrDefaultAsync(t => t.Id == tenantId, ct);
        if (tenant is null || tenant.State is Domain.Tenancy.TenantState.Archived or Domain.Tenancy.TenantState.Suspended) return (null, null);
        await using var scope = scopes.Begin(TenantInfo.From(tenant), "invitation lookup");
        var hash = Invitation.Hash(secret);
        var invitation = await scope.ServiceProvider.GetRequiredService<CoopDbContext>().Invitations.AsNoTracking().FirstOrDefaultAsync(i => i.SecretHash == hash, ct);
        return (tenant, invitation);
    }
}

public sealed record InvitationModel(Domain.Tenancy.Tenant Tenant, Invitation Invitation, string? SignedInEmail, string Path);
