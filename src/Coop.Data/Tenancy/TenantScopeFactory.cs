using Coop.Domain.Tenancy;
using Microsoft.EntityFrameworkCore;
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

    /// <summary>
    /// Runs <paramref name="work"/> once per open cooperative, each in its own logged tenant scope (jobs that visit
    /// every tenant). A cooperative whose work fails is logged and skipped: it never stops the others.
    /// </summary>
    public async Task ForEachOpenTenantAsync(string reason, Func<IServiceProvider, TenantInfo, Task> work, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(work);
        List<Tenant> tenants;
        await using (var platform = scopes.CreateAsyncScope())
            tenants = await platform.ServiceProvider.GetRequiredService<CoopDbContext>().Tenants.AsNoTracking()
                .Where(t => t.State == TenantState.Active).ToListAsync(ct);
        foreach (var tenant in tenants)
        {
            var info = TenantInfo.From(tenant);
            try
            {
                await using var scope = Begin(info, reason);
                await work(scope.ServiceProvider, info);
            }
            catch (Exception ex) when (ex is not OperationCanceledException || !ct.IsCancellationRequested)
            {
                logger.LogError(ex, "{Reason} failed for {TenantId} ({TenantSlug}); the other cooperatives go on", reason, info.Id, info.Slug);
            }
        }
    }
}
