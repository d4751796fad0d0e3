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
