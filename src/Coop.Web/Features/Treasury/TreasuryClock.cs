using Coop.Data;
using Coop.Data.Tenancy;
using Coop.Domain.Treasury;
using Coop.Web.Features.Treasury.Stripe;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Coop.Web.Features.Treasury;

/// <summary>
/// The timed side of the treasury, in each open cooperative's own scope: ask Stripe about checkouts pending for too
/// long (a lost webhook must not leave a paid member unpaid), and send dues reminders a week before the due date and
/// after the grace period. Each reminder is marked in the same save as its mail, so it goes once.
/// </summary>
public sealed class TreasuryClock(TenantScopeFactory tenantScopes, TimeProvider clock, IOptions<StripeOptions> options, ILogger<TreasuryClock> logger)
{
    public static readonly TimeSpan RemindBefore = TimeSpan.FromDays(7);
    public static readonly TimeSpan RemindAgainAfter = TimeSpan.FromDays(14);

    public Task RunOnceAsync(CancellationToken ct) =>
        tenantScopes.ForEachOpenTenantAsync("treasury clock", async (services, _) =>
        {
            await ReconcileAsync(services, ct);
            await services.GetRequiredService<DuesReminders>().SendDueAsync(ct);
        }, ct);

    /// <summary>Checkouts pending longer than <see cref="StripeOptions.ReconcileAfter"/>: settled as Stripe says, via the same path as its events.</summary>
    public async Task ReconcileAsync(IServiceProvider services, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(services);
        var db = services.GetRequiredService<CoopDbContext>();
        var stripe = services.GetRequiredService<StripeClient>();
        var tenant = services.GetRequiredService<TenantContext>();
        var account = await db.Tenants.AsNoTracking().Where(t => t.Id == tenant.TenantId).Select(t => t.StripeAccountId).SingleAsync(ct);
        if (account is null || !stripe.Configured) return;
        var before = clock.GetUtcNow() - options.Value.ReconcileAfter;
        var pending = await db.Payments.AsNoTracking().Where(p => p.Status == PaymentStatus.Pending && p.CheckoutSessionId != null && p.CreatedAt < before)
            .Select(p => p.CheckoutSessionId!).Take(100).ToListAsync(ct);
        foreach (var sessionId in pending)
        {
            try
            {
                var session = await stripe.GetCheckoutSessionAsync(account, sessionId, ct);
                var type = session.PaymentStatus == "paid" ? "checkout.session.completed" : session.Status == "expired" ? "checkout.session.expired" : null;
                if (type is null) continue;
                var data = System.Text.Json.JsonSerializer.SerializeToElement(new Dictionary<string, object?>
                {
                    ["id"] = session.Id, ["status"] = session.Status, ["payment_status"] = session.PaymentStatus, ["payment_intent"] = session.PaymentIntent,
                    ["amount_total"] = session.AmountTotal, ["currency"] = session.Currency.ToLowerInvariant(), ["metadata"] = session.Metadata,
                });
                await services.GetRequiredService<StripeEvents>().ApplyAsync($"reconcile:{session.Id}:{type}", type, data, ct);
            }
            catch (StripeUnavailableException ex)
            {
                logger.LogWarning(ex, "Reconciliation could not reach Stripe for session {Session}", sessionId);
                return;
            }
        }
    }
}

public sealed class TreasuryClockService(TreasuryClock treasuryClock, ILogger<TreasuryClockService> logger) : Infrastructure.PeriodicService(TimeSpan.FromMinutes(5), logger)
{
    protected override Task RunOnceAsync(CancellationToken ct) => treasuryClock.RunOnceAsync(ct);
}
