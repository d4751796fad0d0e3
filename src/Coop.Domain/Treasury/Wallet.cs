using Coop.Domain.Tenancy;

namespace Coop.Domain.Treasury;

/// <summary>
/// A member's wallet for micro-payments. The balance mirrors the member's sub-ledger on
/// <see cref="LedgerAccount.Wallets"/> and is moved only by a guarded update in the same transaction as the entry
/// (<c>balance = balance - x where balance &gt;= x</c>), which is what keeps it from ever going negative under races.
/// </summary>
public sealed class Wallet : ITenantOwned
{
    private Wallet() { }

    public Wallet(Guid memberId)
    {
        Id = Guid.CreateVersion7();
        MemberId = memberId;
    }

    /// <summary>The smallest transfer (ten cents): below this a payment means nothing.</summary>
    public const long MinimumTransferMinor = 10;

    public Guid TenantId { get; private set; }
    public Guid Id { get; private set; }
    public Guid MemberId { get; private set; }
    public long BalanceMinor { get; private set; }
}

/// <summary>Where a wallet transfer goes: another member, a community project, or a post's author (a tip).</summary>
public enum TransferKind
{
    Member = 1,
    Project = 2,
    PostAuthor = 3,
}

/// <summary>A movement between two wallets, kept for the members' histories (the ledger has the same amounts).</summary>
public sealed class WalletTransfer : ITenantOwned
{
    private WalletTransfer() { }

    public WalletTransfer(Guid fromMemberId, Guid? toMemberId, long amountMinor, TransferKind kind, Guid? subjectId, string? note, DateTimeOffset now)
    {
        if (amountMinor < Wallet.MinimumTransferMinor) throw new TreasuryException("Treasury.TransferTooSmall");
        if (amountMinor > Payment.MaximumMinor) throw new TreasuryException("Treasury.AmountTooLarge");
        if (fromMemberId == toMemberId) throw new TreasuryException("Treasury.TransferToSelf");
        if ((kind == TransferKind.Project) != (toMemberId is null)) throw new TreasuryException("Treasury.TransferTarget");
        Id = Guid.CreateVersion7(now);
        FromMemberId = fromMemberId;
        ToMemberId = toMemberId;
        AmountMinor = amountMinor;
        Kind = kind;
        SubjectId = subjectId;
        Note = string.IsNullOrWhiteSpace(note) ? null : note.Trim();
        CreatedAt = now;
    }

    public Guid TenantId { get; private set; }
    public Guid Id { get; private set; }
    public Guid FromMemberId { get; private set; }
    /// <summary>The receiving member; none for a project (the money becomes a gift to the cooperative, earmarked).</summary>
    public Guid? ToMemberId { get; private set; }
    public long AmountMinor { get; private set; }
    public TransferKind Kind { get; private set; }
    /// <summary>The post tipped, or the project's space.</summary>
    public Guid? SubjectId { get; private set; }
    public string? Note { get; private set; }
    public DateTimeOffset CreatedAt { get; private set; }
}
