using Coop.Data;
using Coop.Data.Tenancy;
using Coop.Web.Features.Membership;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace Coop.Web.Features.Audience;

public sealed record PageTotal(string Page, long Views);

public sealed record DayTotal(DateOnly Day, long Views);

public sealed record AnalyticsModel(string Slug, int Days, long Total, IReadOnlyList<PageTotal> Pages, IReadOnlyList<DayTotal> ByDay);

/// <summary>The admins' view of the cookieless counts: views per page and per day over the last 30 days.</summary>
[Route("c/{tenant}/analytics")]
[Authorize(Policy = Policies.Admin)]
public sealed class AnalyticsController(CoopDbContext db, TenantContext tenantContext, TimeProvider clock) : Controller
{
    public const int Days = 30;

    [HttpGet("")]
    public async Task<IActionResult> Index(CancellationToken ct)
    {
        var since = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime).AddDays(-(Days - 1));
        var rows = await db.PageViewCounts.AsNoTracking().Where(p => p.Day >= since).Select(p => new { p.Day, p.Page, p.Views }).ToListAsync(ct);
        var pages = rows.GroupBy(r => r.Page).Select(g => new PageTotal(Readable(g.Key), g.Sum(r => r.Views))).OrderByDescending(p => p.Views).ThenBy(p => p.Page, StringComparer.Ordinal).ToList();
        var days = Enumerable.Range(0, Days).Select(i => since.AddDays(i)).Select(d => new DayTotal(d, rows.Where(r => r.Day == d).Sum(r => r.Views))).ToList();
        return View("Analytics", new AnalyticsModel(tenantContext.Current!.Slug, Days, rows.Sum(r => r.Views), pages, days));
    }

    /// <summary>"c/{tenant}/spaces/{id:guid}" reads as "/spaces/{id}".</summary>
    private static string Readable(string route)
    {
        var path = route.StartsWith("c/{tenant}", StringComparison.Ordinal) ? route["c/{tenant}".Length..] : "/" + route;
        path = System.Text.RegularExpressions.Regex.Replace(path, @"\{(\w+)(:[^}]*)?\}", "{$1}");
        return path.Length == 0 ? "/" : path;
    }
}
