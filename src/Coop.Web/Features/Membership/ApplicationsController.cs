using Coop.Data;
using Coop.Data.Tenancy;
using Coop.Domain.Membership;
using Coop.Web.Features.Audit;
using Coop.Web.Features.Mail;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace Coop.Web.Features.Membership;

/// <summary>Admins decide on applications. Deciding twice (two tabs) is refused with a message; the first decision stands.</summary>
[Route("c/{tenant}/admin/applications")]
[Authorize(Policy = Policies.Admin)]
public sealed class ApplicationsController(CoopDbContext db, AuditLog audit, Mailer mailer, TenantContext tenantContext, TimeProvider clock) : Controller
{
    public static readonly MailTemplate Approved = new("Mail.Approved.Subject", "Mail.Approved.Body", "Mail.Approved.Action");
    public static readonly MailTemplate Refused = new("Mail.Refused.Subject", "Mail.Refused.Body", "Mail.Approved.Action");

    [HttpGet("")]
    public async Task<IActionResult> Index(CancellationToken ct)
    {
        var applicants = await db.Members.AsNoTracking().Where(m => m.Status == MembershipStatus.Applicant).OrderBy(m => m.CreatedAt).ToListAsync(ct);
        var categories = await db.MemberCategories.AsNoTracking().ToDictionaryAsync(c => c.Id, c => c.Name, ct);
        return View("Applications", new ApplicationsModel(applicants, categories));
    }

    [HttpPost("{id:guid}/approve")]
    public Task<IActionResult> Approve(Guid id, CancellationToken ct) => DecideAsync(id, null, ct);

    [HttpPost("{id:guid}/refuse")]
    public Task<IActionResult> Refuse(Guid id, string? message, CancellationToken ct) => DecideAsync(id, message ?? string.Empty, ct);

    private async Task<IActionResult> DecideAsync(Guid id, string? refusal, CancellationToken ct)
    {
        var applicant = await db.Members.FirstOrDefaultAsync(m => m.Id == id, ct);
        if (applicant is null) return NotFound();
        var back = Redirect($"/c/{tenantContext.Current!.Slug}/admin/applications");
        if (applicant.Status != MembershipStatus.Applicant)
        {
            TempData["Flash"] = "Applications.AlreadyDecided";
            return back;
        }
        var now = clock.GetUtcNow();
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        if (refusal is null) applicant.Approve(now); else applicant.Refuse(refusal.Trim(), now);
        var email = await db.Users.Where(u => u.Id == applicant.UserId).Select(u => u.Email!).SingleAsync(ct);
        var tenant = tenantContext.Current!;
        mailer.Enqueue(email, tenant.Locale, refusal is null ? Approved : Refused, applicant.DisplayName, new Uri($"{Request.Scheme}://{Request.Host}/c/{tenant.Slug}"), tenant.Name, refusal ?? string.Empty);
        audit.Record(refusal is null ? "member.approved" : "member.refused", applicant.Id, applicant.DisplayName + (refusal is null ? "" : " — " + refusal));
        try
        {
            await MemberCounter.SaveAndRecountAsync(db, ct);
            await transaction.CommitAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            TempData["Flash"] = "Applications.AlreadyDecided";
            return back;
        }
        TempData["Flash"] = refusal is null ? "Applications.ApprovedFlash" : "Applications.RefusedFlash";
        return back;
    }
}

public sealed record ApplicationsModel(IReadOnlyList<Member> Applicants, IReadOnlyDictionary<Guid, string> Categories);
