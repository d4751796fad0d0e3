using Coop.Data;
using Coop.Domain.Tenancy;
using Coop.Web.Features.Tenancy;
using Coop.Web.Infrastructure;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace Coop.Web.Features.Platform.Api;

/// <summary>The public directory of open cooperatives.</summary>
[Tenantless]
[Route("api/cooperatives")]
[AllowAnonymous]
public sealed class CooperativesApiController(CoopDbContext db) : ApiControllerBase
{
    [HttpGet("")]
    [ProducesResponseType(typeof(IEnumerable<CooperativeDto>), StatusCodes.Status200OK)]
    public async Task<IEnumerable<CooperativeDto>> List(CancellationToken ct) =>
        await db.Tenants.AsNoTracking().Where(t => t.State == TenantState.Active).OrderBy(t => t.Name)
            .Select(t => new CooperativeDto(t.Slug, t.Name, t.LegalForm.ToString(), t.Territory.CountryCode, t.Territory.Region, t.Territory.Locality, t.Locale))
            .ToListAsync(ct);
}

public sealed record CooperativeDto(string Slug, string Name, string LegalForm, string Country, string Region, string Locality, string Locale);
