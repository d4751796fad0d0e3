using Coop.Data.Tenancy;
using Microsoft.AspNetCore.Localization;

namespace Coop.Web.Features.Tenancy;

/// <summary>Inside a cooperative, pages default to the cooperative's language.</summary>
public sealed class TenantRequestCultureProvider : RequestCultureProvider
{
    public override Task<ProviderCultureResult?> DetermineProviderCultureResult(HttpContext httpContext)
    {
        ArgumentNullException.ThrowIfNull(httpContext);
        var tenant = httpContext.RequestServices.GetRequiredService<TenantContext>().Current;
        return Task.FromResult(tenant is null ? null : new ProviderCultureResult(tenant.Locale));
    }
}
