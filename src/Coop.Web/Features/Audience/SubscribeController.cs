using System.Globalization;
using Coop.Data;
using Coop.Data.Tenancy;
using Coop.Domain.Audience;
using Coop.Web.Features.Accounts;
using Coop.Web.Features.Audit;
using Coop.Web.Features.Mail;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Coop.Web.Features.Audience;

public sealed record OpenPurpose(Purpose Purpose, string Text);

public sealed record SubscribeModel(string Slug, string CooperativeName, IReadOnlyList<OpenPurpose> Purposes, SubscribeForm Form, bool Embedded);

public sealed record ConfirmModel(string Slug, string Token, IReadOnlyList<string> Purposes, bool Done, bool AlreadyDone, string? PreferencesUrl);

public sealed record LinkProblemModel(string Slug, LinkState State);

public sealed record PreferencesModel(string Slug, string Token, Contact Contact, IReadOnlyList<OpenPurpose> Purposes, IReadOnlySet<Guid> Consenting, PreferencesForm Form);

public sealed record UnsubscribedModel(string Slug, string Purpose, bool AlreadyDone, string PreferencesUrl);

/// <summary>
/// The public side of the audience database, for people without an account: subscribing (double opt-in: nothing is
/// stored until the e-mailed link is followed), the preference page behind a signed link (details, one box per
/// purpose, one's data as JSON, erasure), and the one-click unsubscribe of every message.
/// </summary>
[Route("c/{tenant}")]
[AllowAnonymous]
public sealed class SubscribeController(CoopDbContext db, TenantContext tenantContext, AudienceTokens tokens, ConsentBook consents, MemberMatch members, ContactExport export,
    Erasure erasure, Mailer mailer, AccountLinks links, AuditLog audit, TimeProvider clock, IStringLocalizer<SharedResource> l) : Controller
{
    public static readonly MailTemplate ConfirmMail = new("Mail.SubscribeConfirm.Subject", "Mail.SubscribeConfirm.Body", "Mail.SubscribeConfirm.Action");
    private TenantInfo Tenant => tenantContext.Current!;

    [HttpGet("subscribe")]
    public async Task<IActionResult> Form(CancellationToken ct) => View("Subscribe", await ModelAsync(new SubscribeForm(), embedded: false, ct));

    /// <summary>The same form for a partner's site, in an iframe: the only page Coop lets another site frame.</summary>
    [HttpGet("subscribe/embed")]
    public async Task<IActionResult> Embed(CancellationToken ct)
    {
        Infrastructure.SecurityHeaders.AllowFraming(HttpContext);
        return View("Subscribe", await ModelAsync(new SubscribeForm(), embedded: true, ct));
    }

    /// <summary>
    /// No antiforgery check: the form is public, may sit in a partner's iframe (where the antiforgery cookie is not
    /// sent), and its only effect is a confirmation mail to the address typed. A hidden field and the rate limit stop robots.
    /// </summary>
    [HttpPost("subscribe")]
    [IgnoreAntiforgeryToken]
    [EnableRateLimiting(Accounts.DependencyInjection.AccountRateLimit)]
    public async Task<IActionResult> Subscribe(SubscribeForm form, bool embedded, CancellationToken ct)
    {
        if (embedded) Infrastructure.SecurityHeaders.AllowFraming(HttpContext);
        var open = await OpenPurposesAsync(ct);
        if (form.Purposes.Any(id => open.All(p => p.Purpose.Id != id))) ModelState.AddModelError(nameof(form.Purposes), l["Subscribe.ChooseOne"]);
        if (!ModelState.IsValid)
        {
            Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
            return View("Subscribe", new SubscribeModel(Tenant.Slug, Tenant.Name, open, form, embedded));
        }
        if (string.IsNullOrEmpty(form.Website))
        {
            var chosen = open.Where(p => form.Purposes.Contains(p.Purpose.Id)).Select(p => new PurposeVersion(p.Purpose.Id, p.Purpose.CurrentVersion)).ToList();
            var email = form.Email!.Trim();
            var name = string.IsNullOrWhiteSpace(form.Name) ? email[..email.IndexOf('@', StringComparison.Ordinal)] : form.Name.Trim();
            var token = tokens.Confirmation(Tenant.Id, new SubscriptionRequest(email, name, Contact.NormalizePostalCode(form.PostalCode), chosen, clock.GetUtcNow()));
            mailer.Enqueue(email, Tenant.Locale, ConfirmMail, name, links.To($"/c/{Tenant.Slug}/subscribe/confirm?token={token}"), Tenant.Name,
                string.Join(", ", open.Where(p => form.Purposes.Contains(p.Purpose.Id)).Select(p => p.Purpose.Name)));
            await db.SaveChangesAsync(ct);
        }
        return View("SubscribeSent", new SubscribeModel(Tenant.Slug, Tenant.Name, open, form, embedded));
    }

    [HttpGet("subscribe/confirm")]
    public async Task<IActionResult> Confirmation(string? token, CancellationToken ct)
    {
        if (tokens.ReadConfirmation(token, Tenant.Id, out var request) is var state and not LinkState.Valid) return LinkProblem(state);
        var names = await db.Purposes.AsNoTracking().Where(p => request!.Purposes.Select(x => x.PurposeId).Contains(p.Id)).Select(p => p.Name).ToListAsync(ct);
        return View("SubscribeConfirm", new ConfirmModel(Tenant.Slug, token!, names, Done: false, AlreadyDone: false, null));
    }

    [HttpPost("subscribe/confirm")]
    public async Task<IActionResult> Confirm(string? token, CancellationToken ct)
    {
        if (tokens.ReadConfirmation(token, Tenant.Id, out var request) is var state and not LinkState.Valid) return LinkProblem(state);
        for (var attempt = 0; ; attempt++)
        {
            try
            {
                var (contact, names, changed) = await ConfirmAsync(request!, ct);
                return View("SubscribeConfirm", new ConfirmModel(Tenant.Slug, token!, names, Done: true, AlreadyDone: !changed, PreferencesUrl(contact.Id)));
            }
            catch (DbUpdateException) when (attempt == 0)
            {
                // The same link followed twice at once: the second sees the first's contact and consents.
                db.ChangeTracker.Clear();
            }
        }
    }

    private async Task<(Contact, List<string>, bool)> ConfirmAsync(SubscriptionRequest request, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var normalized = Contact.NormalizeEmail(request.Email)!;
        var contact = await db.Contacts.FirstOrDefaultAsync(c => c.EmailNormalized == normalized, ct);
        if (contact is null)
        {
            contact = new Contact(request.Name, request.Email, null, request.PostalCode, [], l["Audience.SourceForm"], now);
            db.Contacts.Add(contact);
            await members.LinkAsync(contact, ct);
        }
        else if (request.PostalCode is not null && contact.PostalCode is null) contact.Rectify(contact.Name, contact.Phone, request.PostalCode);
        contact.Touch(now);
        var ids = request.Purposes.Select(p => p.PurposeId).ToList();
        var purposes = await db.Purposes.Where(p => ids.Contains(p.Id) && !p.Archived).ToListAsync(ct);
        var evidence = string.Format(CultureInfo.InvariantCulture, "double opt-in: {0:u} -> {1:u}", request.RequestedAt, now);
        var changed = false;
        foreach (var purpose in purposes)
            changed |= await consents.GiveAsync(contact, purpose, ConsentChannel.Form, evidence, now, ct, request.Purposes.First(p => p.PurposeId == purpose.Id).Version);
        await db.SaveChangesAsync(ct);
        return (contact, purposes.Select(p => p.Name).ToList(), changed);
    }

    [HttpGet("preferences")]
    public async Task<IActionResult> Preferences(string? token, CancellationToken ct)
    {
        if (tokens.ReadPreferences(token, Tenant.Id, out var contactId) is var state and not LinkState.Valid) return LinkProblem(state);
        var contact = await db.Contacts.AsNoTracking().FirstOrDefaultAsync(c => c.Id == contactId, ct);
        if (contact is null) return LinkProblem(LinkState.Invalid);
        return View("Preferences", await PreferencesModelAsync(token!, contact,
            new PreferencesForm { Token = token, Name = contact.Name, Phone = contact.Phone, PostalCode = contact.PostalCode }, ct));
    }

    [HttpPost("preferences")]
    public async Task<IActionResult> SavePreferences(PreferencesForm form, CancellationToken ct)
    {
        if (tokens.ReadPreferences(form.Token, Tenant.Id, out var contactId) is var state and not LinkState.Valid) return LinkProblem(state);
        var contact = await db.Contacts.FirstOrDefaultAsync(c => c.Id == contactId, ct);
        if (contact is null) return LinkProblem(LinkState.Invalid);
        if (!ModelState.IsValid)
        {
            Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
            return View("Preferences", await PreferencesModelAsync(form.Token!, contact, form, ct));
        }
        contact.Rectify(form.Name!, form.Phone, form.PostalCode);
        contact.Touch(clock.GetUtcNow());
        var consenting = await db.ContactConsents.Where(c => c.ContactId == contact.Id).Select(c => c.PurposeId).ToListAsync(ct);
        foreach (var open in await OpenPurposesAsync(ct))
        {
            var wanted = form.Purposes.Contains(open.Purpose.Id);
            if (wanted && !consenting.Contains(open.Purpose.Id))
                await consents.GiveAsync(contact, open.Purpose, ConsentChannel.Preferences, "preferences", null, ct);
            else if (!wanted && consenting.Contains(open.Purpose.Id))
                await consents.WithdrawAsync(contact, open.Purpose.Id, ConsentChannel.Preferences, "preferences", ct);
        }
        audit.Record("personal.selfservice", contact.Id, Erasure.ContactPseudonym(contact.Id), actorName: Erasure.ContactPseudonym(contact.Id));
        await db.SaveChangesAsync(ct);
        TempData["Flash"] = "Preferences.Saved";
        return Redirect($"/c/{Tenant.Slug}/preferences?token={Uri.EscapeDataString(form.Token!)}");
    }

    /// <summary>The right of access, served at once: the contact's data and consent ledger as JSON.</summary>
    [HttpGet("preferences/data.json")]
    public async Task<IActionResult> Data(string? token, CancellationToken ct)
    {
        if (tokens.ReadPreferences(token, Tenant.Id, out var contactId) is var state and not LinkState.Valid) return LinkProblem(state);
        var contact = await db.Contacts.AsNoTracking().FirstOrDefaultAsync(c => c.Id == contactId, ct);
        if (contact is null) return LinkProblem(LinkState.Invalid);
        var document = await export.OfContactAsync(contact, ct);
        db.PrivacyRequests.Add(PrivacyRequest.ServedAtOnce(PrivacyRequestKind.Access, PrivacySubject.Contact, contact.Id, Erasure.ContactPseudonym(contact.Id),
            contact.Email, l["Privacy.ServedAtOnce"], clock.GetUtcNow()));
        await db.SaveChangesAsync(ct);
        return File(System.Text.Json.JsonSerializer.SerializeToUtf8Bytes(document, PersonalData.Json), "application/json", "mes-donnees.json");
    }

    [HttpPost("preferences/erase")]
    public async Task<IActionResult> Erase(string? token, bool confirm, CancellationToken ct)
    {
        if (tokens.ReadPreferences(token, Tenant.Id, out var contactId) is var state and not LinkState.Valid) return LinkProblem(state);
        var contact = await db.Contacts.FirstOrDefaultAsync(c => c.Id == contactId, ct);
        if (contact is null) return LinkProblem(LinkState.Invalid);
        if (!confirm)
        {
            TempData["Flash"] = "Preferences.EraseConfirmFirst";
            return Redirect($"/c/{Tenant.Slug}/preferences?token={Uri.EscapeDataString(token!)}");
        }
        await erasure.EraseContactAsync(contact, "self-service", ct);
        db.PrivacyRequests.Add(PrivacyRequest.ServedAtOnce(PrivacyRequestKind.Erasure, PrivacySubject.Contact, contact.Id, Erasure.ContactPseudonym(contact.Id),
            "", l["Privacy.ServedAtOnce"], clock.GetUtcNow()));
        await db.SaveChangesAsync(ct);
        return View("Erased", Tenant.Slug);
    }

    /// <summary>The link in every campaign mail. Following it is enough (no second click); a mail client may also POST it (RFC 8058).</summary>
    [HttpGet("unsubscribe")]
    public Task<IActionResult> Unsubscribe(string? token, CancellationToken ct) => UnsubscribeAsync(token, ct);

    [HttpPost("unsubscribe")]
    [IgnoreAntiforgeryToken]
    public Task<IActionResult> UnsubscribeOneClick(string? token, CancellationToken ct) => UnsubscribeAsync(token, ct);

    private async Task<IActionResult> UnsubscribeAsync(string? token, CancellationToken ct)
    {
        if (tokens.ReadUnsubscribe(token, Tenant.Id, out var contactId, out var purposeId) is var state and not LinkState.Valid) return LinkProblem(state);
        var purpose = await db.Purposes.AsNoTracking().FirstOrDefaultAsync(p => p.Id == purposeId, ct);
        var contact = await db.Contacts.FirstOrDefaultAsync(c => c.Id == contactId, ct);
        if (contact is null || purpose is null) return View("Unsubscribed", new UnsubscribedModel(Tenant.Slug, purpose?.Name ?? "", AlreadyDone: true, ""));
        bool changed;
        try
        {
            changed = await consents.WithdrawAsync(contact, purposeId, ConsentChannel.Unsubscribe, "unsubscribe link", ct);
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException) { changed = false; } // the same link twice at once: the other request withdrew it
        return View("Unsubscribed", new UnsubscribedModel(Tenant.Slug, purpose.Name, !changed, PreferencesUrl(contact.Id)));
    }

    private ViewResult LinkProblem(LinkState state)
    {
        Response.StatusCode = state == LinkState.Expired ? StatusCodes.Status410Gone : StatusCodes.Status400BadRequest;
        return View("LinkProblem", new LinkProblemModel(Tenant.Slug, state));
    }

    private string PreferencesUrl(Guid contactId) => $"/c/{Tenant.Slug}/preferences?token={Uri.EscapeDataString(tokens.Preferences(Tenant.Id, contactId))}";

    private async Task<List<OpenPurpose>> OpenPurposesAsync(CancellationToken ct)
    {
        var purposes = await db.Purposes.AsNoTracking().Where(p => !p.Archived && p.CurrentVersion > 0).OrderBy(p => p.Name).ToListAsync(ct);
        var ids = purposes.Select(p => p.Id).ToList();
        var texts = await db.PurposeTexts.AsNoTracking().Where(t => ids.Contains(t.PurposeId)).ToListAsync(ct);
        return purposes.Select(p => new OpenPurpose(p, texts.First(t => t.PurposeId == p.Id && t.Version == p.CurrentVersion).Text)).ToList();
    }

    private async Task<SubscribeModel> ModelAsync(SubscribeForm form, bool embedded, CancellationToken ct) =>
        new(Tenant.Slug, Tenant.Name, await OpenPurposesAsync(ct), form, embedded);

    private async Task<PreferencesModel> PreferencesModelAsync(string token, Contact contact, PreferencesForm form, CancellationToken ct)
    {
        var consenting = (await db.ContactConsents.AsNoTracking().Where(c => c.ContactId == contact.Id).Select(c => c.PurposeId).ToListAsync(ct)).ToHashSet();
        return new PreferencesModel(Tenant.Slug, token, contact, await OpenPurposesAsync(ct), consenting, form);
    }
}
