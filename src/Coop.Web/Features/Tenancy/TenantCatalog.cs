using System.Collections.Concurrent;
using Coop.Data;
using Coop.Data.Tenancy;
using Coop.Domain.Tenancy;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.Primitives;

namespace Coop.Web.Features.Tenancy;

/// <summary>
/// Finds a cooperative by slug or mapped host name. Lookups run in their own tenantless scope (tenants are
/// platform rows) and are cached briefly so a page costs no extra round trip. Every entry found for a cooperative,
/// by slug or by any of its host names, hangs on one eviction token of that cooperative: a state change evicts them
/// all at once, so a suspension takes effect on its custom domains too, at the next request on this node.
/// </summary>
public sealed class TenantCatalog(IServiceScopeFactory scopes, IMemoryCache cache)
{
    private static readonly TimeSpan Lifetime = TimeSpan.FromSeconds(30);
    private readonly ConcurrentDictionary<Guid, CancellationTokenSource> _evictions = new();

    public Task<TenantInfo?> FindBySlugAsync(string slug, CancellationToken ct) =>
        CachedAsync(SlugKey(slug), db => db.Tenants.AsNoTracking().Where(t => t.Slug == slug), ct);

    public Task<TenantInfo?> FindByHostAsync(string host, CancellationToken ct)
    {
        var normalized = TenantHost.Normalize(host);
        return CachedAsync(HostKey(normalized),
            db => db.Tenants.AsNoTracking().Where(t => t.Hosts.Any(h => h.HostName == normalized)), ct);
    }

    /// <summary>The cooperative a Stripe connected account belongs to, if any (not cached: webhooks and settings only).</summary>
    public async Task<TenantInfo?> FindByStripeAccountAsync(string account, CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var tenant = await scope.ServiceProvider.GetRequiredService<CoopDbContext>().Tenants.AsNoTracking()
            .FirstOrDefaultAsync(t => t.StripeAccountId == account, ct);
        return tenant is null ? null : TenantInfo.From(tenant);
    }

    /// <summary>Forgets every entry of this cooperative (its slug, old or new, and its host names).</summary>
    public void Evict(TenantInfo tenant)
    {
        ArgumentNullException.ThrowIfNull(tenant);
        cache.Remove(SlugKey(tenant.Slug));
        if (_evictions.TryRemove(tenant.Id, out var eviction))
        {
            eviction.Cancel();
            eviction.Dispose();
        }
    }

    public void EvictHost(string host) => cache.Remove(HostKey(TenantHost.Normalize(host)));

    private static string SlugKey(string slug) => "platform:tenant-by-slug:" + slug;
    private static string HostKey(string host) => "platform:tenant-by-host:" + host;

    private async Task<TenantInfo?> CachedAsync(string key, Func<CoopDbContext, IQueryable<Tenant>> query, CancellationToken ct)
    {
        if (cache.TryGetValue(key, out TenantInfo? hit)) return hit;
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<CoopDbContext>();
        var tenant = await query(db).FirstOrDefaultAsync(ct);
        var info = tenant is null ? null : TenantInfo.From(tenant);
        var options = new MemoryCacheEntryOptions { AbsoluteExpirationRelativeToNow = Lifetime };
        if (info is not null)
            options.AddExpirationToken(new CancellationChangeToken(_evictions.GetOrAdd(info.Id, _ => new CancellationTokenSource()).Token));
        cache.Set(key, info, options);
        return info;
    }
}
