using System.Globalization;
using System.Text;
using System.Text.Json;
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

public sealed record ImportSummary(Guid Id, string FileName, DateTimeOffset CreatedAt, string CreatedBy, ImportStatus Status, int Inserted, int Updated, int Skipped, int Consents);

public sealed record ImportsModel(string Slug, IReadOnlyList<ImportSummary> Past, ImportEncoding Encoding);

public sealed record ImportModel(string Slug, ContactImport Import, IReadOnlyList<string> Headers, IReadOnlyList<Purpose> Purposes, ImportForm Form, ImportOutcome? Outcome);

/// <summary>
/// Contacts from a spreadsheet, in three steps: upload (the file is kept in the cooperative's rows), map the columns
/// (guessed from the header), then check (a dry run that lists every refused line) and import.
/// </summary>
[Route("c/{tenant}/audience/import")]
[Authorize(Policy = Policies.Admin)]
public sealed class ImportController(CoopDbContext db, TenantContext tenantContext, ContactImporter importer, AudienceQueries queries, AuditLog audit,
    TimeProvider clock, IStringLocalizer<SharedResource> l) : Controller
{
    private string Slug => tenantContext.Current!.Slug;

    [HttpGet("")]
    public async Task<IActionResult> Index(CancellationToken ct) => View("Imports", await ImportsModelAsync(ImportEncoding.Utf8, ct));

    [HttpPost("")]
    [RequestSizeLimit(ContactImport.MaxBytes + 1024 * 1024)]
    [RequestFormLimits(MultipartBodyLengthLimit = ContactImport.MaxBytes + 1024 * 1024)]
    public async Task<IActionResult> Upload(IFormFile? file, ImportEncoding encoding, CancellationToken ct)
    {
        if (file is null || file.Length == 0) return await UploadRefused("Import.Empty", encoding, ct);
        if (file.Length > ContactImport.MaxBytes) return await UploadRefused("Import.TooLarge", encoding, ct);
        byte[] content;
        using (var buffer = new MemoryStream((int)file.Length))
        {
            await file.CopyToAsync(buffer, ct);
            content = buffer.ToArray();
        }
        IReadOnlyList<string> headers;
        try { headers = ContactCsv.Headers(content, encoding); }
        catch (AudienceException ex) { return await UploadRefused(ex.Message, encoding, ct); }
        var import = new ContactImport(Path.GetFileName(file.FileName), content, JsonSerializer.Serialize(headers), User.Identity?.Name ?? "", clock.GetUtcNow());
        db.ContactImports.Add(import);
        await db.SaveChangesAsync(ct);
        return Redirect($"/c/{Slug}/audience/import/{import.Id}?encoding={encoding}");
    }

    [HttpGet("{id:guid}")]
    public async Task<IActionResult> Map(Guid id, ImportEncoding encoding, CancellationToken ct)
    {
        var import = await db.ContactImports.AsNoTracking().FirstOrDefaultAsync(i => i.Id == id, ct);
        if (import is null) return NotFound();
        var headers = Headers(import);
        var form = Guess(headers);
        form.Encoding = encoding;
        form.Source = l["Import.DefaultSource", import.FileName, import.CreatedAt.ToString("d", CultureInfo.CurrentCulture)];
        return View("Import", new ImportModel(Slug, import, headers, await queries.PurposesAsync(ct), form, null));
    }

    [HttpPost("{id:guid}")]
    public async Task<IActionResult> Run(Guid id, ImportForm form, CancellationToken ct)
    {
        var import = await db.ContactImports.FirstOrDefaultAsync(i => i.Id == id, ct);
        if (import is null) return NotFound();
        var headers = Headers(import);
        var purposes = await queries.PurposesAsync(ct);
        IActionResult Page(ImportOutcome? outcome, int status = StatusCodes.Status200OK)
        {
            Response.StatusCode = status;
            return View("Import", new ImportModel(Slug, import, headers, purposes, form, outcome));
        }
        if (import.Status == ImportStatus.Done)
        {
            ModelState.AddModelError(string.Empty, l["Audience.ImportAlreadyDone"]);
            return Page(null, StatusCodes.Status409Conflict);
        }
        if (!ModelState.IsValid) return Page(null, StatusCodes.Status422UnprocessableEntity);
        var dryRun = form.Action != "import";
        ImportOutcome outcome;
        try
        {
            outcome = await importer.RunAsync(import.Content, import.FileName,
                new ImportChoices(form.Encoding, form.Mapping, form.PurposeId, form.Source!.Trim(), form.SkipBadLines, dryRun), ct);
        }
        catch (AudienceException ex)
        {
            ModelState.AddModelError(string.Empty, l[ex.Message]);
            return Page(null, StatusCodes.Status422UnprocessableEntity);
        }
        if (!outcome.Written) return Page(outcome, dryRun || outcome.Problems.Count == 0 ? StatusCodes.Status200OK : StatusCodes.Status422UnprocessableEntity);
        import.Complete(outcome.Inserted, outcome.Updated, outcome.Problems.Count, outcome.Consents, clock.GetUtcNow());
        audit.Record("audience.imported", import.Id, import.FileName, null, new { outcome.Inserted, outcome.Updated, Skipped = outcome.Problems.Count, outcome.Consents });
        await db.SaveChangesAsync(ct);
        return Page(outcome);
    }

    private async Task<IActionResult> UploadRefused(string key, ImportEncoding encoding, CancellationToken ct)
    {
        ModelState.AddModelError("file", l[key]);
        Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
        return View("Imports", await ImportsModelAsync(encoding, ct));
    }

    private async Task<ImportsModel> ImportsModelAsync(ImportEncoding encoding, CancellationToken ct) =>
        new(Slug, await db.ContactImports.AsNoTracking().OrderByDescending(i => i.CreatedAt).Take(20)
            .Select(i => new ImportSummary(i.Id, i.FileName, i.CreatedAt, i.CreatedBy, i.Status, i.Inserted, i.Updated, i.Skipped, i.Consents)).ToListAsync(ct), encoding);

    private static List<string> Headers(ContactImport import) => JsonSerializer.Deserialize<List<string>>(import.Headers) ?? [];

    /// <summary>The usual French and English names of each column.</summary>
    private static ImportForm Guess(List<string> headers)
    {
        int? Find(params string[] names)
        {
            for (var i = 0; i < headers.Count; i++)
                if (names.Contains(Simplify(headers[i]))) return i;
            return null;
        }
        return new ImportForm
        {
            Email = Find("email", "e-mail", "mail", "courriel", "adresse e-mail", "adresse email", "adresse courriel"),
            Name = Find("nom", "name", "nom complet", "full name", "prenom nom", "contact"),
            Phone = Find("telephone", "tel", "phone", "portable", "mobile"),
            PostalCode = Find("code postal", "cp", "postal code", "zip", "code_postal", "postal_code"),
            Tags = Find("tags", "etiquettes", "etiquette", "tag"),
            ConsentDate = Find("date consentement", "date du consentement", "consent date", "consent_date", "consentement", "date"),
            ConsentSource = Find("source consentement", "source du consentement", "preuve", "consent source", "consent_source", "source"),
        };
    }

    private static string Simplify(string header)
    {
        var decomposed = header.Trim().ToLowerInvariant().Normalize(NormalizationForm.FormD);
        return new string(decomposed.Where(c => CharUnicodeInfo.GetUnicodeCategory(c) != UnicodeCategory.NonSpacingMark).ToArray());
    }
}
