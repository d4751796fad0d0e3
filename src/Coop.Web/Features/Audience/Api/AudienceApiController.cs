using Coop.Data;
using Coop.Domain.Audience;
using Coop.Web.Features.Audience;
using Coop.Web.Features.Audit;
using Coop.Web.Features.Membership;
using Coop.Web.Infrastructure;
using FluentValidation;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Coop.Web.Features.Audience.Api;

public sealed record ConsentDto(Guid PurposeId, string Purpose, int Version, DateTimeOffset Since);

public sealed record ContactDto(Guid Id, string Name, string Email, string? Phone, string? PostalCode, IReadOnlyList<string> Tags, string Source,
    DateTimeOffset CreatedAt, DateTimeOffset LastActiveAt, IReadOnlyList<ConsentDto> Consents)
{
    public static ContactDto From(Contact c, IReadOnlyList<ConsentLine>? consents) =>
        new(c.Id, c.Name, c.Email, c.Phone, c.PostalCode, c.TagList, c.Source, c.CreatedAt, c.LastActiveAt,
            (consents ?? []).Select(l => new ConsentDto(l.PurposeId, l.Purpose, l.Version, l.Since)).ToList());
}

public sealed record LedgerLineDto(Guid PurposeId, int Version, string Channel, bool Given, string Evidence, DateTimeOffset At, DateTimeOffset RecordedAt);

public sealed record ContactDetailDto(ContactDto Contact, IReadOnlyList<LedgerLineDto> Ledger);

public sealed record PurposeDto(Guid Id, string Name, int CurrentVersion, bool Archived);

/// <summary>A consent the caller can prove: which purpose, what evidence (a paper form's reference, a partner's proof), when.</summary>
public sealed record ConsentInput(Guid PurposeId, string? Evidence, DateTimeOffset? At);

public sealed record ContactInput(string? Name, string? Email, string? Phone, string? PostalCode, IReadOnlyList<string>? Tags, IReadOnlyList<ConsentInput>? Consents);

public sealed class ConsentInputValidator : AbstractValidator<ConsentInput>
{
    public ConsentInputValidator(IStringLocalizer<SharedResource> l)
    {
        RuleFor(x => x.Evidence).NotEmpty().WithMessage(_ => l["Audience.PaperEvidenceRequired"])
            .MaximumLength(ConsentRecord.EvidenceMax).WithMessage(_ => l["Validation.TooLong", ConsentRecord.EvidenceMax]);
        RuleFor(x => x.At).Must(at => at is null || at <= DateTimeOffset.UtcNow.AddMinutes(5)).WithMessage(_ => l["Audience.ConsentInFuture"]);
    }
}

public sealed class ContactInputValidator : AbstractValidator<ContactInput>
{
    public ContactInputValidator(IStringLocalizer<SharedResource> l)
    {
        RuleFor(x => x.Name).NotEmpty().WithMessage(_ => l["Validation.Required"]).MaximumLength(Contact.NameMax).WithMessage(_ => l["Validation.TooLong", Contact.NameMax]);
        RuleFor(x => x.Email).Must(e => Contact.NormalizeEmail(e) is not null).WithMessage(_ => l["Validation.Email"]);
        RuleFor(x => x.Phone).MaximumLength(Contact.PhoneMax).WithMessage(_ => l["Validation.TooLong", Contact.PhoneMax])
            .Matches("^[0-9 +.()-]*$").WithMessage(_ => l["Validation.Phone"]);
        RuleFor(x => x.PostalCode).MaximumLength(Contact.PostalCodeMax).WithMessage(_ => l["Validation.TooLong", Contact.PostalCodeMax]);
        RuleForEach(x => x.Consents).SetValidator(new ConsentInputValidator(l));
    }
}

/// <summary>
/// The audience database for the cooperative's own tools: contacts, their consents and the ledger, exports. Admins
/// only, like the pages; reading a contact or exporting is written to the access log. Errors are RFC 7807 problems.
/// </summary>
[Route("c/{tenant}/api/audience")]
[Authorize(Policy = Policies.ApiAdmin)]
public sealed class AudienceApiController(CoopDbContext db, AudienceQueries queries, ConsentBook consents, MemberMatch members, ContactExport export, Erasure erasure, AuditLog audit,
    TimeProvider clock) : ApiControllerBase
{
    public const int MaxLimit = 500;

    [HttpGet("purposes")]
    [ProducesResponseType(typeof(IReadOnlyList<PurposeDto>), StatusCodes.Status200OK)]
    public async Task<IReadOnlyList<PurposeDto>> Purposes(CancellationToken ct) =>
        (await queries.PurposesAsync(ct)).Select(p => new PurposeDto(p.Id, p.Name, p.CurrentVersion, p.Archived)).ToList();

    /// <summary>Contacts by e-mail order, <paramref name="limit"/> at a time; pass the last e-mail as <paramref name="after"/> for the next page.</summary>
    [HttpGet("contacts")]
    [ProducesResponseType(typeof(IReadOnlyList<ContactDto>), StatusCodes.Status200OK)]
    public async Task<IReadOnlyList<ContactDto>> Contacts(string? q, string? tag, Guid? purposeId, string? postal, string? after, int limit = 100, CancellationToken ct = default)
    {
        var query = queries.Filter(new ContactFilter(q, tag, purposeId, postal));
        // Translated to SQL "email_normalized > @cursor"; the ordinal overload is not translatable.
#pragma warning disable CA1309
        if (Contact.NormalizeEmail(after) is { } cursor) query = query.Where(c => string.Compare(c.EmailNormalized, cursor) > 0);
#pragma warning restore CA1309
        var page = await query.OrderBy(c => c.EmailNormalized).Take(Math.Clamp(limit, 1, MaxLimit)).ToListAsync(ct);
        var lines = await queries.ConsentsAsync(page.Select(c => c.Id).ToList(), ct);
        audit.Record("personal.exported", null, "api:contacts");
        await db.SaveChangesAsync(ct);
        return page.Select(c => ContactDto.From(c, lines.GetValueOrDefault(c.Id))).ToList();
    }

    [HttpGet("contacts/{id:guid}")]
    [ProducesResponseType(typeof(ContactDetailDto), StatusCodes.Status200OK)]
    [ProducesResponseType(typeof(ProblemDetails), StatusCodes.Status404NotFound)]
    public async Task<IActionResult> ContactById(Guid id, CancellationToken ct)
    {
        var contact = await db.Contacts.AsNoTracking().FirstOrDefaultAsync(c => c.Id == id, ct);
        if (contact is null) return ApiProblems.Problem(HttpContext, 404, "Error.NotFound.Title");
        audit.Record("personal.viewed", contact.Id, Erasure.ContactPseudonym(contact.Id));
        await db.SaveChangesAsync(ct);
        return Ok(await DetailAsync(contact, ct));
    }

    [HttpPost("contacts")]
    [ProducesResponseType(typeof(ContactDetailDto), StatusCodes.Status201Created)]
    [ProducesResponseType(typeof(ValidationProblemDetails), StatusCodes.Status400BadRequest)]
    [ProducesResponseType(typeof(ProblemDetails), StatusCodes.Status409Conflict)]
    [ProducesResponseType(typeof(ProblemDetails), StatusCodes.Status422UnprocessableEntity)]
    public async Task<IActionResult> Create(ContactInput input, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(input);
        var normalized = Contact.NormalizeEmail(input.Email);
        if (await db.Contacts.AnyAsync(c => c.EmailNormalized == normalized, ct)) return ApiProblems.Problem(HttpContext, 409, "Problem.Conflict", "Audience.EmailTaken");
        var now = clock.GetUtcNow();
        var contact = new Contact(input.Name!, input.Email!, input.Phone, input.PostalCode, input.Tags ?? [], "API", now);
        db.Contacts.Add(contact);
        await members.LinkAsync(contact, ct);
        if (await GiveAsync(contact, input.Consents ?? [], ct) is { } refused) return refused;
        audit.Record("personal.created", contact.Id, Erasure.ContactPseudonym(contact.Id));
        try { await db.SaveChangesAsync(ct); }
        catch (DbUpdateException) { return ApiProblems.Problem(HttpContext, 409, "Problem.Conflict", "Audience.EmailTaken"); }
        return Created($"/c/{RouteData.Values["tenant"]}/api/audience/contacts/{contact.Id}", await DetailAsync(contact, ct));
    }

    /// <summary>Rectification: the fields sent replace the contact's. Consents sent are added (they are never removed this way).</summary>
    [HttpPut("contacts/{id:guid}")]
    [ProducesResponseType(typeof(ContactDetailDto), StatusCodes.Status200OK)]
    [ProducesResponseType(typeof(ValidationProblemDetails), StatusCodes.Status400BadRequest)]
    [ProducesResponseType(typeof(ProblemDetails), StatusCodes.Status404NotFound)]
    [ProducesResponseType(typeof(ProblemDetails), StatusCodes.Status409Conflict)]
    public async Task<IActionResult> Update(Guid id, ContactInput input, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(input);
        var contact = await db.Contacts.FirstOrDefaultAsync(c => c.Id == id, ct);
        if (contact is null) return ApiProblems.Problem(HttpContext, 404, "Error.NotFound.Title");
        var normalized = Contact.NormalizeEmail(input.Email);
        if (await db.Contacts.AnyAsync(c => c.EmailNormalized == normalized && c.Id != id, ct)) return ApiProblems.Problem(HttpContext, 409, "Problem.Conflict", "Audience.EmailTaken");
        contact.Rectify(input.Name!, input.Phone, input.PostalCode);
        contact.ChangeEmail(input.Email!);
        if (input.Tags is not null) contact.Retag(input.Tags);
        if (await GiveAsync(contact, input.Consents ?? [], ct) is { } refused) return refused;
        audit.Record("personal.rectified", contact.Id, Erasure.ContactPseudonym(contact.Id));
        await db.SaveChangesAsync(ct);
        return Ok(await DetailAsync(contact, ct));
    }

    [HttpDelete("contacts/{id:guid}")]
    [ProducesResponseType(StatusCodes.Status204NoContent)]
    [ProducesResponseType(typeof(ProblemDetails), StatusCodes.Status404NotFound)]
    public async Task<IActionResult> Erase(Guid id, CancellationToken ct)
    {
        var contact = await db.Contacts.FirstOrDefaultAsync(c => c.Id == id, ct);
        if (contact is null) return ApiProblems.Problem(HttpContext, 404, "Error.NotFound.Title");
        await erasure.EraseContactAsync(contact, "api", ct);
        return NoContent();
    }

    [HttpPost("contacts/{id:guid}/consents")]
    [ProducesResponseType(typeof(ContactDetailDto), StatusCodes.Status200OK)]
    [ProducesResponseType(typeof(ValidationProblemDetails), StatusCodes.Status400BadRequest)]
    [ProducesResponseType(typeof(ProblemDetails), StatusCodes.Status404NotFound)]
    [ProducesResponseType(typeof(ProblemDetails), StatusCodes.Status422UnprocessableEntity)]
    public async Task<IActionResult> Give(Guid id, ConsentInput input, CancellationToken ct)
    {
        var contact = await db.Contacts.FirstOrDefaultAsync(c => c.Id == id, ct);
        if (contact is null) return ApiProblems.Problem(HttpContext, 404, "Error.NotFound.Title");
        if (await GiveAsync(contact, [input], ct) is { } refused) return refused;
        await db.SaveChangesAsync(ct);
        return Ok(await DetailAsync(contact, ct));
    }

    [HttpDelete("contacts/{id:guid}/consents/{purposeId:guid}")]
    [ProducesResponseType(StatusCodes.Status204NoContent)]
    [ProducesResponseType(typeof(ProblemDetails), StatusCodes.Status404NotFound)]
    public async Task<IActionResult> Withdraw(Guid id, Guid purposeId, CancellationToken ct)
    {
        var contact = await db.Contacts.FirstOrDefaultAsync(c => c.Id == id, ct);
        if (contact is null) return ApiProblems.Problem(HttpContext, 404, "Error.NotFound.Title");
        await consents.WithdrawAsync(contact, purposeId, ConsentChannel.Api, "api", ct);
        await db.SaveChangesAsync(ct);
        return NoContent();
    }

    /// <summary>The whole audience database (or a filtered part) as CSV or JSON, like the page's export.</summary>
    [HttpGet("export")]
    [Produces("application/json", "text/csv")]
    [ProducesResponseType(StatusCodes.Status200OK)]
    public async Task<IActionResult> Export(string format = "json", string? tag = null, Guid? purposeId = null, string? postal = null, CancellationToken ct = default)
    {
        var filter = new ContactFilter(null, tag, purposeId, postal);
        var csv = string.Equals(format, "csv", StringComparison.OrdinalIgnoreCase);
        var bytes = csv ? await export.CsvAsync(filter, ct) : await export.JsonAsync(filter, ct);
        audit.Record("personal.exported", null, csv ? "api:contacts.csv" : "api:contacts.json");
        await db.SaveChangesAsync(ct);
        return File(bytes, csv ? "text/csv; charset=utf-8" : "application/json", csv ? "contacts.csv" : "contacts.json");
    }

    private async Task<ObjectResult?> GiveAsync(Contact contact, IReadOnlyList<ConsentInput> inputs, CancellationToken ct)
    {
        foreach (var input in inputs)
        {
            var purpose = await db.Purposes.FirstOrDefaultAsync(p => p.Id == input.PurposeId, ct);
            if (purpose is null) return ApiProblems.Problem(HttpContext, 422, "Problem.Unprocessable", "Audience.PurposeUnknown");
            try { await consents.GiveAsync(contact, purpose, ConsentChannel.Api, input.Evidence!, input.At, ct); }
            catch (AudienceException ex) { return ApiProblems.Problem(HttpContext, 422, "Problem.Unprocessable", ex.Message); }
        }
        if (inputs.Count > 0) contact.Touch(clock.GetUtcNow());
        return null;
    }

    private async Task<ContactDetailDto> DetailAsync(Contact contact, CancellationToken ct)
    {
        var lines = await queries.ConsentsAsync([contact.Id], ct);
        var ledger = await queries.LedgerAsync(contact.Id, ct);
        return new ContactDetailDto(ContactDto.From(contact, lines.GetValueOrDefault(contact.Id)),
            ledger.Select(r => new LedgerLineDto(r.PurposeId, r.Version, r.Channel.ToString(), r.Given, r.Evidence, r.At, r.RecordedAt)).ToList());
    }
}
