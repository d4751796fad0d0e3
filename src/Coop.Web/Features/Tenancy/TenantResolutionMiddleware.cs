using Coop.Data.Tenancy;
using Coop.Domain.Tenancy;

namespace Coop.Web.Features.Tenancy;

/// <summary>
/// Binds the request to a cooperative before anything touches the database. Two strategies:
/// the path prefix <c>/c/{slug}/...</c>, and host names mapped to a cooperative (custom domains), whose paths are
/// rewritten under the prefix. Only the request line and the Host header the server received count: forwarded
/// headers are applied only from configured proxies, and X-Forwarded-Host never is. A path naming one cooperative
/// on another cooperative's domain is a 404. Unknown cooperatives are 404; closed ones get an explanation page.
/// </summary>
public sealed class TenantResolutionMiddleware(RequestDelegate next, TenantCatalog catalog, TenantlessPaths platformPaths,
    ILogger<TenantResolutionMiddleware> logger)
{
    public const string TenantPrefix = "/c";

    public async Task InvokeAsync(HttpContext context, TenantContext tenantContext)
    {
        var path = context.Request.Path;
        var hostTenant = await catalog.FindByHostAsync(context.Request.Host.Host, context.RequestAborted);
        TenantInfo? tenant;

        if (TryReadSlug(path, out var slug))
        {
            tenant = TenantSlug.IsWellFormed(slug) ? await catalog.FindBySlugAsync(slug, context.RequestAborted) : null;
            if (tenant is null || (hostTenant is not null && hostTenant.Id != tenant.Id))
            {
                await TenantStatusPages.NotFoundAsync(context);
                return;
            }
        }
        else if (hostTenant is not null && !platformPaths.Contains(path))
        {
            tenant = hostTenant;
            context.Request.Path = new PathString($"{TenantPrefix}/{tenant.Slug}").Add(path == "/" ? PathString.Empty : path);
        }
        else
        {
            await next(context);
            return;
        }

        if (!tenant.IsOpen())
        {
            await TenantStatusPages.ClosedAsync(context, tenant);
            return;
        }

        tenantContext.Bind(tenant);
        using (logger.BeginScope(new Dictionary<string, object> { ["TenantId"] = tenant.Id, ["TenantSlug"] = tenant.Slug }))
        {
            await next(context);
        }
    }

    private static bool TryReadSlug(PathString path, out string slug)
    {
        slug = string.Empty;
        if (!path.StartsWithSegments(TenantPrefix, StringComparison.OrdinalIgnoreCase, out var rest) || !rest.HasValue) return false;
        var value = rest.Value!.TrimStart('/');
        var end = value.IndexOf('/', StringComparison.Ordinal);
        slug = end < 0 ? value : value[..end];
        return slug.Length > 0;
    }
}

internal static class TenantInfoExtensions
{
    public static bool IsOpen(this TenantInfo tenant) => tenant.State == TenantState.Active;
}
