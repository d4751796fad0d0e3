using Coop.Data;
using Coop.Data.Tenancy;
using Coop.Domain.Charter;
using Coop.Web.Features.Membership;
using Microsoft.AspNetCore.Authorization;
using Coop.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace Coop.Web.Features.Charter;

/// <summary>The public charter, its history and differences, and the members' acceptance of the current version.</summary>
[Route("c/{tenant}/charter")]
public sealed class CharterController(CoopDbContext db, CharterQueries charter, CurrentMember currentMember, TenantContext tenantContext, TimeProvider clock) : Controller
{
    [HttpGet("")]
    [AllowAnonymous]
    public async Task<IActionResult> Index(CancellationToken ct) => View("Version", await charter.CurrentAsync(ct));

    [HttpGet("v/{number:int}")]
    [AllowAnonymous]
    public async Task<IActionResult> Version(int number, CancellationToken ct)
    {
        var version = await db.CharterVersions.AsNoTracking().FirstOrDefaultAsync(v => v.Number == number, ct);
        return version is null ? NotFound() : View(version);
    }

    [HttpGet("history")]
    [AllowAnonymous]
    public async Task<IActionResult> History(CancellationToken ct) =>
        View(await db.CharterVersions.AsNoTracking().Where(v => v.Number != null).OrderByDescending(v => v.Number).ToListAsync(ct));

    [HttpGet("diff/{number:int}")]
    [AllowAnonymous]
    public async Task<IActionResult> Diff(int number, CancellationToken ct)
    {
        var versions = await db.CharterVersions.AsNoTracking().Where(v => v.Number == number || v.Number == number - 1).ToListAsync(ct);
        var after = versions.FirstOrDefault(v => v.Number == number);
        if (after is null) return NotFound();
        var before = versions.FirstOrDefault(v => v.Number == number - 1);
        return View(new CharterDiffModel(after, LineDiff.Compare(before?.Markdown ?? string.Empty, after.Markdown)));
    }

    [HttpGet("accept")]
    [Authorize(Policy = Policies.Member)]
    public async Task<IActionResult> Accept(string? returnUrl, CancellationToken ct)
    {
        var current = await charter.CurrentAsync(ct);
        if (current is null) return LocalRedirect(Url.LocalOr(returnUrl, $"/c/{tenantContext.Current!.Slug}"));
        var member = (await currentMember.GetAsync(ct))!;
        var previous = await db.CharterAcceptances.AsNoTracking().Where(a => a.MemberId == member.Id).OrderByDescending(a => a.VersionNumber)
            .Select(a => (int?)a.VersionNumber).FirstOrDefaultAsync(ct);
        return View(new CharterAcceptModel(current, previous, returnUrl));
    }

    [HttpPost("accept")]
    [Authorize(Policy = Policies.Member)]
    public async Task<IActionResult> Accept(Guid versionId, string? returnUrl, CancellationToken ct)
    {
        var current = await charter.CurrentAsync(ct);
        var member = (await currentMember.GetAsync(ct))!;
        if (current is null || current.Id != versionId)
        {
            // A newer version was published while the member was reading: show it.
            TempData["Flash"] = "Charter.NewerVersion";
            return Redirect($"/c/{tenantContext.Current!.Slug}/charter/accept?returnUrl={Uri.EscapeDataString(returnUrl ?? "")}");
        }
        if (!await db.CharterAcceptances.AnyAsync(a => a.MemberId == member.Id && a.CharterVersionId == current.Id, ct))
        {
            db.CharterAcceptances.Add(new CharterAcceptance(member.Id, current.Id, current.Number!.Value, clock.GetUtcNow()));
            try { await db.SaveChangesAsync(ct); }
            catch (DbUpdateException) { /* accepted in another tab at the same moment: the unique index kept one */ }
        }
        TempData["Flash"] = "Charter.Accepted";
        return LocalRedirect(Url.LocalOr(returnUrl, $"/c/{tenantContext.Current!.Slug}"));
    }

}

public sealed record CharterDiffModel(CharterVersion Version, IReadOnlyList<DiffLine> Lines);

public sealed record CharterAcceptModel(CharterVersion Current, int? PreviouslyAccepted, string? ReturnUrl);
