using Coop.Data;
using Coop.Data.Tenancy;
using Coop.Domain.Audience;
using Coop.Web.Features.Accounts;
using Coop.Web.Features.Audience;
using Coop.Web.Features.Mail;
using Coop.Web.Features.Membership;
using Coop.Web.Features.Tenancy;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Coop.Web.Features.Privacy;

public sealed record PrivacyPageModel(string Slug, string Cooperative, string? OfficerName, string? OfficerEmail, IReadOnlyList<ProcessingActivity> Register,
    EmailForm LinkForm, PrivacyRequestForm RequestForm, string? Sent);

public sealed record MyDataModel(string Slug, Domain.Membership.Member? Member, IReadOnlyList<PrivacyRequest> Requests, PrivacyRequestForm Form);

/// <summary>
/// What everyone may read and ask about their data: the privacy page (who answers, what is processed and why), a
/// link to one's preferences by e-mail, a request form; and for members, their data as JSON and their requests.
/// </summary>
[Route("c/{tenant}/privacy")]
public sealed class PrivacyController(CoopDbContext db, TenantContext tenantContext, CurrentCooperative cooperative, ProcessingRegister register, PersonalData personalData, AudienceTokens tokens,
    CurrentMember currentMember, Mailer mailer, AccountLinks links, Audit.AuditLog audit, TimeProvider clock, IStringLocalizer<SharedResource> l) : Controller
{
    public static readonly MailTemplate PreferencesLink = new("Mail.PreferencesLink.Subject", "Mail.PreferencesLink.Body", "Mail.PreferencesLink.Action");
    public static readonly MailTemplate RequestReceived = new("Mail.PrivacyRequest.Subject", "Mail.PrivacyRequest.Body", null);
    private TenantInfo Tenant => tenantContext.Current!;

    [HttpGet("")]
    [AllowAnonymous]
    public async Task<IActionResult> Index(CancellationToken ct) => View("Privacy", await PageAsync(new EmailForm(), new PrivacyRequestForm(), null, ct));

    /// <summary>Sends the preference link to a contact's address. The answer is the same whether the address is known or not.</summary>
    [HttpPost("link")]
    [AllowAnonymous]
    [EnableRateLimiting(Accounts.DependencyInjection.AccountRateLimit)]
    public async Task<IActionResult> Link(EmailForm form, CancellationToken ct)
    {
        if (!ModelState.IsValid) return await Invalid(form, new PrivacyRequestForm(), ct);
        var normalized = Contact.NormalizeEmail(form.Email);
        var contact = await db.Contacts.AsNoTracking().FirstOrDefaultAsync(c => c.EmailNormalized == normalized, ct);
        if (contact is not null)
        {
            mailer.Enqueue(contact.Email, Tenant.Locale, PreferencesLink, contact.Name,
                links.To($"/c/{Tenant.Slug}/preferences?token={Uri.EscapeDataString(tokens.Preferences(Tenant.Id, contact.Id))}"), Tenant.Name);
            await db.SaveChangesAsync(ct);
        }
        return View("Privacy", await PageAsync(new EmailForm(), new PrivacyRequestForm(), "Privacy.LinkSent", ct));
    }

    [HttpPost("requests")]
    [AllowAnonymous]
    [EnableRateLimiting(Accounts.DependencyInjection.AccountRateLimit)]
    public async Task<IActionResult> FileRequest(PrivacyRequestForm form, CancellationToken ct)
    {
        if (!ModelState.IsValid) return await Invalid(new EmailForm(), form, ct);
        var request = new PrivacyRequest(form.Kind, PrivacySubject.Unknown, null, string.IsNullOrWhiteSpace(form.Name) ? form.Email! : form.Name, form.Email!,
            form.Details ?? "", clock.GetUtcNow());
        db.PrivacyRequests.Add(request);
        Acknowledge(request);
        await db.SaveChangesAsync(ct);
        return View("Privacy", await PageAsync(new EmailForm(), new PrivacyRequestForm(), "Privacy.RequestReceived", ct));
    }

    /// <summary>A member's (or former member's) own page: their data now, and requests the admins answer.</summary>
    [HttpGet("me")]
    [Authorize(Policy = Policies.Visitor)]
    public async Task<IActionResult> Me(CancellationToken ct) => View("MyData", await MyDataAsync(new PrivacyRequestForm { Kind = PrivacyRequestKind.Erasure }, ct));

    [HttpGet("me/data.json")]
    [Authorize(Policy = Policies.Visitor)]
    public async Task<IActionResult> MyData(CancellationToken ct)
    {
        var member = await currentMember.GetAsync(ct);
        if (member is null) return NotFound();
        var bytes = await personalData.OfMemberAsync(member, ct);
        db.PrivacyRequests.Add(PrivacyRequest.ServedAtOnce(PrivacyRequestKind.Access, PrivacySubject.Member, member.Id, member.DisplayName, "",
            l["Privacy.ServedAtOnce"], clock.GetUtcNow()));
        await db.SaveChangesAsync(ct);
        return File(bytes, "application/json", $"mes-donnees-{Tenant.Slug}.json");
    }

    [HttpPost("me/requests")]
    [Authorize(Policy = Policies.Visitor)]
    public async Task<IActionResult> MyRequest(PrivacyRequestForm form, CancellationToken ct)
    {
        var member = await currentMember.GetAsync(ct);
        if (member is null) return NotFound();
        ModelState.Remove(nameof(form.Email));
        if (!ModelState.IsValid)
        {
            Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
            return View("MyData", await MyDataAsync(form, ct));
        }
        var email = User.FindFirst(System.Security.Claims.ClaimTypes.Email)?.Value
            ?? await db.Users.Where(u => u.Id == member.UserId).Select(u => u.Email).SingleAsync(ct) ?? "";
        var request = new PrivacyRequest(form.Kind, PrivacySubject.Member, member.Id, member.DisplayName, email, form.Details ?? "", clock.GetUtcNow());
        db.PrivacyRequests.Add(request);
        Acknowledge(request);
        audit.Record("privacy.requested", request.Id, l[$"PrivacyRequestKind.{form.Kind}"]);
        await db.SaveChangesAsync(ct);
        TempData["Flash"] = "Privacy.RequestReceived";
        return Redirect($"/c/{Tenant.Slug}/privacy/me");
    }

    private void Acknowledge(PrivacyRequest request)
    {
        if (request.Email.Length == 0) return;
        var due = request.DueAt.ToString("d", System.Globalization.CultureInfo.GetCultureInfo(Tenant.Locale));
        string kind;
        using (new CultureScope(Tenant.Locale)) kind = l[$"PrivacyRequestKind.{request.Kind}"];
        mailer.Enqueue(request.Email, Tenant.Locale, RequestReceived, request.SubjectLabel, null, Tenant.Name, kind, due);
    }

    private async Task<IActionResult> Invalid(EmailForm link, PrivacyRequestForm request, CancellationToken ct)
    {
        Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
        return View("Privacy", await PageAsync(link, request, null, ct));
    }

    private async Task<PrivacyPageModel> PageAsync(EmailForm link, PrivacyRequestForm request, string? sent, CancellationToken ct)
    {
        var officer = await cooperative.ReadAsync(t => new { t.PrivacyOfficerName, t.PrivacyOfficerEmail, t.ContactEmail }, ct);
        return new PrivacyPageModel(Tenant.Slug, Tenant.Name, officer.PrivacyOfficerName, officer.PrivacyOfficerEmail ?? officer.ContactEmail, await register.ReadAsync(ct), link, request, sent);
    }

    private async Task<MyDataModel> MyDataAsync(PrivacyRequestForm form, CancellationToken ct)
    {
        var member = await currentMember.GetAsync(ct);
        var requests = member is null ? [] : await db.PrivacyRequests.AsNoTracking().Where(r => r.SubjectId == member.Id).OrderByDescending(r => r.ReceivedAt).ToListAsync(ct);
        return new MyDataModel(Tenant.Slug, member, requests, form);
    }
}
