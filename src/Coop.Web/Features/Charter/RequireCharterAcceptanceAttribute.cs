using Coop.Data.Tenancy;
using Coop.Web.Features.Membership;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;

namespace Coop.Web.Features.Charter;

/// <summary>
/// On actions where a member takes part (post, vote, propose, see the directory): a member who has not accepted
/// the current charter is sent to the interstitial that asks them, then brought back.
/// </summary>
[AttributeUsage(AttributeTargets.Class | AttributeTargets.Method)]
public sealed class RequireCharterAcceptanceAttribute : Attribute, IAsyncActionFilter
{
    public async Task OnActionExecutionAsync(ActionExecutingContext context, ActionExecutionDelegate next)
    {
        var services = context.HttpContext.RequestServices;
        var member = await services.GetRequiredService<CurrentMember>().GetAsync(context.HttpContext.RequestAborted);
        if (member is not null && !await services.GetRequiredService<CharterQueries>().HasAcceptedCurrentAsync(member.Id, context.HttpContext.RequestAborted))
        {
            var slug = services.GetRequiredService<TenantContext>().Current!.Slug;
            var back = context.HttpContext.Request.Path + context.HttpContext.Request.QueryString;
            context.Result = new RedirectResult($"/c/{slug}/charter/accept?returnUrl={Uri.EscapeDataString(back)}");
            return;
        }
        await next();
    }
}
