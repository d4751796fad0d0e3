using Coop.Domain.Membership;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;

namespace Coop.Web.Features.Membership;

public static class DependencyInjection
{
    /// <summary>The member registry: invitations, support access (the operator's reasoned, read-only visits).</summary>
    public static IHostApplicationBuilder AddMembership(this IHostApplicationBuilder builder)
    {
        builder.Services.AddScoped<InvitationMails>();
        builder.Services.AddScoped<SupportAccess>();
        return builder;
    }

    public static IHostApplicationBuilder AddAuthorizationPolicies(this IHostApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddHttpContextAccessor();
        services.AddScoped<CurrentMember>();
        services.AddScoped<IAuthorizationHandler, TenantRoleHandler>();
        services.AddScoped<IAuthorizationHandler, OperatorHandler>();
        services.AddScoped<IAuthorizationHandler, TenantBoundHandler>();
        services.AddAuthorizationBuilder()
            // Anything not marked otherwise needs a signed-in user: forgetting an attribute fails closed.
            .SetFallbackPolicy(new AuthorizationPolicyBuilder().RequireAuthenticatedUser().Build())
            .AddPolicy(Policies.SignedIn, p => p.RequireAuthenticatedUser())
            .AddPolicy(Policies.Visitor, p => p.RequireAuthenticatedUser().AddRequirements(new TenantBoundRequirement()))
            .AddPolicy(Policies.Member, p => p.RequireAuthenticatedUser().AddRequirements(new TenantRoleRequirement(MemberRoles.Member)))
            .AddPolicy(Policies.Moderator, p => p.RequireAuthenticatedUser().AddRequirements(new TenantRoleRequirement(MemberRoles.Moderator)))
            .AddPolicy(Policies.Treasurer, p => p.RequireAuthenticatedUser().AddRequirements(new TenantRoleRequirement(MemberRoles.Treasurer)))
            .AddPolicy(Policies.Admin, p => p.RequireAuthenticatedUser().AddRequirements(new TenantRoleRequirement(MemberRoles.Admin)))
            .AddPolicy(Policies.Registrar, p => p.RequireAuthenticatedUser().AddRequirements(new TenantRoleRequirement(MemberRoles.Admin | MemberRoles.Treasurer, AnyOf: true)))
            .AddPolicy(Policies.Operator, p => p.RequireAuthenticatedUser().AddRequirements(new OperatorRequirement()))
            .AddPolicy(Policies.ApiSignedIn, p => p.AddAuthenticationSchemes(IdentityConstants.BearerScheme).RequireAuthenticatedUser())
            .AddPolicy(Policies.ApiMember, p => p.AddAuthenticationSchemes(IdentityConstants.BearerScheme).RequireAuthenticatedUser()
                .AddRequirements(new TenantRoleRequirement(MemberRoles.Member)))
            .AddPolicy(Policies.ApiTreasurer, p => p.AddAuthenticationSchemes(IdentityConstants.BearerScheme).RequireAuthenticatedUser()
                .AddRequirements(new TenantRoleRequirement(MemberRoles.Treasurer)))
            .AddPolicy(Policies.ApiAdmin, p => p.AddAuthenticationSchemes(IdentityConstants.BearerScheme).RequireAuthenticatedUser()
                .AddRequirements(new TenantRoleRequirement(MemberRoles.Admin)));
        return builder;
    }
}
