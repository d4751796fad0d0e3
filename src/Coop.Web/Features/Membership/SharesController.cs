using System.Globalization;
using System.Security.Claims;
using Coop.Data;
using Coop.Data.Tenancy;
using Coop.Domain.Membership;
using Coop.Web.Features.Audit;
using Coop.Web.Features.Tenancy;
using Coop.Web.Infrastructure;
using FluentValidation;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Coop.Web.Features.Membership;

/// <summary>
/// The register of associates: subscriptions and refunds of capital shares, running totals, the current capital,
/// and CSV exports of the register and of the members. For treasurers and admins; every line is audit-logged.
/// </summary>
[Route("c/{tenant}/admin")]
[Authorize(Policy = Policies.Registrar)]
public sealed class SharesController(CoopDbContext db, CurrentCooperative cooperative, TenantContext tenantContext, AuditLog audit, IStringLocalizer<SharedResource> l, TimeProvider clock) : Controller
{
    [HttpGet("shares")]
    public async Task<IActionResult> Register(CancellationToken ct) => View(await ModelAsync(new ShareForm { Date = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime) }, ct));

    [HttpPost("shares")]
    public async Task<IActionResult> Record(ShareForm form, CancellationToken ct)
    {
        var tenant = await cooperative.ReadAsync(ct);
        var member = await db.Members.AsNoTracking().FirstOrDefaultAsync(m => m.Id == form.MemberId, ct);
        if (member is null) ModelState.AddModelError(nameof(form.MemberId), l["Shares.ChooseMember"]);
        var amountMinor = (long)Math.Round(form.AmountPaid * 100);
        if (form.Shares > 0 && amountMinor > form.Shares * tenant.ShareNominalValueMinor)
            ModelState.AddModelError(nameof(form.AmountPaid), l["Shares.AmountTooHigh", Money(form.Shares * tenant.ShareNominalValueMinor, tenant.Currency)]);
        var movements = await db.ShareMovements.AsNoTracking().ToListAsync(ct);
        if (member is not null && form.Kind == ShareMovementKind.Refund && !ShareRegister.CanRefund(movements, member.Id, form.Shares))
            ModelState.AddModelError(nameof(form.Shares), l["Shares.RefundTooMany", ShareRegister.SharesHeld(movements, member.Id)]);
        if (!ModelState.IsValid) return View("Register", await ModelAsync(form, ct));

        var movement = new ShareMovement(member!.Id, form.Kind, form.Shares, tenant.ShareNominalValueMinor, amountMinor, form.Date,
            form.Reference ?? string.Empty, Guid.Parse(User.FindFirstValue(ClaimTypes.NameIdentifier)!), clock.GetUtcNow());
        db.ShareMovements.Add(movement);
        audit.Record(form.Kind == ShareMovementKind.Subscription ? "shares.subscribed" : "shares.refunded", member.Id,
            $"{member.DisplayName}: {form.Shares} × {Money(tenant.ShareNominalValueMinor, tenant.Currency)} ({form.Reference})");
        await db.SaveChangesAsync(ct);
        TempData["Flash"] = "Shares.Recorded";
        return Redirect($"/c/{tenant.Slug}/admin/shares");
    }

    [HttpGet("shares.csv")]
    public async Task<IActionResult> RegisterCsv(CancellationToken ct)
    {
        var (lines, names, currency) = await RegisterAsync(ct);
        audit.Record("export.register", null, "CSV");
        await db.SaveChangesAsync(ct);
        return CsvExport.File(
            ["date", "member", "kind", "shares", "nominal_value", "amount_paid", "reference", "member_shares_after", "total_shares_after", "capital_after", "currency"],
            lines.Select(x => new[]
            {
                x.Movement.Date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), names.GetValueOrDefault(x.Movement.MemberId, "?"),
                x.Movement.Kind.ToString(), CsvExport.Number(x.Movement.Shares), CsvExport.Amount(x.Movement.NominalValueMinor),
                CsvExport.Amount(x.Movement.AmountPaidMinor), x.Movement.Reference, CsvExport.Number(x.MemberSharesAfter),
                CsvExport.Number(x.TotalSharesAfter), CsvExport.Amount(x.CapitalAfterMinor), currency,
            }), $"register-{tenantContext.Current!.Slug}.csv");
    }

    [HttpGet("members.csv")]
    public async Task<IActionResult> MembersCsv(CancellationToken ct)
    {
        var members = await db.Members.AsNoTracking().OrderBy(m => m.DisplayName).ToListAsync(ct);
        var categories = await db.MemberCategories.AsNoTracking().ToDictionaryAsync(c => c.Id, c => c.Name, ct);
        var movements = await db.ShareMovements.AsNoTracking().ToListAsync(ct);
        var userIds = members.Select(m => m.UserId).ToList();
        var emails = await db.Users.Where(u => userIds.Contains(u.Id)).ToDictionaryAsync(u => u.Id, u => u.Email, ct);
        audit.Record("export.members", null, "CSV");
        await db.SaveChangesAsync(ct);
        return CsvExport.File(
            ["name", "email", "status", "status_since", "category", "roles", "shares"],
            members.Select(m => new[]
            {
                m.DisplayName, emails.GetValueOrDefault(m.UserId), m.Status.ToString(), m.StatusChangedAt.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
                m.CategoryId is { } c ? categories.GetValueOrDefault(c) : null, m.Roles.ToString(), CsvExport.Number(ShareRegister.SharesHeld(movements, m.Id)),
            }), $"members-{tenantContext.Current!.Slug}.csv");
    }

    private async Task<(IReadOnlyList<RegisterLine> Lines, Dictionary<Guid, string> Names, string Currency)> RegisterAsync(CancellationToken ct)
    {
        var movements = await db.ShareMovements.AsNoTracking().ToListAsync(ct);
        var names = await db.Members.AsNoTracking().ToDictionaryAsync(m => m.Id, m => m.DisplayName, ct);
        return (ShareRegister.Build(movements), names, tenantContext.Current!.Currency);
    }

    private async Task<RegisterModel> ModelAsync(ShareForm form, CancellationToken ct)
    {
        var (lines, names, currency) = await RegisterAsync(ct);
        var members = await db.Members.AsNoTracking().Where(m => m.Status == MembershipStatus.Active || m.Status == MembershipStatus.Resigned)
            .OrderBy(m => m.DisplayName).ToListAsync(ct);
        var nominal = await cooperative.ReadAsync(t => t.ShareNominalValueMinor, ct);
        return new RegisterModel(form, lines, names, members, currency, nominal, tenantContext.Current!.Slug);
    }

    public static string Money(long minor, string currency) =>
        (minor / 100m).ToString("N2", CultureInfo.CurrentCulture) + " " + (currency == "EUR" ? "€" : "$ CA");
}

public sealed class ShareForm
{
    public Guid MemberId { get; set; }
    public ShareMovementKind Kind { get; set; } = ShareMovementKind.Subscription;
    public int Shares { get; set; } = 1;
    public DateOnly Date { get; set; }
    public decimal AmountPaid { get; set; }
    public string? Reference { get; set; }
}

public sealed class ShareFormValidator : AbstractValidator<ShareForm>
{
    public ShareFormValidator(IStringLocalizer<SharedResource> l)
    {
        RuleFor(x => x.Shares).InclusiveBetween(1, 1_000_000).WithMessage(_ => l["Shares.SharesRange"]);
        RuleFor(x => x.AmountPaid).GreaterThanOrEqualTo(0).WithMessage(_ => l["Shares.AmountNegative"]);
        RuleFor(x => x.Kind).IsInEnum().WithMessage(_ => l["Validation.ValueInvalid"]);
        RuleFor(x => x.Date).NotEmpty().WithMessage(_ => l["Validation.Required"]);
        RuleFor(x => x.Reference).MaximumLength(100).WithMessage(_ => l["Validation.TooLong", 100]);
    }
}

public sealed record RegisterModel(ShareForm Form, IReadOnlyList<RegisterLine> Lines, IReadOnlyDictionary<Guid, string> Names,
    IReadOnlyList<Member> Members, string Currency, long NominalValueMinor, string Slug);
