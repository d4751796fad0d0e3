using System.Globalization;
using Coop.Data;
using Coop.Data.Tenancy;
using Coop.Domain.Membership;
using Coop.Domain.Tenancy;
using Coop.Web.Features.Audit;
using Coop.Web.Features.Membership;
using Coop.Web.Features.Tenancy;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Coop.Web.Features.Settings;

/// <summary>
/// A cooperative's settings, for its admins: who it is (name, language, currency, legal form) and what its
/// statutes say about categories, voting colleges, proxies and the value of a share. Invalid combinations for the
/// legal form are refused with the rule they break; nothing is saved until the whole set is valid.
/// </summary>
[Route("c/{tenant}/admin/settings")]
[Authorize(Policy = Policies.Admin)]
public sealed class SettingsController(CoopDbContext db, CurrentCooperative cooperative, TenantCatalog catalog, AuditLog audit, IStringLocalizer<SharedResource> l) : Controller
{
    private const int BlankRows = 2;

    [HttpGet("")]
    public async Task<IActionResult> General(CancellationToken ct)
    {
        var t = await TenantAsync(ct);
        return View(new GeneralSettingsForm
        {
            Name = t.Name, Description = t.Description, ContactEmail = t.ContactEmail, Locale = t.Locale, TimeZoneId = t.TimeZoneId,
            Currency = t.Currency, LegalForm = t.LegalForm, PublicCommunity = t.PublicCommunity,
            CommunityThanks = t.CommunityThanks, NewMemberDays = t.NewMemberDays, NewMemberDailyPosts = t.NewMemberDailyPosts,
        });
    }

    [HttpPost("")]
    public async Task<IActionResult> General(GeneralSettingsForm form, CancellationToken ct)
    {
        if (!ModelState.IsValid) return View(form);
        var t = await TenantAsync(ct);
        var before = new { t.Name, t.Locale, t.Currency, t.LegalForm, t.TimeZoneId, t.PublicCommunity, t.CommunityThanks, t.NewMemberDays, t.NewMemberDailyPosts };
        t.ChangeSettings(form.Name, form.Description, form.ContactEmail, form.Locale, form.TimeZoneId, form.Currency, form.LegalForm, t.ProxiesAllowed, t.ShareNominalValueMinor);
        t.ConfigureCommunity(form.PublicCommunity, form.CommunityThanks, form.NewMemberDays, form.NewMemberDailyPosts);
        audit.Record("settings.changed", t.Id, t.Name, before, new { t.Name, t.Locale, t.Currency, t.LegalForm, t.TimeZoneId, t.PublicCommunity, t.CommunityThanks, t.NewMemberDays, t.NewMemberDailyPosts });
        await db.SaveChangesAsync(ct);
        catalog.Evict(TenantInfo.From(t));
        TempData["Flash"] = "Settings.Saved";
        return Redirect($"/c/{t.Slug}/admin/settings");
    }

    [HttpGet("statutes")]
    public async Task<IActionResult> Statutes(CancellationToken ct)
    {
        var t = await TenantAsync(ct);
        var colleges = await db.VotingColleges.AsNoTracking().OrderBy(c => c.Name).ToListAsync(ct);
        var categories = await db.MemberCategories.AsNoTracking().OrderBy(c => c.Name).ToListAsync(ct);
        var form = new StatutesForm
        {
            ProxiesAllowed = t.ProxiesAllowed,
            ShareNominalValue = t.ShareNominalValueMinor / 100m,
            Colleges = colleges.Select(c => new CollegeRow { Id = c.Id, Name = c.Name, Weight = c.WeightPercent }).ToList(),
            Categories = categories.Select(c => new CategoryRow
            {
                Id = c.Id, Name = c.Name, Kind = c.Kind, MinimumShares = c.MinimumShares,
                College = colleges.FirstOrDefault(k => k.Id == c.CollegeId)?.Name,
            }).ToList(),
        };
        return View(StatutesModel(form, t, []));
    }

    [HttpPost("statutes")]
    public async Task<IActionResult> Statutes(StatutesForm form, CancellationToken ct)
    {
        var t = await TenantAsync(ct);
        form.Colleges = form.Colleges.Where(r => !string.IsNullOrWhiteSpace(r.Name)).ToList();
        form.Categories = form.Categories.Where(r => !string.IsNullOrWhiteSpace(r.Name)).ToList();
        if (!ModelState.IsValid) return View(StatutesModel(form, t, []));

        var colleges = await db.VotingColleges.ToListAsync(ct);
        var categories = await db.MemberCategories.ToListAsync(ct);
        var keptColleges = new List<VotingCollege>();
        foreach (var row in form.Colleges)
        {
            var college = colleges.FirstOrDefault(c => c.Id == row.Id);
            if (college is null) { college = new VotingCollege(row.Name!, row.Weight ?? 0); db.VotingColleges.Add(college); }
            else college.Change(row.Name!, row.Weight ?? 0);
            keptColleges.Add(college);
        }
        var keptCategories = new List<MemberCategory>();
        var unknownCollege = false;
        foreach (var row in form.Categories)
        {
            var collegeId = string.IsNullOrWhiteSpace(row.College) ? null : keptColleges.FirstOrDefault(c => c.Name == row.College.Trim())?.Id;
            unknownCollege |= !string.IsNullOrWhiteSpace(row.College) && collegeId is null;
            var category = categories.FirstOrDefault(c => c.Id == row.Id);
            if (category is null) { category = new MemberCategory(row.Name!, row.Kind, row.MinimumShares, collegeId); db.MemberCategories.Add(category); }
            else { category.Rename(row.Name!); category.Reclassify(row.Kind, collegeId); category.SetMinimumShares(row.MinimumShares); }
            keptCategories.Add(category);
        }

        var violations = StatutesRules.Check(t.LegalForm, keptCategories, keptColleges, form.ProxiesAllowed).ToList();
        if (unknownCollege) violations.Add(new StatutesViolation("Statutes.UnknownCollege", "?"));
        var removedCategories = categories.Except(keptCategories).ToList();
        var inUse = removedCategories.Count > 0 && await db.Members.AnyAsync(m => m.CategoryId != null && removedCategories.Select(c => c.Id).Contains(m.CategoryId.Value), ct);
        if (inUse) violations.Add(new StatutesViolation("Statutes.CategoryInUse"));
        if (violations.Count > 0)
        {
            db.ChangeTracker.Clear();
            return View(StatutesModel(form, t, violations.Select(v => string.Format(CultureInfo.CurrentCulture, l[v.Code], v.Arguments)).ToList()));
        }

        db.MemberCategories.RemoveRange(removedCategories);
        db.VotingColleges.RemoveRange(colleges.Except(keptColleges));
        t.ChangeSettings(t.Name, t.Description, t.ContactEmail, t.Locale, t.TimeZoneId, t.Currency, t.LegalForm, form.ProxiesAllowed, (long)Math.Round(form.ShareNominalValue * 100));
        audit.Record("statutes.changed", t.Id, string.Join(", ", keptColleges.Select(c => $"{c.Name} {c.WeightPercent} %")),
            after: new { Colleges = keptColleges.Select(c => new { c.Name, c.WeightPercent }), Categories = keptCategories.Select(c => c.Name), form.ProxiesAllowed });
        await db.SaveChangesAsync(ct);
        TempData["Flash"] = "Settings.Saved";
        return Redirect($"/c/{t.Slug}/admin/settings/statutes");
    }

    private Task<Tenant> TenantAsync(CancellationToken ct) => cooperative.ForUpdateAsync(ct);

    private static StatutesPageModel StatutesModel(StatutesForm form, Tenant tenant, IReadOnlyList<string> violations)
    {
        for (var i = 0; i < BlankRows; i++) form.Colleges.Add(new CollegeRow());
        for (var i = 0; i < BlankRows; i++) form.Categories.Add(new CategoryRow());
        return new StatutesPageModel(form, tenant.LegalForm, tenant.Currency, tenant.Slug, violations);
    }
}

public sealed record StatutesPageModel(StatutesForm Form, LegalForm LegalForm, string Currency, string Slug, IReadOnlyList<string> Violations);
