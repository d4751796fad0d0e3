using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Coop.Data.Tenancy;

/// <summary>
/// Opens an explicit, logged scope bound to one cooperative for work that runs outside a request: background jobs,
/// the demo seed, the operator console. Everything resolved from the returned scope acts for that tenant only.
/// </summary>
public sealed class TenantScopeFactory(IServiceScopeFactory scopes, ILogger<TenantScopeFactory> logger)
{
    public AsyncServiceScope Begin(TenantInfo tenant, string reason)
    {
        var scope = scopes.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<TenantContext>().Bind(tenant);
        logger.LogInformation("Tenant scope opened for {TenantId} ({TenantSlug}): {Reason}", tenant.Id, tenant.Slug, reason);
        return scope;
    }
}
