using System.Collections.Concurrent;
using System.Diagnostics;

namespace Coop.Web.Infrastructure;

/// <summary>
/// Opt-in measurement for the performance harness (<c>Diagnostics:RequestCosts=true</c>, never in production): counts
/// the database round trips of each request (every command Npgsql sends, the tenant session setting included) and
/// the bytes the process allocated while serving it, and lists them at <c>/diagnostics/request-costs</c>. Meant for
/// requests sent one at a time: allocation is read process-wide.
/// </summary>
public static class RequestCosts
{
    public sealed record Cost(string Path, int RoundTrips, long AllocatedBytes, double Milliseconds);

    private sealed class Counter
    {
        public int RoundTrips;
    }

    private static readonly AsyncLocal<Counter?> Current = new();
    private static readonly ConcurrentQueue<Cost> Recent = new();
    private static ActivityListener? _listener;

    public static bool Enabled(IConfiguration configuration) => configuration.GetValue("Diagnostics:RequestCosts", false);

    public static WebApplication UseRequestCosts(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        if (!Enabled(app.Configuration)) return app;
        _listener ??= new ActivityListener
        {
            ShouldListenTo = source => source.Name == "Npgsql",
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllData,
            ActivityStarted = _ => { if (Current.Value is { } counter) Interlocked.Increment(ref counter.RoundTrips); },
        };
        ActivitySource.AddActivityListener(_listener);
        app.Use(async (context, next) =>
        {
            if (context.Request.Path.StartsWithSegments("/diagnostics"))
            {
                await next(context);
                return;
            }
            var counter = new Counter();
            Current.Value = counter;
            var bytes = GC.GetTotalAllocatedBytes(precise: false);
            var watch = Stopwatch.StartNew();
            await next(context);
            Recent.Enqueue(new Cost(context.Request.Path + context.Request.QueryString, counter.RoundTrips, GC.GetTotalAllocatedBytes(precise: false) - bytes,
                watch.Elapsed.TotalMilliseconds));
            while (Recent.Count > 10_000) Recent.TryDequeue(out _);
        });
        app.MapGet("/diagnostics/request-costs", () =>
        {
            var list = new List<Cost>();
            while (Recent.TryDequeue(out var cost)) list.Add(cost);
            return Results.Json(list);
        }).AllowAnonymous().WithMetadata(new Features.Tenancy.TenantlessAttribute());
        return app;
    }
}
