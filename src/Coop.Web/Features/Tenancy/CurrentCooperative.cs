using System.Linq.Expressions;
using Coop.Data;
using Coop.Domain.Tenancy;
using Microsoft.EntityFrameworkCore;

namespace Coop.Web.Features.Tenancy;

/// <summary>
/// The one way a feature reads or changes the current cooperative's own row (its settings). The context is bound to
/// the cooperative, whose query filter shows that row alone and whose save check refuses any other: no feature
/// filters the cooperatives by id itself, so none can pick the wrong one.
/// </summary>
public sealed class CurrentCooperative(CoopDbContext db)
{
    /// <summary>The settings, read-only.</summary>
    public Task<Tenant> ReadAsync(CancellationToken ct) => Row().AsNoTracking().SingleAsync(ct);

    /// <summary>Some of the settings, read-only, in one small query.</summary>
    public Task<T> ReadAsync<T>(Expression<Func<Tenant, T>> select, CancellationToken ct) => Row().AsNoTracking().Select(select).SingleAsync(ct);

    /// <summary>The settings, tracked: changes are saved with the caller's unit of work.</summary>
    public Task<Tenant> ForUpdateAsync(CancellationToken ct) => Row().SingleAsync(ct);

    private DbSet<Tenant> Row() =>
        db.TenantId is null ? throw new InvalidOperationException("No cooperative is bound to this scope.") : db.Tenants;
}
