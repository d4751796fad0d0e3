using Coop.Domain.Tenancy;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Coop.Data.Tenancy;

/// <summary>
/// Stamps the current tenant on new tenant-owned rows and refuses any write that targets another tenant or that
/// happens with no tenant bound. The query filter stops reads; this stops writes, whatever the calling code did.
/// </summary>
public sealed class TenantSaveInterceptor : SaveChangesInterceptor
{
    public override InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
    {
        Enforce(eventData.Context);
        return result;
    }

    public override ValueTask<InterceptionResult<int>> SavingChangesAsync(DbContextEventData eventData,
        InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        Enforce(eventData.Context);
        return ValueTask.FromResult(result);
    }

    private static void Enforce(DbContext? context)
    {
        if (context is not CoopDbContext db) return;
        foreach (var entry in db.ChangeTracker.Entries<Tenant>())
        {
            // A cooperative's context may change its own settings row, never another cooperative's.
            if (db.TenantId is { } bound && entry.State is EntityState.Added or EntityState.Modified or EntityState.Deleted && entry.Entity.Id != bound)
                throw new CrossTenantWriteException("Tenant row of another cooperative written.");
        }
        foreach (var entry in db.ChangeTracker.Entries<ITenantAttributed>())
        {
            // A cooperative's context writes its own mail only; an unbound one, tenantless mail only.
            if (entry.State == EntityState.Added && entry.Entity.TenantId != db.TenantId)
                throw new CrossTenantWriteException($"{entry.Metadata.ClrType.Name} written for another tenant.");
        }
        foreach (var entry in db.ChangeTracker.Entries<ITenantOwned>())
        {
            if (entry.State is EntityState.Unchanged or EntityState.Detached) continue;
            var tenantId = db.TenantId
                ?? throw new CrossTenantWriteException($"{entry.Metadata.ClrType.Name} written with no tenant bound.");
            var property = entry.Property(nameof(ITenantOwned.TenantId));
            if (entry.State == EntityState.Added && (Guid)property.CurrentValue! == Guid.Empty)
            {
                property.CurrentValue = tenantId;
                continue;
            }

            var original = entry.State == EntityState.Added ? (Guid)property.CurrentValue! : (Guid)property.OriginalValue!;
            if (original != tenantId || (Guid)property.CurrentValue! != tenantId)
                throw new CrossTenantWriteException($"{entry.Metadata.ClrType.Name} belongs to another tenant.");
        }
    }
}
