using System.Security.Claims;
using Coop.Data;
using Coop.Data.Tenancy;
using Coop.Web.Features.Membership;
using Coop.Web.Features.Tenancy;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace Coop.Web.Features.Accounts;

/// <summary>A person's cooperatives, to switch between them; operators also find their console here.</summary>
[Tenantless]
[Route("account/cooperatives")]
[Authorize(Policy = Policies.SignedIn)]
public sealed class MyCooperativesController(UserMemberships memberships, CoopDbContext db) : Controller
{
    [HttpGet("")]
    public async Task<IActionResult> Index(CancellationToken ct)
    {
        var userId = Guid.Parse(User.FindFirstValue(ClaimTypes.NameIdentifier)!);
        var isOperator = await db.Users.AnyAsync(u => u.Id == userId && u.IsPlatformOperator, ct);
        return View("MyCooperatives", new MyCooperativesModel(await memberships.ListAsync(userId, ct), isOperator));
    }
}

public sealed record MyCooperativesModel(IReadOnlyList<UserMembership> Memberships, bool IsOperator);
