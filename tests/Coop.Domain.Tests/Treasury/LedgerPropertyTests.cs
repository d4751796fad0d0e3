using Coop.Domain.Treasury;
using FsCheckProperty = FsCheck.NUnit.PropertyAttribute;

// FsCheck generates the arguments of [FsCheckProperty] methods; NUnit's analyzer cannot see that.
#pragma warning disable NUnit1027

namespace Coop.Domain.Tests.Treasury;

/// <summary>
/// Any sequence of treasury operations (calls, payments, refunds, waivers, top-ups, transfers, payouts), refused
/// ones included, leaves balanced books whose balances match an independent count of what happened.
/// </summary>
public sealed class LedgerPropertyTests
{
    private static readonly Guid[] Members = [new(1, 0, 0, new byte[8]), new(2, 0, 0, new byte[8]), new(3, 0, 0, new byte[8])];

    /// <summary>A small treasury kept in memory with the domain's own types, and a plain count beside it.</summary>
    private sealed class Books
    {
        public List<JournalEntry> Entries { get; } = [];
        public List<DuesCall> Calls { get; } = [];
        public List<Payment> Payments { get; } = [];
        public Dictionary<Guid, long> Wallet { get; } = Members.ToDictionary(m => m, _ => 0L);
        public Dictionary<Guid, long> ExpectedOwed { get; } = Members.ToDictionary(m => m, _ => 0L);
        private long _number;
        private static readonly DateTimeOffset Now = new(2026, 3, 1, 9, 0, 0, TimeSpan.Zero);

        private void Post(Journal journal, EntrySource source, Guid id, Leg[] legs) =>
            Entries.Add(new JournalEntry(++_number, DateOnly.FromDateTime(Now.UtcDateTime), journal, "op", source, id, legs, Now));

        public void Apply(int op, int a, int b)
        {
            var member = Members[Math.Abs(a % Members.Length)];
            var amount = Math.Abs(b % 5_000) + 1;
            try
            {
                switch (Math.Abs(op % 7))
                {
                    case 0:
                        var call = new DuesCall(Guid.NewGuid(), member, new DateOnly(2026, 1, 1), new DateOnly(2026, 12, 31), new DateOnly(2026, 1, 1), TariffKind.Standard, amount, Now);
                        Calls.Add(call);
                        Post(Journal.VE, EntrySource.DuesCall, call.Id, Postings.DuesCalled(member, amount));
                        ExpectedOwed[member] += amount;
                        break;
                    case 1 when Calls.Count > 0:
                        var open = Calls[Math.Abs(b % Calls.Count)];
                        var pay = Math.Min(amount, open.OutstandingMinor);
                        var payment = new Payment(open.MemberId, PaymentPurpose.Dues, open.Id, pay, "EUR", null, "ref", new DateOnly(2026, 3, 1), null, Now);
                        open.Receive(pay);
                        payment.Succeed((PaymentMethod)(Math.Abs(a % 6) + 1), null, Math.Abs(a % 3) * 10 > pay ? 0 : Math.Abs(a % 3) * 10, "r", new DateOnly(2026, 3, 1), Now);
                        Payments.Add(payment);
                        Post(Journal.BQ, EntrySource.Payment, payment.Id, Postings.Received(payment));
                        ExpectedOwed[open.MemberId] -= pay;
                        break;
                    case 2 when Payments.Count > 0:
                        var paid = Payments[Math.Abs(b % Payments.Count)];
                        paid.Refund(amount);
                        Post(Journal.BQ, EntrySource.Refund, paid.Id, Postings.Refunded(paid, amount));
                        if (paid.Purpose == PaymentPurpose.Dues)
                        {
                            Calls.Single(c => c.Id == paid.CallId).Unapply(amount);
                            ExpectedOwed[paid.MemberId] += amount;
                        }
                        else Wallet[paid.MemberId] -= amount;
                        break;
                    case 3 when Calls.Count > 0:
                        var waived = Calls[Math.Abs(b % Calls.Count)];
                        waived.Waive(amount, "hardship");
                        Post(Journal.VE, EntrySource.DuesWaiver, waived.Id, Postings.DuesWaived(waived.MemberId, amount));
                        ExpectedOwed[waived.MemberId] -= amount;
                        break;
                    case 4:
                        var topUp = new Payment(member, PaymentPurpose.WalletTopUp, null, amount, "EUR", null, "", new DateOnly(2026, 3, 1), null, Now);
                        topUp.Succeed(PaymentMethod.Card, "pi", 0, "r", new DateOnly(2026, 3, 1), Now);
                        Post(Journal.BQ, EntrySource.Payment, topUp.Id, Postings.Received(topUp));
                        Wallet[member] += amount;
                        break;
                    case 5:
                        var to = Members[Math.Abs(b % Members.Length)];
                        var transfer = new WalletTransfer(member, to, amount, TransferKind.Member, null, null, Now);
                        if (Wallet[member] < amount) break;
                        Wallet[member] -= amount;
                        Wallet[to] += amount;
                        Post(Journal.OD, EntrySource.WalletTransfer, transfer.Id, Postings.Transferred(member, to, amount));
                        break;
                    case 6:
                        if (Wallet[member] < amount) break;
                        Wallet[member] -= amount;
                        Post(Journal.BQ, EntrySource.Payout, member, Postings.PaidOut(member, amount));
                        break;
                }
            }
            catch (TreasuryException)
            {
                // A refusal (refund too large, waiving more than is owed, a transfer to oneself...) changes nothing.
            }
        }
    }

    private static Books Run(int[] ops)
    {
        var books = new Books();
        for (var i = 0; i + 2 < ops.Length; i += 3) books.Apply(ops[i], ops[i + 1], ops[i + 2]);
        return books;
    }

    [FsCheckProperty(MaxTest = 300)]
    public bool Debits_equal_credits_after_any_sequence(int[] ops)
    {
        var books = Run(ops ?? []);
        var lines = books.Entries.SelectMany(e => e.Lines).ToList();
        return books.Entries.All(e => e.Lines.Sum(l => l.DebitMinor) == e.Lines.Sum(l => l.CreditMinor))
               && lines.Sum(l => l.DebitMinor) == lines.Sum(l => l.CreditMinor)
               && TrialBalance.Of(lines).Sum(a => a.BalanceMinor) == 0;
    }

    [FsCheckProperty(MaxTest = 300)]
    public bool A_members_balance_is_dues_minus_payments_plus_refunds(int[] ops)
    {
        var books = Run(ops ?? []);
        var lines = books.Entries.SelectMany(e => e.Lines).ToList();
        return Members.All(m => TrialBalance.OwedBy(lines, m) == books.ExpectedOwed[m]
                                && TrialBalance.OwedBy(lines, m) == books.Calls.Where(c => c.MemberId == m).Sum(c => c.AmountMinor - c.PaidMinor - c.WaivedMinor));
    }

    [FsCheckProperty(MaxTest = 300)]
    public bool Wallets_never_go_negative_and_match_their_sub_ledger(int[] ops)
    {
        var books = Run(ops ?? []);
        var lines = books.Entries.SelectMany(e => e.Lines).ToList();
        return Members.All(m => books.Wallet[m] >= 0
            && books.Wallet[m] == -lines.Where(l => l.Account == LedgerAccount.Wallets && l.MemberId == m).Sum(l => l.DebitMinor - l.CreditMinor));
    }

    [Test]
    public void An_unbalanced_or_malformed_entry_is_refused()
    {
        var now = DateTimeOffset.UtcNow;
        var day = DateOnly.FromDateTime(now.UtcDateTime);
        Assert.Throws<LedgerException>(() => new JournalEntry(1, day, Journal.OD, "x", EntrySource.Reversal, Guid.NewGuid(),
            [Leg.Debit(LedgerAccount.Bank, 100), Leg.Credit(LedgerAccount.Dues, 90)], now));
        Assert.Throws<LedgerException>(() => new JournalEntry(1, day, Journal.OD, "x", EntrySource.Reversal, Guid.NewGuid(),
            [Leg.Debit(LedgerAccount.Members, 100), Leg.Credit(LedgerAccount.Dues, 100)], now), "a member account without its member");
        Assert.Throws<LedgerException>(() => new JournalEntry(1, day, Journal.OD, "x", EntrySource.Reversal, Guid.NewGuid(),
            [Leg.Debit(LedgerAccount.Bank, -5), Leg.Credit(LedgerAccount.Dues, -5)], now));
        var entry = new JournalEntry(1, day, Journal.VE, "x", EntrySource.DuesCall, Guid.NewGuid(), Postings.DuesCalled(Members[0], 2_500), now);
        var reversal = entry.Reverse(2, day, "correction", now);
        Assert.That(TrialBalance.Of(entry.Lines.Concat(reversal.Lines)).All(a => a.BalanceMinor == 0), Is.True, "a reversal cancels its entry");
    }

    [Test]
    public void Refunds_and_payments_refuse_absurd_amounts()
    {
        var now = DateTimeOffset.UtcNow;
        Assert.That(Assert.Throws<TreasuryException>(() => new Payment(Members[0], PaymentPurpose.Donation, null, 0, "EUR", null, "", new DateOnly(2026, 1, 1), null, now))!.Message,
            Is.EqualTo("Treasury.AmountPositive"));
        Assert.That(Assert.Throws<TreasuryException>(() => new Payment(Members[0], PaymentPurpose.Donation, null, Payment.MaximumMinor + 1, "EUR", null, "", new DateOnly(2026, 1, 1), null, now))!.Message,
            Is.EqualTo("Treasury.AmountTooLarge"));
        var payment = new Payment(Members[0], PaymentPurpose.Donation, null, 1_000, "EUR", null, "", new DateOnly(2026, 1, 1), null, now);
        Assert.That(Assert.Throws<TreasuryException>(() => payment.Refund(100))!.Message, Is.EqualTo("Treasury.NotRefundable"), "nothing received yet");
        payment.Succeed(PaymentMethod.Cash, null, 0, "2026-000001", new DateOnly(2026, 1, 1), now);
        Assert.That(payment.Succeed(PaymentMethod.Cash, null, 0, "2026-000002", new DateOnly(2026, 1, 1), now), Is.False, "succeeds once");
        payment.Refund(600);
        Assert.That(Assert.Throws<TreasuryException>(() => payment.Refund(401))!.Message, Is.EqualTo("Treasury.RefundTooLarge"));
        Assert.That(Assert.Throws<TreasuryException>(() => new WalletTransfer(Members[0], Members[1], 9, TransferKind.Member, null, null, now))!.Message,
            Is.EqualTo("Treasury.TransferTooSmall"));
    }

    [Test]
    public void Periods_follow_each_other_from_the_plans_start()
    {
        var plan = new DuesPlan("Saison", DuesPeriod.Custom, 6, new DateOnly(2026, 9, 1), 2_000, 15, DateTimeOffset.UtcNow);
        Assert.That(plan.PeriodOf(new DateOnly(2026, 9, 1)), Is.EqualTo((new DateOnly(2026, 9, 1), new DateOnly(2027, 2, 28))));
        Assert.That(plan.PeriodOf(new DateOnly(2027, 3, 15)), Is.EqualTo((new DateOnly(2027, 3, 1), new DateOnly(2027, 8, 31))));
        var monthly = new DuesPlan("Mois", DuesPeriod.Monthly, 0, new DateOnly(2026, 1, 15), 500, 0, DateTimeOffset.UtcNow);
        Assert.That(monthly.PeriodOf(new DateOnly(2026, 3, 14)), Is.EqualTo((new DateOnly(2026, 2, 15), new DateOnly(2026, 3, 14))));
        var call = new DuesCall(plan.Id, Members[0], new DateOnly(2026, 9, 1), new DateOnly(2027, 2, 28), new DateOnly(2026, 9, 1), TariffKind.Standard, 2_000, DateTimeOffset.UtcNow);
        Assert.That(call.StatusOn(new DateOnly(2026, 9, 16), 15), Is.EqualTo(DuesStatus.Due));
        Assert.That(call.StatusOn(new DateOnly(2026, 9, 17), 15), Is.EqualTo(DuesStatus.Overdue));
        call.Receive(500);
        Assert.That(call.StatusOn(new DateOnly(2026, 9, 2), 15), Is.EqualTo(DuesStatus.PartlyPaid));
        call.Waive(1_500, "solidarité");
        Assert.That(call.StatusOn(new DateOnly(2027, 1, 1), 15), Is.EqualTo(DuesStatus.Paid));
    }
}
