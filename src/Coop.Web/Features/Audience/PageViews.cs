using System.Collections.Concurrent;
using Coop.Data;
using Coop.Data.Tenancy;
using Coop.Domain.Audience;
using Microsoft.EntityFrameworkCore;

namespace Coop.Web.Features.Audience;

/// <summary>
/// Cookieless, first-party audience figures. A page shown with success to a person counts one view for its
/// cooperative, its route ("c/{tenant}/feed": never the address, which may carry an id or a signed token) and the
/// day. Nothing about the visitor is read or kept: no IP address, cookie, user, referrer or user agent beyond
/// skipping self-declared robots. Counts gather in memory and are added to the database every minute.
/// </summary>
public sealed class PageViewCounter(TenantScopeFactory scopes, TimeProvider clock, ILogger<PageViewCounter> logger)
{
    private ConcurrentDictionary<(Guid Tenant, DateOnly Day, string Page), long> _counts = new();
    private readonly ConcurrentDictionary<Guid, TenantInfo> _tenants = new();

    public void Count(TenantInfo tenant, string page)
    {
        ArgumentNullException.ThrowIfNull(tenant);
        _tenants.TryAdd(tenant.Id, tenant);
        var day = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        _counts.AddOrUpdate((tenant.Id, day, page.Length > PageViewCount.PageMax ? page[..PageViewCount.PageMax] : page), 1, (_, n) => n + 1);
    }

    /// <summary>Adds what was counted since the last flush; each key is an atomic increment, so several nodes can flush the same day.</summary>
    public async Task FlushAsync(CancellationToken ct)
    {
        var counts = Interlocked.Exchange(ref _counts, new());
        foreach (var group in counts.GroupBy(c => c.Key.Tenant))
        {
            if (!_tenants.TryGetValue(group.Key, out var tenant)) continue;
            try
            {
                await using var scope = scopes.Begin(tenant, "page view counts");
                var db = scope.ServiceProvider.GetRequiredService<CoopDbContext>();
                foreach (var ((_, day, page), views) in group) await AddAsync(db, day, page, views, ct);
            }
            catch (Exception ex) when (ex is DbUpdateException or InvalidOperationException or System.Data.Common.DbException)
            {
                // Figures, not records: losing a minute of counts beats failing a page or retrying forever.
                logger.LogWarning(ex, "Page view counts of {TenantId} not saved", group.Key);
            }
        }
    }

    private static async Task AddAsync(CoopDbContext db, DateOnly day, string page, long views, CancellationToken ct)
    {
        for (var attempt = 0; attempt < 3; attempt++)
        {
            var updated = await db.PageViewCounts.Where(p => p.Day == day && p.Page == page).ExecuteUpdateAsync(s => s.SetProperty(p => p.Views, p => p.Views + views), ct);
            if (updated > 0) return;
            db.PageViewCounts.Add(new PageViewCount(day, page, views));
            try { await db.SaveChangesAsync(ct); return; }
            catch (DbUpdateException) { db.ChangeTracker.Clear(); } // another node inserted the row first: increment it
        }
    }
}

public static class PageViewMiddleware
{
    /// <summary>After routing, so the route is known; counts HTML pages answered 200 to GET, inside a cooperative.</summary>
    public static WebApplication UsePageViews(this WebApplication app)
    {
        var counter = app.Services.GetRequiredService<PageViewCounter>();
        app.Use(async (context, next) =>
        {
            await next(context);
            if (!HttpMethods.IsGet(context.Request.Method) || context.Response.StatusCode != StatusCodes.Status200OK) return;
            if (context.Response.ContentType?.StartsWith("text/html", StringComparison.Ordinal) != true) return;
            if (context.GetEndpoint() is not RouteEndpoint endpoint) return;
            if (context.RequestServices.GetRequiredService<TenantContext>().Current is not { } tenant) return;
            var agent = context.Request.Headers.UserAgent.ToString();
            if (agent.Contains("bot", StringComparison.OrdinalIgnoreCase) || agent.Contains("spider", StringComparison.OrdinalIgnoreCase)) return;
            counter.Count(tenant, endpoint.RoutePattern.RawText ?? "?");
        });
        return app;
    }
}

public sealed class PageViewFlushService(PageViewCounter counter, ILogger<PageViewFlushService> logger) : Infrastructure.PeriodicService(TimeSpan.FromMinutes(1), logger)
{
    protected override Task RunOnceAsync(CancellationToken ct) => counter.FlushAsync(ct);

    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        await base.StopAsync(cancellationToken);
        await counter.FlushAsync(cancellationToken);
    }
}
