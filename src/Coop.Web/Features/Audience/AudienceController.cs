using Coop.Data;
using Coop.Data.Tenancy;
using Coop.Domain.Audience;
using Coop.Web.Features.Audit;
using Coop.Web.Features.Membership;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Coop.Web.Features.Audience;

public sealed record ContactsModel(string Slug, ContactFilter Filter, int Page, int Total, IReadOnlyList<Contact> Contacts, IReadOnlyDictionary<Guid, List<ConsentLine>> Consents,
    IReadOnlyList<Purpose> Purposes, IReadOnlyList<string> Tags);

public sealed record ContactModel(string Slug, Contact? Contact, ContactForm Form, IReadOnlyList<Purpose> Purposes, IReadOnlyList<ConsentLine> Consents,
    IReadOnlyList<ConsentRecord> Ledger, string? MemberName = null);

public sealed record PurposesModel(string Slug, IReadOnlyList<Purpose> Purposes, IReadOnlyList<PurposeText> Texts, IReadOnlyDictionary<Guid, int> Consenting, PurposeForm Form);

/// <summary>
/// The admins' audience database: contacts (list, filters, one contact with its consents and proof), purposes and
/// their wordings, exports. Opening a contact or exporting is written to the access log.
/// </summary>
[Route("c/{tenant}/audience")]
[Authorize(Policy = Policies.Admin)]
public sealed class AudienceController(CoopDbContext db, TenantContext tenantContext, AudienceQueries queries, ConsentBook consents, MemberMatch members, ContactExport export,
    Erasure erasure, AuditLog audit, TimeProvider clock, IStringLocalizer<SharedResource> l) : Controller
{
    private string Slug => tenantContext.Current!.Slug;

    [HttpGet("")]
    public async Task<IActionResult> Index(string? q, string? tag, Guid? purposeId, string? postal, int page, CancellationToken ct)
    {
        var filter = new ContactFilter(q, tag, purposeId, postal);
        var query = queries.Filter(filter);
        page = Math.Max(1, page);
        var total = await query.CountAsync(ct);
        var contacts = await query.OrderBy(c => c.Name).ThenBy(c => c.Id).Skip((page - 1) * AudienceQueries.PageSize).Take(AudienceQueries.PageSize).ToListAsync(ct);
        return View("Contacts", new ContactsModel(Slug, filter, page, total, contacts, await queries.ConsentsAsync(contacts.Select(c => c.Id).ToList(), ct),
            await queries.PurposesAsync(ct), await queries.TagsAsync(ct)));
    }

    [HttpGet("contacts/new")]
    public async Task<IActionResult> New(CancellationToken ct) =>
        View("Contact", new ContactModel(Slug, null, new ContactForm(), await queries.PurposesAsync(ct), [], []));

    [HttpPost("contacts")]
    public async Task<IActionResult> Create(ContactForm form, CancellationToken ct)
    {
        var normalized = Contact.NormalizeEmail(form.Email);
        if (ModelState.IsValid && await db.Contacts.AnyAsync(c => c.EmailNormalized == normalized, ct))
            ModelState.AddModelError(nameof(form.Email), l["Audience.EmailTaken"]);
        if (!ModelState.IsValid) return await Invalid(null, form, ct);
        var now = clock.GetUtcNow();
        var contact = new Contact(form.Name!, form.Email!, form.Phone, form.PostalCode, Contact.ParseTags(form.Tags), l["Audience.SourceManual"], now);
        db.Contacts.Add(contact);
        await members.LinkAsync(contact, ct);
        try { await GivePaperConsentsAsync(contact, form, ct); }
        catch (AudienceException ex) { ModelState.AddModelError(string.Empty, l[ex.Message]); return await Invalid(null, form, ct); }
        audit.Record("personal.created", contact.Id, Erasure.ContactPseudonym(contact.Id));
        try { await db.SaveChangesAsync(ct); }
        catch (DbUpdateException)
        {
            ModelState.AddModelError(nameof(form.Email), l["Audience.EmailTaken"]);
            return await Invalid(null, form, ct);
        }
        TempData["Flash"] = "Audience.ContactSaved";
        return Redirect($"/c/{Slug}/audience/contacts/{contact.Id}");
    }

    [HttpGet("contacts/{id:guid}")]
    public async Task<IActionResult> Show(Guid id, CancellationToken ct)
    {
        var contact = await db.Contacts.AsNoTracking().FirstOrDefaultAsync(c => c.Id == id, ct);
        if (contact is null) return NotFound();
        audit.Record("personal.viewed", contact.Id, Erasure.ContactPseudonym(contact.Id));
        await db.SaveChangesAsync(ct);
        var form = new ContactForm { Name = contact.Name, Email = contact.Email, Phone = contact.Phone, PostalCode = contact.PostalCode, Tags = string.Join(", ", contact.TagList) };
        return await ContactView(contact, form, ct);
    }

    /// <summary>Rectification by an admin (the person asked, or a typo), and paper consents collected since.</summary>
    [HttpPost("contacts/{id:guid}")]
    public async Task<IActionResult> Update(Guid id, ContactForm form, CancellationToken ct)
    {
        var contact = await db.Contacts.FirstOrDefaultAsync(c => c.Id == id, ct);
        if (contact is null) return NotFound();
        var normalized = Contact.NormalizeEmail(form.Email);
        if (ModelState.IsValid && await db.Contacts.AnyAsync(c => c.EmailNormalized == normalized && c.Id != id, ct))
            ModelState.AddModelError(nameof(form.Email), l["Audience.EmailTaken"]);
        if (!ModelState.IsValid) return await Invalid(contact, form, ct);
        contact.Rectify(form.Name!, form.Phone, form.PostalCode);
        contact.ChangeEmail(form.Email!);
        contact.Retag(Contact.ParseTags(form.Tags));
        await members.LinkAsync(contact, ct);
        try { await GivePaperConsentsAsync(contact, form, ct); }
        catch (AudienceException ex) { ModelState.AddModelError(string.Empty, l[ex.Message]); return await Invalid(contact, form, ct); }
        // The log says who changed whom, never the values: it must not become a second copy of the personal data.
        audit.Record("personal.rectified", contact.Id, Erasure.ContactPseudonym(contact.Id));
        await db.SaveChangesAsync(ct);
        TempData["Flash"] = "Audience.ContactSaved";
        return Redirect($"/c/{Slug}/audience/contacts/{id}");
    }

    [HttpPost("contacts/{id:guid}/consents/{purposeId:guid}/withdraw")]
    public async Task<IActionResult> Withdraw(Guid id, Guid purposeId, CancellationToken ct)
    {
        var contact = await db.Contacts.FirstOrDefaultAsync(c => c.Id == id, ct);
        if (contact is null) return NotFound();
        var changed = await consents.WithdrawAsync(contact, purposeId, ConsentChannel.Paper, l["Audience.WithdrawnByAdmin", User.Identity?.Name ?? "admin"], ct);
        await db.SaveChangesAsync(ct);
        TempData["Flash"] = changed ? "Audience.ConsentWithdrawn" : "Audience.ConsentAlreadyWithdrawn";
        return Redirect($"/c/{Slug}/audience/contacts/{id}");
    }

    [HttpPost("contacts/{id:guid}/erase")]
    public async Task<IActionResult> Erase(Guid id, CancellationToken ct)
    {
        var contact = await db.Contacts.FirstOrDefaultAsync(c => c.Id == id, ct);
        if (contact is null) return NotFound();
        await erasure.EraseContactAsync(contact, "admin", ct);
        TempData["Flash"] = "Audience.ContactErased";
        return Redirect($"/c/{Slug}/audience");
    }

    [HttpGet("contacts.{format:regex(^(csv|json)$)}")]
    public async Task<IActionResult> Export(string format, string? q, string? tag, Guid? purposeId, string? postal, CancellationToken ct)
    {
        var filter = new ContactFilter(q, tag, purposeId, postal);
        var csv = format == "csv";
        var bytes = csv ? await export.CsvAsync(filter, ct) : await export.JsonAsync(filter, ct);
        audit.Record("personal.exported", null, $"contacts.{format}");
        await db.SaveChangesAsync(ct);
        return File(bytes, csv ? "text/csv; charset=utf-8" : "application/json", $"contacts-{Slug}.{format}");
    }

    [HttpGet("purposes")]
    public async Task<IActionResult> Purposes(CancellationToken ct) => View("Purposes", await PurposesModelAsync(new PurposeForm(), ct));

    [HttpPost("purposes")]
    public async Task<IActionResult> CreatePurpose(PurposeForm form, CancellationToken ct)
    {
        if (ModelState.IsValid && await db.Purposes.AnyAsync(p => p.Name == form.Name!.Trim(), ct)) ModelState.AddModelError(nameof(form.Name), l["Audience.PurposeExists"]);
        if (!ModelState.IsValid)
        {
            Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
            return View("Purposes", await PurposesModelAsync(form, ct));
        }
        var now = clock.GetUtcNow();
        var purpose = new Purpose(form.Name!, now);
        db.Purposes.Add(purpose);
        db.PurposeTexts.Add(purpose.Word(form.Text!, now));
        audit.Record("audience.purpose", purpose.Id, purpose.Name);
        await db.SaveChangesAsync(ct);
        TempData["Flash"] = "Audience.PurposeSaved";
        return Redirect($"/c/{Slug}/audience/purposes");
    }

    /// <summary>A new wording: consents already given keep their version; new ones get this one.</summary>
    [HttpPost("purposes/{id:guid}/text")]
    public async Task<IActionResult> Reword(Guid id, PurposeForm form, CancellationToken ct)
    {
        var purpose = await db.Purposes.FirstOrDefaultAsync(p => p.Id == id, ct);
        if (purpose is null) return NotFound();
        if (ModelState[nameof(form.Text)]?.Errors.Count > 0)
        {
            Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
            return View("Purposes", await PurposesModelAsync(new PurposeForm(), ct));
        }
        db.PurposeTexts.Add(purpose.Word(form.Text!, clock.GetUtcNow()));
        audit.Record("audience.purpose", purpose.Id, purpose.Name, null, new { purpose.CurrentVersion });
        await db.SaveChangesAsync(ct);
        TempData["Flash"] = "Audience.PurposeSaved";
        return Redirect($"/c/{Slug}/audience/purposes");
    }

    [HttpPost("purposes/{id:guid}/archive")]
    public async Task<IActionResult> Archive(Guid id, bool archived, CancellationToken ct)
    {
        var purpose = await db.Purposes.FirstOrDefaultAsync(p => p.Id == id, ct);
        if (purpose is null) return NotFound();
        purpose.Archive(archived);
        audit.Record("audience.purpose", purpose.Id, purpose.Name, null, new { purpose.Archived });
        await db.SaveChangesAsync(ct);
        return Redirect($"/c/{Slug}/audience/purposes");
    }

    private async Task GivePaperConsentsAsync(Contact contact, ContactForm form, CancellationToken ct)
    {
        if (form.PaperPurposes.Count == 0) return;
        var at = new DateTimeOffset(form.PaperDate!.Value.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);
        foreach (var purpose in await db.Purposes.Where(p => form.PaperPurposes.Contains(p.Id)).ToListAsync(ct))
            await consents.GiveAsync(contact, purpose, ConsentChannel.Paper, form.PaperEvidence!, at, ct);
        contact.Touch(clock.GetUtcNow());
    }

    private async Task<IActionResult> Invalid(Contact? contact, ContactForm form, CancellationToken ct)
    {
        Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
        return await ContactView(contact, form, ct);
    }

    private async Task<IActionResult> ContactView(Contact? contact, ContactForm form, CancellationToken ct)
    {
        var purposes = await queries.PurposesAsync(ct);
        if (contact is null) return View("Contact", new ContactModel(Slug, null, form, purposes, [], []));
        var current = await queries.ConsentsAsync([contact.Id], ct);
        var member = contact.MemberId is { } memberId ? await db.Members.AsNoTracking().Where(m => m.Id == memberId).Select(m => m.DisplayName).FirstOrDefaultAsync(ct) : null;
        return View("Contact", new ContactModel(Slug, contact, form, purposes, current.GetValueOrDefault(contact.Id) ?? [], await queries.LedgerAsync(contact.Id, ct), member));
    }

    private async Task<PurposesModel> PurposesModelAsync(PurposeForm form, CancellationToken ct)
    {
        var counts = await db.ContactConsents.GroupBy(c => c.PurposeId).Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(x => x.Key, x => x.Count, ct);
        return new PurposesModel(Slug, await queries.PurposesAsync(ct), await db.PurposeTexts.AsNoTracking().OrderByDescending(t => t.Version).ToListAsync(ct), counts, form);
    }
}
