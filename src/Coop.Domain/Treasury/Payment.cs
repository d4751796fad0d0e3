using Coop.Domain.Tenancy;

namespace Coop.Domain.Treasury;

public enum PaymentMethod
{
    Card = 1,
    SepaDebit = 2,
    /// <summary>Canadian pre-authorised debit (Stripe's acss_debit).</summary>
    PreAuthorizedDebit = 3,
    Cash = 4,
    Cheque = 5,
    Transfer = 6,
}

public enum PaymentPurpose
{
    Dues = 1,
    Shares = 2,
    WalletTopUp = 3,
    Donation = 4,
}

public enum PaymentStatus
{
    /// <summary>Checkout started, or a debit that settles days later.</summary>
    Pending = 1,
    Succeeded = 2,
    Failed = 3,
}

/// <summary>
/// Money a member paid (or is paying) to the cooperative, online or by hand. A payment counts only once it has
/// succeeded; it is then numbered for its attestation and posted to the ledger. Refunds reduce it, never edit it.
/// </summary>
public sealed class Payment : ITenantOwned
{
    private Payment() => (Currency, Reference) = (string.Empty, string.Empty);

    public Payment(Guid memberId, PaymentPurpose purpose, Guid? callId, long amountMinor, string currency, PaymentMethod? method, string reference,
        DateOnly date, Guid? recordedById, DateTimeOffset now)
    {
        if (amountMinor <= 0) throw new TreasuryException("Treasury.AmountPositive");
        if (amountMinor > MaximumMinor) throw new TreasuryException("Treasury.AmountTooLarge");
        if (purpose == PaymentPurpose.Dues && callId is null) throw new TreasuryException("Treasury.CallRequired");
        Id = Guid.CreateVersion7(now);
        MemberId = memberId;
        Purpose = purpose;
        CallId = callId;
        AmountMinor = amountMinor;
        Currency = currency;
        Method = method;
        Reference = reference.Trim();
        Date = date;
        RecordedById = recordedById;
        CreatedAt = now;
        Status = PaymentStatus.Pending;
    }

    /// <summary>One million in major units: anything above is a typing mistake, not a payment.</summary>
    public const long MaximumMinor = 100_000_000;

    public Guid TenantId { get; private set; }
    public Guid Id { get; private set; }
    public Guid MemberId { get; private set; }
    public PaymentPurpose Purpose { get; private set; }
    public Guid? CallId { get; private set; }
    public long AmountMinor { get; private set; }
    public string Currency { get; private set; }
    /// <summary>Known once paid for online payments (the member picks it on Stripe's page).</summary>
    public PaymentMethod? Method { get; private set; }
    public PaymentStatus Status { get; private set; }
    /// <summary>Cheque number, transfer reference, or Stripe's payment intent.</summary>
    public string Reference { get; private set; }
    public DateOnly Date { get; private set; }
    public Guid? RecordedById { get; private set; }
    public string? CheckoutSessionId { get; private set; }
    /// <summary>The Stripe invoice a subscription payment came from (unique: an invoice is paid once).</summary>
    public string? InvoiceId { get; private set; }
    public long FeeMinor { get; private set; }
    public long RefundedMinor { get; private set; }
    /// <summary>The attestation number, given when the payment succeeds (per cooperative and year, without gaps).</summary>
    public string? ReceiptNumber { get; private set; }
    public DateTimeOffset CreatedAt { get; private set; }
    public DateTimeOffset? SettledAt { get; private set; }
    public string? FailureReason { get; private set; }

    public bool IsOnline => CheckoutSessionId is not null || InvoiceId is not null;

    public long NetMinor => AmountMinor - RefundedMinor;

    public void StartCheckout(string sessionId) => CheckoutSessionId = sessionId;

    public void FromInvoice(string invoiceId) => InvoiceId = invoiceId;

    /// <summary>Whether this call changed anything: a payment succeeds once, and never after failing.</summary>
    public bool Succeed(PaymentMethod method, string? reference, long feeMinor, string receiptNumber, DateOnly date, DateTimeOffset now)
    {
        if (Status != PaymentStatus.Pending) return false;
        Status = PaymentStatus.Succeeded;
        Method = method;
        if (!string.IsNullOrWhiteSpace(reference)) Reference = reference;
        FeeMinor = Math.Max(0, feeMinor);
        ReceiptNumber = receiptNumber;
        Date = date;
        SettledAt = now;
        return true;
    }

    public bool Fail(string reason, DateTimeOffset now)
    {
        if (Status != PaymentStatus.Pending) return false;
        Status = PaymentStatus.Failed;
        FailureReason = reason;
        SettledAt = now;
        return true;
    }

    /// <summary>Refunds part of a succeeded payment; more than what is left is refused.</summary>
    public void Refund(long amountMinor)
    {
        if (Status != PaymentStatus.Succeeded) throw new TreasuryException("Treasury.NotRefundable");
        if (amountMinor <= 0) throw new TreasuryException("Treasury.AmountPositive");
        if (amountMinor > NetMinor) throw new TreasuryException("Treasury.RefundTooLarge");
        RefundedMinor += amountMinor;
    }

    /// <summary>Where the money sits once received.</summary>
    public static string CashAccount(PaymentMethod method) => method switch
    {
        PaymentMethod.Cash => LedgerAccount.Cash,
        PaymentMethod.Cheque => LedgerAccount.Cheques,
        PaymentMethod.Transfer => LedgerAccount.Bank,
        _ => LedgerAccount.Stripe,
    };

    /// <summary>What the payment settles.</summary>
    public Leg Settles(long amountMinor) => Purpose switch
    {
        PaymentPurpose.Dues => Leg.Credit(LedgerAccount.Members, amountMinor, MemberId),
        PaymentPurpose.Shares => Leg.Credit(LedgerAccount.Capital, amountMinor),
        PaymentPurpose.WalletTopUp => Leg.Credit(LedgerAccount.Wallets, amountMinor, MemberId),
        _ => Leg.Credit(LedgerAccount.Donations, amountMinor),
    };
}

/// <summary>The ledger legs of each treasury event, in one place so every path posts the same way.</summary>
public static class Postings
{
    public static Leg[] DuesCalled(Guid memberId, long amountMinor) =>
        [Leg.Debit(LedgerAccount.Members, amountMinor, memberId), Leg.Credit(LedgerAccount.Dues, amountMinor)];

    public static Leg[] DuesWaived(Guid memberId, long amountMinor) =>
        [Leg.Debit(LedgerAccount.Dues, amountMinor), Leg.Credit(LedgerAccount.Members, amountMinor, memberId)];

    /// <summary>Money in, and the provider's fee as an expense taken out of it.</summary>
    public static Leg[] Received(Payment payment)
    {
        ArgumentNullException.ThrowIfNull(payment);
        var cash = Payment.CashAccount(payment.Method ?? PaymentMethod.Card);
        return payment.FeeMinor > 0
            ? [Leg.Debit(cash, payment.AmountMinor - payment.FeeMinor), Leg.Debit(LedgerAccount.Fees, payment.FeeMinor), payment.Settles(payment.AmountMinor)]
            : [Leg.Debit(cash, payment.AmountMinor), payment.Settles(payment.AmountMinor)];
    }

    public static Leg[] Refunded(Payment payment, long amountMinor)
    {
        ArgumentNullException.ThrowIfNull(payment);
        var settled = payment.Settles(amountMinor);
        return [new Leg(settled.Account, settled.MemberId, amountMinor, 0), Leg.Credit(Payment.CashAccount(payment.Method ?? PaymentMethod.Card), amountMinor)];
    }

    /// <summary>Wallet to wallet, or to a project: then a gift to the cooperative.</summary>
    public static Leg[] Transferred(Guid fromMemberId, Guid? toMemberId, long amountMinor) =>
        [Leg.Debit(LedgerAccount.Wallets, amountMinor, fromMemberId),
         toMemberId is { } to ? Leg.Credit(LedgerAccount.Wallets, amountMinor, to) : Leg.Credit(LedgerAccount.Donations, amountMinor)];

    public static Leg[] PaidOut(Guid memberId, long amountMinor) =>
        [Leg.Debit(LedgerAccount.Wallets, amountMinor, memberId), Leg.Credit(LedgerAccount.Bank, amountMinor)];
}
