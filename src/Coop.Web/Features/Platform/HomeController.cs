using Coop.Data;
using Coop.Domain.Tenancy;
using Coop.Web.Features.Tenancy;
using Coop.Web.Infrastructure;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace Coop.Web.Features.Platform;

/// <summary>The platform's front page: the open cooperatives, grouped by country, region and locality.</summary>
[Tenantless]
[AllowAnonymous]
public sealed class HomeController(CoopDbContext db) : Controller
{
    [HttpGet("/")]
    public async Task<IActionResult> Index(string? q, CancellationToken ct)
    {
        var all = await db.Tenants.AsNoTracking()
            .Where(t => t.State == TenantState.Active)
            .OrderBy(t => t.Territory.CountryCode).ThenBy(t => t.Territory.Region).ThenBy(t => t.Territory.Locality).ThenBy(t => t.Name)
            .Select(t => new DirectoryEntry(t.Slug, t.Name, t.Description, t.LegalForm, t.Territory.CountryCode, t.Territory.Region, t.Territory.Locality))
            .ToListAsync(ct);
        var tenants = string.IsNullOrWhiteSpace(q) ? all : all.Where(t => TextSearch.Matches(q.Trim(), t.Name, t.Description, t.Region, t.Locality)).ToList();
        ViewData["Query"] = q;
        return View(tenants);
    }
}

public sealed record DirectoryEntry(string Slug, string Name, string? Description, LegalForm LegalForm, string CountryCode, string Region, string Locality);
