using System.Runtime.CompilerServices;
using Coop.Domain.Membership;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Coop.Data.Membership;

/// <summary>
/// Evicts the memberships a save changes, before the save and again after it (a read racing with the save cannot
/// keep the old row), so that the next request in this process reads them afresh. The trigger's notification
/// reaches every process too, but a moment later.
/// </summary>
public sealed class MemberCacheInvalidator(MemberCache cache) : SaveChangesInterceptor
{
    private readonly ConditionalWeakTable<DbContext, List<(Guid Tenant, Guid User)>> _saving = [];

    public override InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
    {
        Collect(eventData.Context);
        return result;
    }

    public override ValueTask<InterceptionResult<int>> SavingChangesAsync(DbContextEventData eventData, InterceptionResult<int> result,
        CancellationToken cancellationToken = default)
    {
        Collect(eventData.Context);
        return ValueTask.FromResult(result);
    }

    public override int SavedChanges(SaveChangesCompletedEventData eventData, int result)
    {
        EvictCollected(eventData.Context);
        return result;
    }

    public override ValueTask<int> SavedChangesAsync(SaveChangesCompletedEventData eventData, int result, CancellationToken cancellationToken = default)
    {
        EvictCollected(eventData.Context);
        return ValueTask.FromResult(result);
    }

    public override void SaveChangesFailed(DbContextErrorEventData eventData) => EvictCollected(eventData.Context);

    public override Task SaveChangesFailedAsync(DbContextErrorEventData eventData, CancellationToken cancellationToken = default)
    {
        EvictCollected(eventData.Context);
        return Task.CompletedTask;
    }

    private void Collect(DbContext? context)
    {
        if (context is null) return;
        var changed = new List<(Guid Tenant, Guid User)>();
        foreach (var entry in context.ChangeTracker.Entries<Member>())
        {
            if (entry.State is not (EntityState.Added or EntityState.Modified or EntityState.Deleted)) continue;
            // An added row gets its tenant stamped during the save; the context's tenant is the one it will get.
            var tenant = entry.Entity.TenantId != Guid.Empty ? entry.Entity.TenantId : (context as CoopDbContext)?.TenantId ?? Guid.Empty;
            changed.Add((tenant, entry.Entity.UserId));
            if (entry.State == EntityState.Modified) changed.Add((tenant, entry.Property(m => m.UserId).OriginalValue));
        }
        if (changed.Count == 0) return;
        foreach (var (tenant, user) in changed) cache.Evict(tenant, user);
        _saving.AddOrUpdate(context, changed);
    }

    private void EvictCollected(DbContext? context)
    {
        if (context is null || !_saving.TryGetValue(context, out var changed)) return;
        _saving.Remove(context);
        foreach (var (tenant, user) in changed) cache.Evict(tenant, user);
    }
}
