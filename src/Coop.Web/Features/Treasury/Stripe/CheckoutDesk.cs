using System.Globalization;
using Coop.Data;
using Coop.Data.Tenancy;
using Coop.Domain.Tenancy;
using Coop.Domain.Treasury;
using Coop.Web.Features.Accounts;
using Microsoft.EntityFrameworkCore;

namespace Coop.Web.Features.Treasury.Stripe;

/// <summary>
/// Online payments through Stripe Checkout, with the cooperative as merchant of record: a pending payment is saved
/// first, then the session is created with that payment's id as idempotency key, so a double click or a retried
/// request never opens two. When Stripe fails, the payment is marked failed and the member gets a clear message.
/// </summary>
public sealed class CheckoutDesk(CoopDbContext db, PaymentDesk payments, WalletDesk wallets, StripeClient stripe, AccountLinks links, TenantContext tenant,
    ILogger<CheckoutDesk> logger, TimeProvider clock)
{
    public async Task<Uri> StartAsync(Guid memberId, string? email, PaymentPurpose purpose, Guid? callId, long amountMinor, string label, CancellationToken ct)
    {
        var settings = await db.Tenants.AsNoTracking().SingleAsync(t => t.Id == tenant.TenantId, ct);
        if (settings.StripeAccountId is not { } account || !stripe.Configured) throw new TreasuryException("Treasury.OnlineOff");
        if (purpose == PaymentPurpose.WalletTopUp)
        {
            if (amountMinor < settings.WalletMinimumTopUpMinor) throw new TreasuryException("Treasury.TopUpTooSmall");
            await wallets.EnsureAsync(memberId, ct);
        }
        if (await OpenSessionAsync(account, memberId, purpose, callId, amountMinor, ct) is { } again) return again;
        var payment = await payments.OpenAsync(memberId, purpose, callId, amountMinor, "", DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime), null, strict: true, ct);
        await db.SaveChangesAsync(ct);
        try
        {
            var session = await stripe.CreateCheckoutSessionAsync(account, Form(settings, payment, email, label), $"checkout-{payment.Id}", ct);
            payment.StartCheckout(session.Id);
            await db.SaveChangesAsync(ct);
            return new Uri(session.Url ?? throw new StripeUnavailableException("Stripe gave no checkout address."));
        }
        catch (StripeUnavailableException ex)
        {
            logger.LogWarning(ex, "Checkout for payment {PaymentId} could not start", payment.Id);
            payment.Fail("provider unavailable", clock.GetUtcNow());
            await db.SaveChangesAsync(ct);
            throw new TreasuryException("Treasury.ProviderUnavailable");
        }
    }

    /// <summary>
    /// Recurring dues: a Checkout Session in subscription mode at the member's tariff, renewed every period by Stripe.
    /// Each paid invoice comes back as <c>invoice.paid</c> and pays the member's oldest open call of the plan.
    /// </summary>
    public async Task<Uri> SubscribeAsync(Guid memberId, string? email, Guid callId, CancellationToken ct)
    {
        var settings = await db.Tenants.AsNoTracking().SingleAsync(t => t.Id == tenant.TenantId, ct);
        if (settings.StripeAccountId is not { } account || !stripe.Configured) throw new TreasuryException("Treasury.OnlineOff");
        var call = await db.DuesCalls.AsNoTracking().FirstOrDefaultAsync(c => c.Id == callId && c.MemberId == memberId, ct) ?? throw new TreasuryException("Treasury.NoSuchCall");
        var plan = await db.DuesPlans.AsNoTracking().SingleAsync(p => p.Id == call.PlanId, ct);
        if (call.Tariff == TariffKind.PayWhatYouCan || call.AmountMinor <= 0) throw new TreasuryException("Treasury.NotRecurring");
        var (interval, count) = plan.Period == DuesPeriod.Yearly ? ("year", 1) : ("month", plan.MonthsPerPeriod);
        var slug = tenant.Current!.Slug;
        var form = new List<KeyValuePair<string, string>>
        {
            new("mode", "subscription"),
            new("success_url", links.To($"/c/{slug}/dues") + "?subscribed=1"),
            new("cancel_url", links.To($"/c/{slug}/dues").ToString()),
            new("line_items[0][quantity]", "1"),
            new("line_items[0][price_data][currency]", settings.Currency.ToLowerInvariant()),
            new("line_items[0][price_data][unit_amount]", call.AmountMinor.ToString(CultureInfo.InvariantCulture)),
            new("line_items[0][price_data][product_data][name]", plan.Name),
            new("line_items[0][price_data][recurring][interval]", interval),
            new("line_items[0][price_data][recurring][interval_count]", count.ToString(CultureInfo.InvariantCulture)),
            new("metadata[tenant_id]", settings.Id.ToString()),
            new("subscription_data[metadata][tenant_id]", settings.Id.ToString()),
            new("subscription_data[metadata][member_id]", memberId.ToString()),
            new("subscription_data[metadata][plan_id]", plan.Id.ToString()),
            new("locale", settings.Locale.StartsWith("en", StringComparison.Ordinal) ? "en" : "fr"),
            new("payment_method_types[0]", "card"),
        };
        if (!string.IsNullOrEmpty(email)) form.Add(new("customer_email", email));
        try
        {
            var session = await stripe.CreateCheckoutSessionAsync(account, form, $"subscribe-{memberId}-{plan.Id}-{call.PeriodStart:yyyyMMdd}", ct);
            return new Uri(session.Url ?? throw new StripeUnavailableException("Stripe gave no checkout address."));
        }
        catch (StripeUnavailableException ex)
        {
            logger.LogWarning(ex, "Subscription checkout for member {MemberId} could not start", memberId);
            throw new TreasuryException("Treasury.ProviderUnavailable");
        }
    }

    /// <summary>
    /// A double click, or coming back from Stripe's page with the back button: the checkout opened a moment ago for
    /// the same thing is still open at Stripe, so the member goes back to it instead of a second one.
    /// </summary>
    private async Task<Uri?> OpenSessionAsync(string account, Guid memberId, PaymentPurpose purpose, Guid? callId, long amountMinor, CancellationToken ct)
    {
        var since = clock.GetUtcNow().AddMinutes(-30);
        var recent = await db.Payments.AsNoTracking()
            .Where(p => p.MemberId == memberId && p.Purpose == purpose && p.CallId == callId && p.AmountMinor == amountMinor && p.Status == PaymentStatus.Pending
                && p.CheckoutSessionId != null && p.CreatedAt > since)
            .OrderByDescending(p => p.CreatedAt).Select(p => p.CheckoutSessionId!).FirstOrDefaultAsync(ct);
        if (recent is null) return null;
        try
        {
            var session = await stripe.GetCheckoutSessionAsync(account, recent, ct);
            return session.Status == "open" && session.Url is { } url ? new Uri(url) : null;
        }
        catch (StripeUnavailableException) { return null; }
    }

    /// <summary>Refunds an online payment through Stripe, then records it; the later <c>charge.refunded</c> event finds nothing left to do.</summary>
    public async Task RefundAsync(Guid paymentId, long amountMinor, CancellationToken ct)
    {
        var payment = await db.Payments.AsNoTracking().FirstOrDefaultAsync(p => p.Id == paymentId, ct) ?? throw new TreasuryException("Treasury.NoSuchPayment");
        if (payment.Status != PaymentStatus.Succeeded) throw new TreasuryException("Treasury.NotRefundable");
        if (amountMinor <= 0) throw new TreasuryException("Treasury.AmountPositive");
        if (amountMinor > payment.NetMinor) throw new TreasuryException("Treasury.RefundTooLarge");
        if (payment.IsOnline)
        {
            var account = await db.Tenants.AsNoTracking().Where(t => t.Id == tenant.TenantId).Select(t => t.StripeAccountId).SingleAsync(ct)
                ?? throw new TreasuryException("Treasury.OnlineOff");
            try
            {
                await stripe.CreateRefundAsync(account, payment.Reference, amountMinor,
                    string.Create(CultureInfo.InvariantCulture, $"refund-{payment.Id}-{payment.RefundedMinor}-{amountMinor}"), ct);
            }
            catch (StripeUnavailableException ex)
            {
                logger.LogWarning(ex, "Refund of payment {PaymentId} failed at Stripe", payment.Id);
                throw new TreasuryException("Treasury.ProviderUnavailable");
            }
        }
        await payments.RefundAsync(paymentId, amountMinor, ct);
    }

    private List<KeyValuePair<string, string>> Form(Tenant settings, Payment payment, string? email, string label)
    {
        var slug = tenant.Current!.Slug;
        var form = new List<KeyValuePair<string, string>>
        {
            new("mode", "payment"),
            new("client_reference_id", payment.Id.ToString()),
            new("success_url", links.To($"/c/{slug}/payments/{payment.Id}/return") + "?session_id={CHECKOUT_SESSION_ID}"),
            new("cancel_url", links.To($"/c/{slug}/payments/{payment.Id}/return").ToString()),
            new("line_items[0][quantity]", "1"),
            new("line_items[0][price_data][currency]", settings.Currency.ToLowerInvariant()),
            new("line_items[0][price_data][unit_amount]", payment.AmountMinor.ToString(CultureInfo.InvariantCulture)),
            new("line_items[0][price_data][product_data][name]", label),
            new("metadata[tenant_id]", settings.Id.ToString()),
            new("metadata[payment_id]", payment.Id.ToString()),
            new("payment_intent_data[metadata][tenant_id]", settings.Id.ToString()),
            new("payment_intent_data[metadata][payment_id]", payment.Id.ToString()),
            new("locale", settings.Locale.StartsWith("en", StringComparison.Ordinal) ? "en" : "fr"),
            new("payment_method_types[0]", "card"),
        };
        if (!string.IsNullOrEmpty(email)) form.Add(new("customer_email", email));
        if (settings.SepaDebit) form.Add(new("payment_method_types[1]", "sepa_debit"));
        if (settings.PreAuthorizedDebit)
        {
            form.Add(new("payment_method_types[1]", "acss_debit"));
            form.Add(new("payment_method_options[acss_debit][currency]", "cad"));
            form.Add(new("payment_method_options[acss_debit][mandate_options][payment_schedule]", "sporadic"));
            form.Add(new("payment_method_options[acss_debit][mandate_options][transaction_type]", "personal"));
        }
        return form;
    }
}
