using System.Security.Claims;
using Coop.Data;
using Coop.Data.Tenancy;
using Coop.Domain.Charter;
using Coop.Domain.Membership;
using Coop.Web.Features.Charter;
using FluentValidation;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Coop.Web.Features.Membership;

/// <summary>A signed-in visitor applies to join: a category, a motivation and, when there is one, the charter accepted.</summary>
[Route("c/{tenant}/join")]
[Authorize(Policy = Policies.Visitor)]
public sealed class JoinController(CoopDbContext db, CharterQueries charter, TenantContext tenantContext, IStringLocalizer<SharedResource> l, TimeProvider clock) : Controller
{
    [HttpGet("")]
    public async Task<IActionResult> Apply(CancellationToken ct)
    {
        var existing = await MineAsync(ct);
        if (existing is not null) return View("AlreadyApplied", existing);
        return View(await ModelAsync(new JoinForm(), ct));
    }

    [HttpPost("")]
    public async Task<IActionResult> Apply(JoinForm form, CancellationToken ct)
    {
        var existing = await MineAsync(ct);
        if (existing is not null) return View("AlreadyApplied", existing);
        var current = await charter.CurrentAsync(ct);
        var categories = await db.MemberCategories.AsNoTracking().ToListAsync(ct);
        if (categories.Count > 0 && categories.All(c => c.Id != form.CategoryId))
            ModelState.AddModelError(nameof(form.CategoryId), l["Join.ChooseCategory"]);
        if (current is not null && !form.AcceptCharter)
            ModelState.AddModelError(nameof(form.AcceptCharter), l["Join.MustAcceptCharter"]);
        if (!ModelState.IsValid) return View(await ModelAsync(form, ct));

        var userId = Guid.Parse(User.FindFirstValue(ClaimTypes.NameIdentifier)!);
        var name = await db.Users.Where(u => u.Id == userId).Select(u => u.DisplayName).SingleAsync(ct);
        var now = clock.GetUtcNow();
        var applicant = Member.Apply(userId, name, categories.Count > 0 ? form.CategoryId : null, form.Motivation, now);
        db.Members.Add(applicant);
        if (current is not null) db.CharterAcceptances.Add(new CharterAcceptance(applicant.Id, current.Id, current.Number!.Value, now));
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            // Submitted twice (two tabs, a double click): the unique (tenant, user) index kept the first.
            db.ChangeTracker.Clear();
            return View("AlreadyApplied", await MineAsync(ct));
        }
        return View("Applied");
    }

    private async Task<Member?> MineAsync(CancellationToken ct)
    {
        var userId = Guid.Parse(User.FindFirstValue(ClaimTypes.NameIdentifier)!);
        return await db.Members.AsNoTracking().FirstOrDefaultAsync(m => m.UserId == userId, ct);
    }

    private async Task<JoinModel> ModelAsync(JoinForm form, CancellationToken ct) =>
        new(form, await db.MemberCategories.AsNoTracking().OrderBy(c => c.Name).ToListAsync(ct), await charter.CurrentAsync(ct), tenantContext.Current!.Slug);
}

public sealed class JoinForm
{
    public Guid? CategoryId { get; set; }
    public string Motivation { get; set; } = string.Empty;
    public bool AcceptCharter { get; set; }
}

public sealed class JoinFormValidator : AbstractValidator<JoinForm>
{
    public JoinFormValidator(IStringLocalizer<SharedResource> l) =>
        RuleFor(x => x.Motivation).NotEmpty().WithMessage(_ => l["Validation.Required"]).MaximumLength(2000).WithMessage(_ => l["Validation.TooLong", 2000]);
}

public sealed record JoinModel(JoinForm Form, IReadOnlyList<MemberCategory> Categories, CharterVersion? Charter, string Slug);
