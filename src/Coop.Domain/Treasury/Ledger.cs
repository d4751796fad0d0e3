using Coop.Domain.Tenancy;

namespace Coop.Domain.Treasury;

/// <summary>
/// The accounts Coop posts to, numbered after the French chart of accounts (PCG) so the accountant recognises them.
/// Lines on <see cref="Members"/> and <see cref="Wallets"/> also carry the member they concern.
/// </summary>
public static class LedgerAccount
{
    /// <summary>Subscribed capital, called and paid up (parts sociales).</summary>
    public const string Capital = "1013";
    /// <summary>What members owe: dues called, minus what they paid and what was waived.</summary>
    public const string Members = "4110";
    /// <summary>What the cooperative holds for members: their wallets (a liability).</summary>
    public const string Wallets = "4190";
    /// <summary>Cheques received, not yet banked.</summary>
    public const string Cheques = "5112";
    /// <summary>Money collected by Stripe, on its way to the bank.</summary>
    public const string Stripe = "5170";
    public const string Bank = "5120";
    public const string Cash = "5300";
    /// <summary>Bank and payment provider fees.</summary>
    public const string Fees = "6270";
    /// <summary>Gifts (dons manuels).</summary>
    public const string Donations = "7541";
    /// <summary>Membership dues (cotisations).</summary>
    public const string Dues = "7560";

    public static readonly IReadOnlyList<string> All = [Capital, Members, Wallets, Cheques, Stripe, Bank, Cash, Fees, Donations, Dues];

    /// <summary>Whether lines on this account name the member they concern (a sub-ledger per member).</summary>
    public static bool PerMember(string account) => account is Members or Wallets;
}

/// <summary>French accounting journals (FEC codes).</summary>
public enum Journal
{
    /// <summary>Dues called and waived (like sales).</summary>
    VE = 1,
    /// <summary>Money in and out: payments, refunds, payouts.</summary>
    BQ = 2,
    /// <summary>Everything else: wallet transfers, corrections.</summary>
    OD = 3,
}

/// <summary>What an entry records; with <see cref="JournalEntry.SourceId"/> it points to the dues call, payment or transfer.</summary>
public enum EntrySource
{
    DuesCall = 1,
    DuesWaiver = 2,
    Payment = 3,
    Refund = 4,
    WalletTransfer = 5,
    Payout = 6,
    Reversal = 7,
}

/// <summary>One side of an entry: an amount in minor units on one account, for one member when the account needs it.</summary>
public sealed class JournalLine : ITenantOwned
{
    private JournalLine() => Account = string.Empty;

    internal JournalLine(Guid entryId, string account, Guid? memberId, long debitMinor, long creditMinor)
    {
        Id = Guid.CreateVersion7();
        EntryId = entryId;
        Account = account;
        MemberId = memberId;
        DebitMinor = debitMinor;
        CreditMinor = creditMinor;
    }

    public Guid TenantId { get; private set; }
    public Guid Id { get; private set; }
    public Guid EntryId { get; private set; }
    public string Account { get; private set; }
    public Guid? MemberId { get; private set; }
    public long DebitMinor { get; private set; }
    public long CreditMinor { get; private set; }
}

/// <summary>A line before it is posted.</summary>
public readonly record struct Leg(string Account, Guid? MemberId, long DebitMinor, long CreditMinor)
{
    public static Leg Debit(string account, long amount, Guid? member = null) => new(account, member, amount, 0);

    public static Leg Credit(string account, long amount, Guid? member = null) => new(account, member, 0, amount);
}

/// <summary>
/// A balanced entry of the double-entry ledger. Entries are never edited: a mistake is corrected by a reversal
/// (<see cref="Reverse"/>), so every balance can be explained line by line.
/// </summary>
public sealed class JournalEntry : ITenantOwned
{
    private readonly List<JournalLine> _lines = [];

    private JournalEntry() => Label = string.Empty;

    public JournalEntry(long number, DateOnly date, Journal journal, string label, EntrySource source, Guid sourceId, IReadOnlyCollection<Leg> legs,
        DateTimeOffset now, Guid? reverses = null)
    {
        ArgumentNullException.ThrowIfNull(legs);
        ArgumentException.ThrowIfNullOrWhiteSpace(label);
        if (legs.Count < 2) throw new LedgerException("An entry has at least two lines.");
        foreach (var leg in legs)
        {
            if (leg.DebitMinor < 0 || leg.CreditMinor < 0 || (leg.DebitMinor == 0) == (leg.CreditMinor == 0))
                throw new LedgerException("Each line is a positive debit or a positive credit.");
            if (!LedgerAccount.All.Contains(leg.Account)) throw new LedgerException($"Unknown account {leg.Account}.");
            if (LedgerAccount.PerMember(leg.Account) != leg.MemberId.HasValue) throw new LedgerException($"Account {leg.Account} and its member do not match.");
        }
        if (legs.Sum(l => l.DebitMinor) != legs.Sum(l => l.CreditMinor)) throw new LedgerException("Debits and credits differ.");
        Id = Guid.CreateVersion7(now);
        Number = number;
        Date = date;
        Journal = journal;
        Label = label.Length > 200 ? label[..200] : label;
        Source = source;
        SourceId = sourceId;
        ReversesId = reverses;
        RecordedAt = now;
        _lines.AddRange(legs.Select(l => new JournalLine(Id, l.Account, l.MemberId, l.DebitMinor, l.CreditMinor)));
    }

    public Guid TenantId { get; private set; }
    public Guid Id { get; private set; }
    /// <summary>Sequential per cooperative, without gaps (the FEC's EcritureNum).</summary>
    public long Number { get; private set; }
    public DateOnly Date { get; private set; }
    public Journal Journal { get; private set; }
    public string Label { get; private set; }
    public EntrySource Source { get; private set; }
    public Guid SourceId { get; private set; }
    public Guid? ReversesId { get; private set; }
    public DateTimeOffset RecordedAt { get; private set; }
    public IReadOnlyList<JournalLine> Lines => _lines;

    /// <summary>The entry that cancels this one: the same lines with debit and credit swapped.</summary>
    public JournalEntry Reverse(long number, DateOnly date, string label, DateTimeOffset now) =>
        new(number, date, Journal, label, EntrySource.Reversal, SourceId,
            _lines.Select(l => new Leg(l.Account, l.MemberId, l.CreditMinor, l.DebitMinor)).ToList(), now, Id);
}

public sealed class LedgerException(string message) : Exception(message);

/// <summary>One account's totals, as on a trial balance.</summary>
public sealed record AccountBalance(string Account, long DebitMinor, long CreditMinor)
{
    /// <summary>Debit minus credit: positive for assets and expenses, negative for liabilities and income.</summary>
    public long BalanceMinor => DebitMinor - CreditMinor;
}

/// <summary>Balances derived from lines, never stored.</summary>
public static class TrialBalance
{
    public static IReadOnlyList<AccountBalance> Of(IEnumerable<JournalLine> lines) =>
        lines.GroupBy(l => l.Account).OrderBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => new AccountBalance(g.Key, g.Sum(l => l.DebitMinor), g.Sum(l => l.CreditMinor))).ToList();

    /// <summary>What a member owes (positive) or has paid in advance (negative): their sub-ledger on <see cref="LedgerAccount.Members"/>.</summary>
    public static long OwedBy(IEnumerable<JournalLine> lines, Guid memberId) =>
        lines.Where(l => l.Account == LedgerAccount.Members && l.MemberId == memberId).Sum(l => l.DebitMinor - l.CreditMinor);
}
