using System.Security.Claims;
using Coop.Data;
using Coop.Data.Tenancy;
using Coop.Domain.Membership;
using Coop.Domain.Tenancy;
using Coop.Web.Features.Audit;
using Coop.Web.Features.Mail;
using Coop.Web.Features.Membership;
using Coop.Web.Features.Tenancy;
using Coop.Web.Infrastructure;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace Coop.Web.Features.Platform;

/// <summary>
/// The platform operator's console: the cooperatives, onboarding a new territory, suspending, reactivating and
/// archiving. Operators see each cooperative's platform record, never its content; every action they take on a
/// cooperative is written to that cooperative's own audit log, where its admins see it.
/// </summary>
[Tenantless]
[Route("platform")]
[Authorize(Policy = Policies.Operator)]
public sealed class OperatorController(CoopDbContext db, TenantScopeFactory scopes, TenantCatalog catalog,
    Microsoft.Extensions.Localization.IStringLocalizer<SharedResource> l, TimeProvider clock) : Controller
{
    [HttpGet("")]
    public async Task<IActionResult> Index(string? q, TenantState? state, string? country, CancellationToken ct)
    {
        var query = db.Tenants.AsNoTracking();
        if (state is not null) query = query.Where(t => t.State == state);
        if (!string.IsNullOrWhiteSpace(country))
        {
            var code = country.Trim().ToUpperInvariant();
            query = query.Where(t => t.Territory.CountryCode == code);
        }
        // Matching in memory keeps the search case- and accent-friendly on both providers; the platform has
        // thousands of cooperatives at most.
        var tenants = (await query.OrderBy(t => t.Name).ToListAsync(ct))
            .Where(t => string.IsNullOrWhiteSpace(q) || TextSearch.Matches(q.Trim(), t.Name, t.Slug, t.Territory.Locality, t.Territory.Region))
            .Take(500).ToList();
        return View("Console", new ConsoleModel(tenants, q, state, country));
    }

    [HttpGet("onboard")]
    public IActionResult Onboard() => View(new OnboardForm());

    [HttpPost("onboard")]
    public async Task<IActionResult> Onboard(OnboardForm form, CancellationToken ct)
    {
        if (!ModelState.IsValid) return View(form);
        var now = clock.GetUtcNow();
        var tenant = new Tenant(form.Slug, form.Name.Trim(), form.LegalForm, Territory.Of(form.CountryCode, form.Region, form.Locality),
            form.Locale, form.TimeZoneId, form.Currency, now);
        var preset = StatutesPresets.For(form.LegalForm);
        tenant.ChangeSettings(tenant.Name, null, null, tenant.Locale, tenant.TimeZoneId, tenant.Currency, tenant.LegalForm, preset.ProxiesAllowed, tenant.ShareNominalValueMinor);

        // One unit of work bound to the new cooperative: its record, statutes preset, invitation, mail and audit
        // line are saved together or not at all.
        await using var scope = scopes.Begin(TenantInfo.From(tenant), "operator onboarding");
        var tenantDb = scope.ServiceProvider.GetRequiredService<CoopDbContext>();
        tenantDb.Tenants.Add(tenant);
        tenantDb.VotingColleges.AddRange(preset.Colleges);
        tenantDb.MemberCategories.AddRange(preset.Categories);
        var (invitation, secret) = Invitation.Create(form.AdminEmail, MemberRoles.Admin, null, now);
        tenantDb.Invitations.Add(invitation);
        scope.ServiceProvider.GetRequiredService<InvitationMails>().SendFirstAdmin(invitation, secret, tenant);
        scope.ServiceProvider.GetRequiredService<AuditLog>().Record("tenant.onboarded", tenant.Id, $"{tenant.Name} ({tenant.Slug})", after: new { tenant.LegalForm, form.AdminEmail });
        try
        {
            await tenantDb.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            ModelState.AddModelError(nameof(form.Slug), l["Validation.SlugTaken"]);
            return View(form);
        }
        TempData["Flash"] = "Platform.Onboarded";
        return Redirect("/platform");
    }

    [HttpPost("{id:guid}/suspend")]
    public Task<IActionResult> Suspend(Guid id, ReasonForm form, CancellationToken ct) => ChangeStateAsync(id, form, "tenant.suspended", t => t.Suspend(form.Reason.Trim()), ct);

    [HttpPost("{id:guid}/reactivate")]
    public Task<IActionResult> Reactivate(Guid id, ReasonForm form, CancellationToken ct) => ChangeStateAsync(id, form, "tenant.reactivated", t => t.Activate(), ct);

    [HttpPost("{id:guid}/archive")]
    public Task<IActionResult> Archive(Guid id, ReasonForm form, CancellationToken ct) => ChangeStateAsync(id, form, "tenant.archived", t => t.Archive(form.Reason.Trim()), ct);

    /// <summary>Opens a reasoned, time-limited, read-only support access to one cooperative; its admins see it.</summary>
    [HttpPost("{id:guid}/support")]
    public async Task<IActionResult> Support(Guid id, ReasonForm form, int hours, CancellationToken ct)
    {
        var tenant = await db.Tenants.AsNoTracking().FirstOrDefaultAsync(t => t.Id == id, ct);
        if (tenant is null) return NotFound();
        if (!ModelState.IsValid || hours is < 1 or > 72)
        {
            TempData["Flash"] = "Platform.SupportInvalid";
            return Redirect("/platform");
        }
        await using var scope = scopes.Begin(TenantInfo.From(tenant), "operator support access");
        var tenantDb = scope.ServiceProvider.GetRequiredService<CoopDbContext>();
        var operatorId = Guid.Parse(User.FindFirstValue(ClaimTypes.NameIdentifier)!);
        var grant = new SupportGrant(operatorId, form.Reason, TimeSpan.FromHours(hours), clock.GetUtcNow());
        tenantDb.SupportGrants.Add(grant);
        scope.ServiceProvider.GetRequiredService<AuditLog>().Record("support.opened", grant.Id,
            $"{form.Reason.Trim()} — {grant.ExpiresAt:yyyy-MM-dd HH:mm} UTC");
        await tenantDb.SaveChangesAsync(ct);
        TempData["Flash"] = "Platform.SupportOpened";
        return Redirect($"/c/{tenant.Slug}/admin/members");
    }

    private async Task<IActionResult> ChangeStateAsync(Guid id, ReasonForm form, string action, Action<Tenant> change, CancellationToken ct)
    {
        var tenant = await db.Tenants.AsNoTracking().FirstOrDefaultAsync(t => t.Id == id, ct);
        if (tenant is null) return NotFound();
        if (!ModelState.IsValid)
        {
            TempData["Flash"] = "Validation.ReasonRequired";
            return Redirect("/platform");
        }
        await using var scope = scopes.Begin(TenantInfo.From(tenant), "operator " + action);
        var tenantDb = scope.ServiceProvider.GetRequiredService<CoopDbContext>();
        var tracked = await tenantDb.Tenants.SingleAsync(t => t.Id == id, ct);
        var before = tracked.State;
        try
        {
            change(tracked);
        }
        catch (InvalidOperationException)
        {
            TempData["Flash"] = "Platform.StateRefused";
            return Redirect("/platform");
        }
        scope.ServiceProvider.GetRequiredService<AuditLog>().Record(action, id, form.Reason.Trim(), new { State = before }, new { tracked.State });
        await tenantDb.SaveChangesAsync(ct);
        catalog.Evict(TenantInfo.From(tracked));
        TempData["Flash"] = "Platform.StateChanged";
        return Redirect("/platform");
    }
}

public sealed record ConsoleModel(IReadOnlyList<Tenant> Tenants, string? Query, TenantState? State, string? Country);
