using Coop.Data.Tenancy;
using Coop.Domain.Tenancy;

namespace Coop.Web.Features.Tenancy;

/// <summary>
/// Sets the status for an unknown or closed cooperative; the status-code page middleware then re-executes
/// <c>/error/{status}</c>, which renders the explanation in the visitor's language (or problem details for the API).
/// </summary>
internal static class TenantStatusPages
{
    public const string ClosedTenantItem = "Coop.ClosedTenant";

    public static Task NotFoundAsync(HttpContext context)
    {
        context.Response.StatusCode = StatusCodes.Status404NotFound;
        return Task.CompletedTask;
    }

    public static Task ClosedAsync(HttpContext context, TenantInfo tenant)
    {
        context.Items[ClosedTenantItem] = tenant;
        context.Response.StatusCode = tenant.State switch
        {
            TenantState.Provisioning => StatusCodes.Status503ServiceUnavailable,
            TenantState.Suspended => StatusCodes.Status403Forbidden,
            _ => StatusCodes.Status410Gone,
        };
        if (tenant.State == TenantState.Provisioning) context.Response.Headers.RetryAfter = "3600";
        return Task.CompletedTask;
    }
}
