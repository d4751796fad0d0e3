using Coop.Data.Tenancy;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Coop.Data;

/// <summary>
/// Leases a context from EF Core's pool for one scope and binds it to the scope's tenant. Setting up a context's
/// internal services cost more than a page's query; a pooled context pays it once. The scope disposes the context,
/// which unbinds it (<see cref="CoopDbContext.Dispose"/>) and returns it to the pool.
/// </summary>
internal static class PooledCoopDbContext
{
    public static CoopDbContext Lease(IServiceProvider services)
    {
        var context = services.GetRequiredService<IDbContextFactory<CoopDbContext>>().CreateDbContext();
        context.Bind(services.GetRequiredService<TenantContext>());
        return context;
    }
}
