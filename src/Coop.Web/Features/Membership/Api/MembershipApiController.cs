using Coop.Data.Tenancy;
using Coop.Web.Features.Membership;
using Coop.Web.Infrastructure;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace Coop.Web.Features.Membership.Api;

/// <summary>The caller's membership in one cooperative.</summary>
[Route("c/{tenant}/api/membership")]
[Authorize(Policy = Policies.ApiMember)]
public sealed class MembershipApiController(CurrentMember currentMember, TenantContext tenantContext) : ApiControllerBase
{
    [HttpGet("")]
    [ProducesResponseType(typeof(MembershipDto), StatusCodes.Status200OK)]
    public async Task<ActionResult<MembershipDto>> Get(CancellationToken ct)
    {
        var member = (await currentMember.GetAsync(ct))!;
        var tenant = tenantContext.Current!;
        return new MembershipDto(tenant.Slug, tenant.Name, member.Id, member.DisplayName, member.Roles.ToString(), member.Status.ToString());
    }
}

public sealed record MembershipDto(string Cooperative, string CooperativeName, Guid MemberId, string DisplayName, string Roles, string Status);
