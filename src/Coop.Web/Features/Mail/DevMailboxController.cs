using System.Text.RegularExpressions;
using Coop.Data;
using Coop.Data.Tenancy;
using Coop.Web.Features.Tenancy;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace Coop.Web.Features.Mail;

/// <summary>
/// Development only: the latest outgoing mails with their links, so a newcomer without an SMTP server can click
/// the confirmation link. Everywhere else it does not exist (404).
/// </summary>
[Tenantless]
[AllowAnonymous]
[Route("dev/mail")]
public sealed partial class DevMailboxController(CoopDbContext db, IWebHostEnvironment environment) : Controller
{
    [HttpGet("")]
    public async Task<IActionResult> Index(CancellationToken ct)
    {
        if (!environment.IsDevelopment()) return NotFound();
        var messages = await db.OutboxMessages.IgnoreQueryFilters([ModelScope.TenantFilter]).AsNoTracking()
            .OrderByDescending(m => m.CreatedAt).Take(50)
            .Select(m => new { m.To, m.Subject, m.TextBody, m.CreatedAt, m.SentAt })
            .ToListAsync(ct);
        var model = messages.Select(m => new DevMail(m.To, m.Subject, m.TextBody, m.CreatedAt, m.SentAt,
            Links().Matches(m.TextBody).Select(x => x.Value).ToList())).ToList();
        return View(model);
    }

    [GeneratedRegex(@"https?://\S+")]
    private static partial Regex Links();
}

public sealed record DevMail(string To, string Subject, string Text, DateTimeOffset CreatedAt, DateTimeOffset? SentAt, IReadOnlyList<string> Links);
