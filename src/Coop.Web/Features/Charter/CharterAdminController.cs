using System.Security.Claims;
using Coop.Data;
using Coop.Data.Tenancy;
using Coop.Domain.Charter;
using Coop.Web.Features.Audit;
using Coop.Web.Features.Membership;
using FluentValidation;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Coop.Web.Features.Charter;

/// <summary>Admins draft the next charter version and publish it with a summary of what changed.</summary>
[Route("c/{tenant}/admin/charter")]
[Authorize(Policy = Policies.Admin)]
public sealed class CharterAdminController(CoopDbContext db, CharterQueries charter, AuditLog audit, TenantContext tenantContext,
    IStringLocalizer<SharedResource> l, TimeProvider clock) : Controller
{
    [HttpGet("")]
    public async Task<IActionResult> Edit(CancellationToken ct)
    {
        var draft = await DraftAsync(ct);
        var current = await charter.CurrentAsync(ct);
        return View(new CharterDraftForm { Markdown = draft?.Markdown ?? current?.Markdown ?? string.Empty, CurrentNumber = current?.Number });
    }

    [HttpPost("")]
    public async Task<IActionResult> Edit(CharterDraftForm form, string? publish, CancellationToken ct)
    {
        var current = await charter.CurrentAsync(ct);
        form.CurrentNumber = current?.Number;
        if (publish is not null && string.IsNullOrWhiteSpace(form.ChangeSummary))
            ModelState.AddModelError(nameof(form.ChangeSummary), l["Charter.SummaryRequired"]);
        if (!ModelState.IsValid) return View(form);

        var now = clock.GetUtcNow();
        var userId = Guid.Parse(User.FindFirstValue(ClaimTypes.NameIdentifier)!);
        var draft = await DraftAsync(ct);
        if (draft is null)
        {
            draft = new CharterVersion(form.Markdown, userId, now);
            db.CharterVersions.Add(draft);
        }
        else draft.Edit(form.Markdown, now);

        if (publish is null)
        {
            await db.SaveChangesAsync(ct);
            TempData["Flash"] = "Charter.DraftSaved";
            return Redirect($"/c/{tenantContext.Current!.Slug}/admin/charter");
        }

        var number = (current?.Number ?? 0) + 1;
        draft.Publish(number, form.ChangeSummary!, userId, now);
        audit.Record("charter.published", draft.Id, $"{l["Charter.Version"].Value} {number} — {form.ChangeSummary}");
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            // Another admin published the same number a moment earlier (unique per cooperative).
            ModelState.AddModelError(string.Empty, l["Charter.PublishedConcurrently"]);
            return View(form);
        }
        TempData["Flash"] = "Charter.Published";
        return Redirect($"/c/{tenantContext.Current!.Slug}/charter");
    }

    private Task<CharterVersion?> DraftAsync(CancellationToken ct) =>
        db.CharterVersions.Where(v => v.Number == null).OrderByDescending(v => v.UpdatedAt).FirstOrDefaultAsync(ct);
}

public sealed class CharterDraftForm
{
    public string Markdown { get; set; } = string.Empty;
    public string? ChangeSummary { get; set; }
    public int? CurrentNumber { get; set; }
}

public sealed class CharterDraftFormValidator : AbstractValidator<CharterDraftForm>
{
    public CharterDraftFormValidator(IStringLocalizer<SharedResource> l)
    {
        RuleFor(x => x.Markdown).NotEmpty().WithMessage(_ => l["Validation.Required"])
            .MaximumLength(CharterVersion.MaxLength).WithMessage(_ => l["Validation.TooLong", CharterVersion.MaxLength]);
        RuleFor(x => x.ChangeSummary).MaximumLength(500).WithMessage(_ => l["Validation.TooLong", 500]);
    }
}
