using System.Text.Json;
using Coop.Data;
using Coop.Domain.Tenancy;
using Coop.Domain.Treasury;
using Microsoft.EntityFrameworkCore;

namespace Coop.Web.Features.Treasury.Stripe;

public enum EventOutcome
{
    /// <summary>Applied now, or already applied before (a duplicate).</summary>
    Done = 1,
    /// <summary>Not about a payment Coop knows (another product on the account, a test event).</summary>
    Ignored,
    /// <summary>Arrived before the event it depends on: answered with an error so that Stripe delivers it again later.</summary>
    TooEarly,
}

/// <summary>
/// Applies one verified Stripe event in the cooperative's scope: the event id is recorded in the same transaction
/// as its effect (a unique index), so a second delivery, even a concurrent one, changes nothing. Effects only move
/// a payment forward (pending → succeeded or failed) and refunds are read as Stripe's running total, so events
/// arriving out of order reach the same books.
/// </summary>
public sealed class StripeEvents(CoopDbContext db, Books books, PaymentDesk desk, ILogger<StripeEvents> logger, TimeProvider clock)
{
    public async Task<EventOutcome> ApplyAsync(string eventId, string type, JsonElement data, CancellationToken ct)
    {
        var year = clock.GetUtcNow().Year;
        return await books.InTransactionAsync(async token =>
        {
            if (await db.ProviderEvents.AnyAsync(e => e.EventId == eventId, token)) return EventOutcome.Done;
            var outcome = type switch
            {
                "checkout.session.completed" => await CompletedAsync(data, token),
                "checkout.session.async_payment_succeeded" => await SettleAsync(data, succeeded: true, token),
                "checkout.session.async_payment_failed" => await SettleAsync(data, succeeded: false, token),
                "checkout.session.expired" => await SettleAsync(data, succeeded: false, token),
                "invoice.paid" => await InvoicePaidAsync(data, token),
                "invoice.payment_failed" => EventOutcome.Done,
                "charge.refunded" => await RefundedAsync(data, token),
                _ => EventOutcome.Ignored,
            };
            if (outcome == EventOutcome.TooEarly)
            {
                db.ChangeTracker.Clear();
                return outcome;
            }
            db.ProviderEvents.Add(new ProviderEvent(eventId, type, clock.GetUtcNow()));
            return outcome;
        }, ct, TenantCounter.Receipts(year));
    }

    /// <summary>Paid at once (card): settle. Not yet paid (SEPA, pre-authorised debit): wait for the async event.</summary>
    private async Task<EventOutcome> CompletedAsync(JsonElement session, CancellationToken ct)
    {
        if (await PaymentOfAsync(session, ct) is not { } payment) return EventOutcome.Ignored;
        if (StripeJson.Text(session, "payment_status") is "paid" or "no_payment_required")
            return await SucceedAsync(payment, session, PaymentMethod.Card, ct);
        return EventOutcome.Done;
    }

    private async Task<EventOutcome> SettleAsync(JsonElement session, bool succeeded, CancellationToken ct)
    {
        if (await PaymentOfAsync(session, ct) is not { } payment) return EventOutcome.Ignored;
        if (!succeeded)
        {
            payment.Fail(StripeJson.Text(session, "status") == "expired" ? "checkout expired" : "debit failed", clock.GetUtcNow());
            return EventOutcome.Done;
        }
        var method = payment.Currency == TenantCurrency.CanadianDollar ? PaymentMethod.PreAuthorizedDebit : PaymentMethod.SepaDebit;
        return await SucceedAsync(payment, session, method, ct);
    }

    private async Task<EventOutcome> SucceedAsync(Payment payment, JsonElement session, PaymentMethod method, CancellationToken ct)
    {
        var amount = StripeJson.Amount(session, "amount_total");
        var currency = (StripeJson.Text(session, "currency") ?? "").ToUpperInvariant();
        if (amount != payment.AmountMinor || currency != payment.Currency)
        {
            // Never book an amount other than the one asked for: the treasurer sees a failed payment with the reason.
            logger.LogError("Stripe session {Session} paid {Amount} {Currency} for payment {PaymentId} of {Expected} {ExpectedCurrency}",
                StripeJson.Text(session, "id"), amount, currency, payment.Id, payment.AmountMinor, payment.Currency);
            payment.Fail("amount or currency differs from the checkout", clock.GetUtcNow());
            return EventOutcome.Done;
        }
        await desk.SucceedAsync(payment, method, StripeJson.Id(session, "payment_intent"), 0, ct);
        return EventOutcome.Done;
    }

    /// <summary>Recurring dues: a paid invoice of a subscription pays the member's oldest open call of the plan.</summary>
    private async Task<EventOutcome> InvoicePaidAsync(JsonElement invoice, CancellationToken ct)
    {
        var invoiceId = StripeJson.Text(invoice, "id");
        var metadata = SubscriptionMetadata(invoice);
        if (invoiceId is null || !metadata.TryGetValue("member_id", out var m) || !Guid.TryParse(m, out var memberId)
            || !metadata.TryGetValue("plan_id", out var p) || !Guid.TryParse(p, out var planId)) return EventOutcome.Ignored;
        if (await db.Payments.AnyAsync(x => x.InvoiceId == invoiceId, ct)) return EventOutcome.Done;
        var call = await db.DuesCalls.Where(c => c.MemberId == memberId && c.PlanId == planId && c.AmountMinor > c.PaidMinor + c.WaivedMinor)
            .OrderBy(c => c.PeriodStart).FirstOrDefaultAsync(ct);
        if (call is null) return EventOutcome.TooEarly;
        var amount = StripeJson.Amount(invoice, "amount_paid");
        if (amount <= 0) return EventOutcome.Ignored;
        var payment = await desk.OpenAsync(memberId, PaymentPurpose.Dues, call.Id, amount, "", DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime), null, strict: false, ct);
        payment.FromInvoice(invoiceId);
        await desk.SucceedAsync(payment, PaymentMethod.Card, StripeJson.Id(invoice, "payment_intent") ?? invoiceId, 0, ct);
        return EventOutcome.Done;
    }

    /// <summary>Stripe sends the total refunded so far: only the part not yet booked is booked.</summary>
    private async Task<EventOutcome> RefundedAsync(JsonElement charge, CancellationToken ct)
    {
        var intent = StripeJson.Id(charge, "payment_intent");
        var byMetadata = StripeJson.Metadata(charge).TryGetValue("payment_id", out var raw) && Guid.TryParse(raw, out var id) ? id : (Guid?)null;
        var payment = await db.Payments.FirstOrDefaultAsync(x => (byMetadata != null && x.Id == byMetadata)
            || (intent != null && x.Reference == intent && (x.CheckoutSessionId != null || x.InvoiceId != null)), ct);
        if (payment is null) return EventOutcome.Ignored;
        if (payment.Status != PaymentStatus.Succeeded) return EventOutcome.TooEarly;
        var delta = Math.Min(StripeJson.Amount(charge, "amount_refunded"), payment.AmountMinor) - payment.RefundedMinor;
        if (delta > 0) await desk.ApplyRefundAsync(payment, delta, ct);
        return EventOutcome.Done;
    }

    private async Task<Payment?> PaymentOfAsync(JsonElement session, CancellationToken ct)
    {
        var sessionId = StripeJson.Text(session, "id");
        var byMetadata = StripeJson.Metadata(session).TryGetValue("payment_id", out var raw) && Guid.TryParse(raw, out var id) ? id : (Guid?)null;
        return await db.Payments.FirstOrDefaultAsync(x => (byMetadata != null && x.Id == byMetadata) || (sessionId != null && x.CheckoutSessionId == sessionId), ct);
    }

    public static IReadOnlyDictionary<string, string> SubscriptionMetadata(JsonElement invoice)
    {
        if (invoice.TryGetProperty("subscription_details", out var details) && details.ValueKind == JsonValueKind.Object) return StripeJson.Metadata(details);
        if (invoice.TryGetProperty("parent", out var parent) && parent.ValueKind == JsonValueKind.Object
            && parent.TryGetProperty("subscription_details", out var nested) && nested.ValueKind == JsonValueKind.Object) return StripeJson.Metadata(nested);
        return StripeJson.Metadata(invoice);
    }
}
