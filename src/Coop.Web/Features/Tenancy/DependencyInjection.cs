using Microsoft.AspNetCore.HttpOverrides;

namespace Coop.Web.Features.Tenancy;

public static class DependencyInjection
{
    public static IHostApplicationBuilder AddTenancy(this IHostApplicationBuilder builder)
    {
        builder.Services.AddMemoryCache();
        builder.Services.AddSingleton<TenantCatalog>();
        builder.Services.AddScoped<CurrentCooperative>();
        builder.Services.AddSingleton<TenantlessPaths>();
        builder.Services.Configure<ForwardedHeadersOptions>(o =>
        {
            // Client address and scheme from the configured reverse proxies only; the Host is never taken from a header.
            o.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto;
            o.KnownIPNetworks.Clear();
            o.KnownProxies.Clear();
            foreach (var proxy in builder.Configuration.GetSection("ReverseProxy:KnownProxies").Get<string[]>() ?? [])
                o.KnownProxies.Add(System.Net.IPAddress.Parse(proxy));
        });
        return builder;
    }

    public static IApplicationBuilder UseTenancy(this IApplicationBuilder app) => app.UseMiddleware<TenantResolutionMiddleware>();
}
