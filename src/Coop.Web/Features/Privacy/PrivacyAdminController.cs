using System.Globalization;
using Coop.Data;
using Coop.Data.Tenancy;
using Coop.Domain.Audience;
using Coop.Domain.Audit;
using Coop.Web.Features.Audience;
using Coop.Web.Features.Audit;
using Coop.Web.Features.Membership;
using Coop.Web.Features.Tenancy;
using Coop.Web.Infrastructure;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Coop.Web.Features.Privacy;

public sealed record RequestsModel(string Slug, DateTimeOffset Now, IReadOnlyList<PrivacyRequest> Open, IReadOnlyList<PrivacyRequest> Closed, IReadOnlySet<Guid> Erasable);

public sealed record RegisterModel(string Slug, IReadOnlyList<ProcessingActivity> Entries, Guid? Editing, ActivityForm? Form);

public sealed record RetentionModel(string Slug, int FormerMemberMonths, IReadOnlyList<RetentionRun> Runs);

public sealed record AccessModel(string Slug, IReadOnlyList<AuditEntry> Entries);

/// <summary>
/// The admins' privacy desk: data-subject requests against their one-month deadline, the register of processing
/// activities, the retention runs, the log of who viewed or exported personal data, and the privacy officer.
/// </summary>
[Route("c/{tenant}/privacy/admin")]
[Authorize(Policy = Policies.Admin)]
public sealed class PrivacyAdminController(CoopDbContext db, TenantContext tenantContext, CurrentCooperative cooperative, ProcessingRegister register, Erasure erasure, Retention retention,
    AuditLog audit, TimeProvider clock, IStringLocalizer<SharedResource> l) : Controller
{
    private string Slug => tenantContext.Current!.Slug;

    [HttpGet("")]
    public async Task<IActionResult> Index(CancellationToken ct) => View("Requests", await RequestsAsync(ct));

    [HttpPost("requests/{id:guid}/close")]
    public async Task<IActionResult> Close(Guid id, CloseRequestForm form, CancellationToken ct)
    {
        var request = await db.PrivacyRequests.FirstOrDefaultAsync(r => r.Id == id, ct);
        if (request is null) return NotFound();
        if (!ModelState.IsValid)
        {
            Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
            return View("Requests", await RequestsAsync(ct));
        }
        try { request.Close(form.Status, User.Identity?.Name ?? "admin", form.Answer, clock.GetUtcNow()); }
        catch (AudienceException ex) { TempData["Flash"] = ex.Message; return Redirect($"/c/{Slug}/privacy/admin"); }
        audit.Record("privacy.closed", request.Id, l[$"PrivacyRequestKind.{request.Kind}"] + " · " + l[$"PrivacyRequestStatus.{form.Status}"]);
        await db.SaveChangesAsync(ct);
        TempData["Flash"] = "Privacy.RequestClosed";
        return Redirect($"/c/{Slug}/privacy/admin");
    }

    /// <summary>Carries out an erasure request: pseudonymises the member, or erases the contact with the request's address.</summary>
    [HttpPost("requests/{id:guid}/erase")]
    public async Task<IActionResult> Erase(Guid id, CancellationToken ct)
    {
        var request = await db.PrivacyRequests.FirstOrDefaultAsync(r => r.Id == id, ct);
        if (request is null) return NotFound();
        if (request.Status != PrivacyRequestStatus.Open) { TempData["Flash"] = "Privacy.RequestClosed"; return Redirect($"/c/{Slug}/privacy/admin"); }
        var member = request.SubjectId is { } memberId ? await db.Members.FirstOrDefaultAsync(m => m.Id == memberId, ct) : null;
        var normalized = Contact.NormalizeEmail(request.Email);
        var contact = member is null && normalized is not null ? await db.Contacts.FirstOrDefaultAsync(c => c.EmailNormalized == normalized, ct) : null;
        if (member is null && contact is null) { TempData["Flash"] = "Privacy.NothingToErase"; return Redirect($"/c/{Slug}/privacy/admin"); }
        if (member is not null) await erasure.PseudonymiseMemberAsync(member, "request", ct);
        else await erasure.EraseContactAsync(contact!, "request", ct);
        // Erasure forgot the request's names; reload it to close it.
        db.ChangeTracker.Clear();
        request = await db.PrivacyRequests.SingleAsync(r => r.Id == id, ct);
        request.Close(PrivacyRequestStatus.Done, User.Identity?.Name ?? "admin", l["Privacy.Erased"], clock.GetUtcNow());
        await db.SaveChangesAsync(ct);
        TempData["Flash"] = "Privacy.Erased";
        return Redirect($"/c/{Slug}/privacy/admin");
    }

    [HttpGet("register")]
    public async Task<IActionResult> Register(Guid? edit, CancellationToken ct)
    {
        var entries = await register.ReadAsync(ct);
        var editing = entries.FirstOrDefault(e => e.Id == edit);
        var form = editing is null ? null : new ActivityForm
        {
            Name = editing.Name, Purposes = editing.Purposes, LegalBasis = editing.LegalBasis, DataCategories = editing.DataCategories,
            DataSubjects = editing.DataSubjects, Recipients = editing.Recipients, Retention = editing.Retention, Security = editing.Security,
        };
        return View("Register", new RegisterModel(Slug, entries, editing?.Id, form));
    }

    [HttpPost("register/{id:guid}")]
    public async Task<IActionResult> EditActivity(Guid id, ActivityForm form, CancellationToken ct)
    {
        var entry = await db.ProcessingActivities.FirstOrDefaultAsync(a => a.Id == id, ct);
        if (entry is null) return NotFound();
        if (!ModelState.IsValid)
        {
            Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
            return View("Register", new RegisterModel(Slug, await register.ReadAsync(ct), id, form));
        }
        entry.Edit(form.Name!, form.Purposes ?? "", form.LegalBasis ?? "", form.DataCategories ?? "", form.DataSubjects ?? "", form.Recipients ?? "", form.Retention ?? "",
            form.Security ?? "", clock.GetUtcNow());
        audit.Record("privacy.register", entry.Id, entry.Name);
        await db.SaveChangesAsync(ct);
        TempData["Flash"] = "Privacy.RegisterSaved";
        return Redirect($"/c/{Slug}/privacy/admin/register");
    }

    [HttpGet("register.csv")]
    public async Task<IActionResult> RegisterCsv(CancellationToken ct)
    {
        var entries = await register.ReadAsync(ct);
        return CsvExport.File(["name", "purposes", "legal_basis", "data_categories", "data_subjects", "recipients", "retention", "security", "updated_at"],
            entries.Select(e => new[] { e.Name, e.Purposes, e.LegalBasis, e.DataCategories, e.DataSubjects, e.Recipients, e.Retention, e.Security,
                e.UpdatedAt.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) }), $"registre-{Slug}.csv");
    }

    [HttpGet("register.json")]
    public async Task<IActionResult> RegisterJson(CancellationToken ct) =>
        File(System.Text.Json.JsonSerializer.SerializeToUtf8Bytes((await register.ReadAsync(ct)).Select(e => new
        {
            e.Name, e.Purposes, e.LegalBasis, e.DataCategories, e.DataSubjects, e.Recipients, e.Retention, e.Security, e.UpdatedAt, e.Edited,
        }), PersonalData.Json), "application/json", $"registre-{Slug}.json");

    [HttpGet("retention")]
    public async Task<IActionResult> RetentionRuns(CancellationToken ct) => View("Retention", await RetentionAsync(ct));

    [HttpPost("retention/run")]
    public async Task<IActionResult> RunRetention(CancellationToken ct)
    {
        var run = await retention.RunAsync(ct);
        audit.Record("privacy.retention", run.Id, $"{run.ReconsentRequested}/{run.ContactsDeleted}/{run.MembersPseudonymised}");
        await db.SaveChangesAsync(ct);
        TempData["Flash"] = "Privacy.RetentionDone";
        return Redirect($"/c/{Slug}/privacy/admin/retention");
    }

    [HttpGet("access")]
    public async Task<IActionResult> Access(CancellationToken ct)
    {
        var entries = await db.AuditEntries.AsNoTracking()
            .Where(a => a.Action.StartsWith("personal.") || a.Action.StartsWith("privacy.") || a.Action.StartsWith("export.") || a.Action.EndsWith(".exported"))
            .OrderByDescending(a => a.At).Take(500).ToListAsync(ct);
        return View("Access", new AccessModel(Slug, entries));
    }

    [HttpGet("settings")]
    public async Task<IActionResult> Settings(CancellationToken ct)
    {
        var t = await cooperative.ReadAsync(ct);
        return View("PrivacySettings", new PrivacySettingsView(Slug,
            new PrivacySettingsForm { OfficerName = t.PrivacyOfficerName, OfficerEmail = t.PrivacyOfficerEmail, FormerMemberMonths = t.FormerMemberRetentionMonths }));
    }

    [HttpPost("settings")]
    public async Task<IActionResult> SaveSettings(PrivacySettingsForm form, CancellationToken ct)
    {
        if (!ModelState.IsValid)
        {
            Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
            return View("PrivacySettings", new PrivacySettingsView(Slug, form));
        }
        var t = await cooperative.ForUpdateAsync(ct);
        var before = new { t.PrivacyOfficerName, t.PrivacyOfficerEmail, t.FormerMemberRetentionMonths };
        t.ConfigurePrivacy(form.OfficerName, form.OfficerEmail, form.FormerMemberMonths);
        audit.Record("settings.privacy", t.Id, t.Name, before, new { t.PrivacyOfficerName, t.PrivacyOfficerEmail, t.FormerMemberRetentionMonths });
        await db.SaveChangesAsync(ct);
        TempData["Flash"] = "Privacy.SettingsSaved";
        return Redirect($"/c/{Slug}/privacy/admin/settings");
    }

    private async Task<RequestsModel> RequestsAsync(CancellationToken ct)
    {
        var open = await db.PrivacyRequests.AsNoTracking().Where(r => r.Status == PrivacyRequestStatus.Open).OrderBy(r => r.DueAt).ToListAsync(ct);
        var closed = await db.PrivacyRequests.AsNoTracking().Where(r => r.Status != PrivacyRequestStatus.Open).OrderByDescending(r => r.ClosedAt).Take(50).ToListAsync(ct);
        var emails = open.Select(r => Contact.NormalizeEmail(r.Email)).Where(e => e is not null).ToList();
        var known = (await db.Contacts.AsNoTracking().Where(c => emails.Contains(c.EmailNormalized)).Select(c => c.EmailNormalized).ToListAsync(ct)).ToHashSet();
        var erasable = open.Where(r => r.Kind == PrivacyRequestKind.Erasure && (r.Subject == PrivacySubject.Member || known.Contains(Contact.NormalizeEmail(r.Email) ?? "")))
            .Select(r => r.Id).ToHashSet();
        return new RequestsModel(Slug, clock.GetUtcNow(), open, closed, erasable);
    }

    private async Task<RetentionModel> RetentionAsync(CancellationToken ct)
    {
        var months = await cooperative.ReadAsync(t => t.FormerMemberRetentionMonths, ct);
        return new RetentionModel(Slug, months, await db.RetentionRuns.AsNoTracking().OrderByDescending(r => r.At).Take(100).ToListAsync(ct));
    }
}

public sealed record PrivacySettingsView(string Slug, PrivacySettingsForm Form);
