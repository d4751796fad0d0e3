using System.Security.Claims;
using Coop.Data;
using Coop.Domain.Membership;
using Microsoft.AspNetCore.Authorization;
using Microsoft.EntityFrameworkCore;

namespace Coop.Web.Features.Membership;

/// <summary>Requires an active membership with the given role in the cooperative of the request.</summary>
public sealed record TenantRoleRequirement(MemberRoles Role, bool AnyOf = false) : IAuthorizationRequirement;

/// <summary>Requires that the request is bound to a cooperative.</summary>
public sealed record TenantBoundRequirement : IAuthorizationRequirement;

public sealed class TenantBoundHandler(Coop.Data.Tenancy.TenantContext tenantContext) : AuthorizationHandler<TenantBoundRequirement>
{
    protected override Task HandleRequirementAsync(AuthorizationHandlerContext context, TenantBoundRequirement requirement)
    {
        if (tenantContext.Current is not null) context.Succeed(requirement);
        return Task.CompletedTask;
    }
}

/// <summary>Requires a platform operator, as recorded in the database.</summary>
public sealed record OperatorRequirement : IAuthorizationRequirement;

/// <summary>Fails closed: no tenant, no user id or no membership means no access.</summary>
public sealed class TenantRoleHandler(CurrentMember currentMember, SupportAccess support) : AuthorizationHandler<TenantRoleRequirement>
{
    protected override async Task HandleRequirementAsync(AuthorizationHandlerContext context, TenantRoleRequirement requirement)
    {
        var member = await currentMember.GetAsync();
        var granted = requirement.AnyOf
            ? Enum.GetValues<MemberRoles>().Any(r => r != MemberRoles.None && requirement.Role.HasFlag(r) && member?.Grants(r) == true)
            : member?.Grants(requirement.Role) == true;
        // A platform operator with an active, reasoned support grant may read (never write) admin pages.
        if (granted || await support.IsActiveAsync()) context.Succeed(requirement);
    }
}

public sealed class OperatorHandler(CoopDbContext db) : AuthorizationHandler<OperatorRequirement>
{
    protected override async Task HandleRequirementAsync(AuthorizationHandlerContext context, OperatorRequirement requirement)
    {
        if (!Guid.TryParse(context.User.FindFirstValue(ClaimTypes.NameIdentifier), out var userId)) return;
        if (await db.Users.AnyAsync(u => u.Id == userId && u.IsPlatformOperator)) context.Succeed(requirement);
    }
}
