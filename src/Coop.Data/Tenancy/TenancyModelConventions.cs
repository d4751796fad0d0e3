using System.Linq.Expressions;
using Coop.Domain.Common;
using Coop.Domain.Tenancy;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;

namespace Coop.Data.Tenancy;

/// <summary>
/// The model-building pass that makes isolation a convention rather than a discipline. For every tenant-owned
/// entity it puts TenantId first in the primary key (Citus-ready) and adds the named tenant query filter, which
/// reads <see cref="CoopDbContext.TenantId"/> on the context instance so EF parameterises it per query.
/// Every entity is annotated as tenant-owned or platform-level; a test fails on any entity with neither.
/// </summary>
internal static class TenancyModelConventions
{
    public static void Apply(ModelBuilder modelBuilder, CoopDbContext context)
    {
        foreach (var entityType in modelBuilder.Model.GetEntityTypes().Where(e => !e.IsOwned()).ToList())
        {
            var clr = entityType.ClrType;
            if (typeof(ITenantOwned).IsAssignableFrom(clr))
            {
                entityType.SetAnnotation(ModelScope.Annotation, ModelScope.Tenant);
                var builder = modelBuilder.Entity(clr);
                builder.HasKey(nameof(ITenantOwned.TenantId), "Id");
                builder.HasQueryFilter(ModelScope.TenantFilter, TenantFilter(clr, context));
            }
            else if (typeof(IPlatformEntity).IsAssignableFrom(clr) || IsIdentityStore(clr))
            {
                entityType.SetAnnotation(ModelScope.Annotation, ModelScope.Platform);
                if (typeof(ITenantAttributed).IsAssignableFrom(clr))
                    modelBuilder.Entity(clr).HasQueryFilter(ModelScope.TenantFilter, AttributedFilter(clr, context));
            }
        }
        // A cooperative's own row: a context bound to a cooperative sees that row alone; platform contexts see all.
        modelBuilder.Entity<Tenant>().HasQueryFilter(ModelScope.TenantFilter, OwnRowFilter(context));
    }

    // Identity's own user claims, logins and tokens hang off platform-level accounts.
    private static bool IsIdentityStore(Type clr) =>
        clr.IsGenericType && clr.Namespace == typeof(IdentityUserClaim<>).Namespace;

    // A nullable comparison: bound contexts match their cooperative, unbound ones the rows of no cooperative.
    private static LambdaExpression AttributedFilter(Type clr, CoopDbContext context)
    {
        var entity = Expression.Parameter(clr, "e");
        var current = Expression.Property(Expression.Constant(context), nameof(CoopDbContext.TenantId));
        var body = Expression.Equal(Expression.Property(entity, nameof(ITenantAttributed.TenantId)), current);
        return Expression.Lambda(body, entity);
    }

    // Built on the context instance (not a closure) so that EF reads the lease's tenant on every query.
    private static Expression<Func<Tenant, bool>> OwnRowFilter(CoopDbContext context)
    {
        var tenant = Expression.Parameter(typeof(Tenant), "t");
        var current = Expression.Property(Expression.Constant(context), nameof(CoopDbContext.TenantId));
        var body = Expression.OrElse(
            Expression.Equal(current, Expression.Constant(null, typeof(Guid?))),
            Expression.Equal(Expression.Convert(Expression.Property(tenant, nameof(Tenant.Id)), typeof(Guid?)), current));
        return Expression.Lambda<Func<Tenant, bool>>(body, tenant);
    }

    private static LambdaExpression TenantFilter(Type clr, CoopDbContext context)
    {
        var entity = Expression.Parameter(clr, "e");
        var current = Expression.Property(Expression.Constant(context), nameof(CoopDbContext.CurrentTenantFilterValue));
        var body = Expression.Equal(Expression.Property(entity, nameof(ITenantOwned.TenantId)), current);
        return Expression.Lambda(body, entity);
    }
}
