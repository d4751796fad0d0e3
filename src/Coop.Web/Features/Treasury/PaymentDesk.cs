using Coop.Data;
using Coop.Data.Tenancy;
using Coop.Domain.Treasury;
using Microsoft.EntityFrameworkCore;

namespace Coop.Web.Features.Treasury;

/// <summary>A payment the treasurer enters by hand.</summary>
public sealed record ManualPayment(Guid MemberId, PaymentPurpose Purpose, Guid? CallId, long AmountMinor, PaymentMethod Method, string Reference, DateOnly Date);

/// <summary>
/// Every way money moves with a payment: entered by hand, opened for checkout, settled (succeeded or failed),
/// refunded. The settling methods work inside the caller's transaction (<see cref="Books.InTransactionAsync{T}"/>)
/// so a provider event and its effect commit together; each is a no-op when the payment already reached that state.
/// </summary>
public sealed class PaymentDesk(CoopDbContext db, Books books, TenantContext tenant, TimeProvider clock)
{
    public Task<Payment> RecordAsync(ManualPayment input, Guid treasurerId, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(input);
        if (input.Method is PaymentMethod.Card or PaymentMethod.SepaDebit or PaymentMethod.PreAuthorizedDebit) throw new TreasuryException("Treasury.ManualMethod");
        return books.InTransactionAsync(async token =>
        {
            var payment = await OpenAsync(input.MemberId, input.Purpose, input.CallId, input.AmountMinor, input.Reference, input.Date, treasurerId, strict: true, token);
            await SucceedAsync(payment, input.Method, null, 0, token);
            return payment;
        }, ct, TenantCounter.Receipts(input.Date.Year));
    }

    /// <summary>A pending payment, checked against what it pays for. <paramref name="strict"/>: more than is owed is refused.</summary>
    public async Task<Payment> OpenAsync(Guid memberId, PaymentPurpose purpose, Guid? callId, long amountMinor, string reference, DateOnly date, Guid? recordedBy,
        bool strict, CancellationToken ct)
    {
        if (!await db.Members.AnyAsync(m => m.Id == memberId, ct)) throw new TreasuryException("Treasury.NoSuchMember");
        if (purpose == PaymentPurpose.Dues)
        {
            var call = await db.DuesCalls.AsNoTracking().FirstOrDefaultAsync(c => c.Id == callId && c.MemberId == memberId, ct)
                ?? throw new TreasuryException("Treasury.NoSuchCall");
            if (strict && amountMinor > call.OutstandingMinor) throw new TreasuryException("Treasury.MoreThanOwed");
        }
        else callId = null;
        var payment = new Payment(memberId, purpose, callId, amountMinor, tenant.Current!.Currency, null, reference, date, recordedBy, clock.GetUtcNow());
        db.Payments.Add(payment);
        return payment;
    }

    /// <summary>Money received: the attestation number, the ledger entry, and what it pays for. False when already settled.</summary>
    public async Task<bool> SucceedAsync(Payment payment, PaymentMethod method, string? reference, long feeMinor, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(payment);
        if (payment.Status != PaymentStatus.Pending) return false;
        var now = clock.GetUtcNow();
        var date = payment.RecordedById is null ? DateOnly.FromDateTime(now.UtcDateTime) : payment.Date;
        payment.Succeed(method, reference, feeMinor, await books.NextReceiptAsync(date, ct), date, now);
        await books.PostAsync(Journal.BQ, $"{payment.ReceiptNumber} {payment.Reference}".Trim(), EntrySource.Payment, payment.Id, Postings.Received(payment), ct, date);
        switch (payment.Purpose)
        {
            case PaymentPurpose.Dues:
                var call = await db.DuesCalls.SingleAsync(c => c.Id == payment.CallId, ct);
                call.Receive(payment.AmountMinor);
                break;
            case PaymentPurpose.WalletTopUp:
                await WalletDesk.CreditAsync(db, payment.MemberId, payment.AmountMinor, ct);
                break;
        }
        return true;
    }

    /// <summary>The treasurer refunds part or all of a payment (online ones go through the provider first, see <see cref="Stripe.CheckoutDesk"/>).</summary>
    public Task<Payment> RefundAsync(Guid paymentId, long amountMinor, CancellationToken ct) => books.InTransactionAsync(async token =>
    {
        var payment = await db.Payments.FirstOrDefaultAsync(p => p.Id == paymentId, token) ?? throw new TreasuryException("Treasury.NoSuchPayment");
        await ApplyRefundAsync(payment, amountMinor, token);
        return payment;
    }, ct);

    /// <summary>Records a refund inside the caller's transaction: the payment, the ledger, and what it had paid for.</summary>
    public async Task ApplyRefundAsync(Payment payment, long amountMinor, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(payment);
        payment.Refund(amountMinor);
        await books.PostAsync(Journal.BQ, $"{payment.ReceiptNumber} refund", EntrySource.Refund, payment.Id, Postings.Refunded(payment, amountMinor), ct);
        switch (payment.Purpose)
        {
            case PaymentPurpose.Dues:
                (await db.DuesCalls.SingleAsync(c => c.Id == payment.CallId, ct)).Unapply(amountMinor);
                break;
            case PaymentPurpose.WalletTopUp:
                if (!await WalletDesk.DebitAsync(db, payment.MemberId, amountMinor, ct)) throw new TreasuryException("Treasury.WalletSpent");
                break;
        }
    }
}
