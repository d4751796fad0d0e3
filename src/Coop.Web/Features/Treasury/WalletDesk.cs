using Coop.Data;
using Coop.Domain.Treasury;
using Microsoft.EntityFrameworkCore;

namespace Coop.Web.Features.Treasury;

/// <summary>
/// Member wallets: transfers between members, to a project or to a post's author, and payouts. A debit is one
/// guarded update (<c>balance - x where balance &gt;= x</c>), so concurrent transfers can never overdraw; the ledger
/// entry is posted in the same transaction, and the balance always equals the member's wallet sub-ledger.
/// </summary>
public sealed class WalletDesk(CoopDbContext db, Books books, TimeProvider clock)
{
    public async Task<WalletTransfer> TransferAsync(Guid fromMemberId, Guid? toMemberId, long amountMinor, TransferKind kind, Guid? subjectId, string? note,
        CancellationToken ct)
    {
        var transfer = new WalletTransfer(fromMemberId, toMemberId, amountMinor, kind, subjectId, note, clock.GetUtcNow());
        if (toMemberId is { } to)
        {
            if (!await db.Members.AnyAsync(m => m.Id == to && m.Status == Domain.Membership.MembershipStatus.Active, ct)) throw new TreasuryException("Treasury.NoSuchMember");
            await EnsureAsync(to, ct);
        }
        return await books.InTransactionAsync(async token =>
        {
            if (!await DebitAsync(db, fromMemberId, amountMinor, token)) throw new TreasuryException("Treasury.WalletTooLow");
            if (toMemberId is { } receiver) await CreditAsync(db, receiver, amountMinor, token);
            db.WalletTransfers.Add(transfer);
            await books.PostAsync(Journal.OD, transfer.Note ?? kind.ToString(), EntrySource.WalletTransfer, transfer.Id, Postings.Transferred(fromMemberId, toMemberId, amountMinor), token);
            return transfer;
        }, ct);
    }

    /// <summary>The treasurer pays a member's wallet out to their bank account.</summary>
    public Task<long> PayOutAsync(Guid memberId, long amountMinor, string reference, CancellationToken ct)
    {
        if (amountMinor <= 0) throw new TreasuryException("Treasury.AmountPositive");
        return books.InTransactionAsync(async token =>
        {
            if (!await DebitAsync(db, memberId, amountMinor, token)) throw new TreasuryException("Treasury.WalletTooLow");
            await books.PostAsync(Journal.BQ, reference, EntrySource.Payout, memberId, Postings.PaidOut(memberId, amountMinor), token);
            return amountMinor;
        }, ct);
    }

    /// <summary>Creates the member's wallet if needed, outside any transaction (a race on creation is harmless).</summary>
    public async Task EnsureAsync(Guid memberId, CancellationToken ct)
    {
        if (await db.Wallets.AnyAsync(w => w.MemberId == memberId, ct)) return;
        var wallet = new Wallet(memberId);
        db.Wallets.Add(wallet);
        try { await db.SaveChangesAsync(ct); }
        catch (DbUpdateException) { /* created at the same moment */ }
        db.Entry(wallet).State = EntityState.Detached;
    }

    public static async Task CreditAsync(CoopDbContext db, Guid memberId, long amountMinor, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        if (await db.Wallets.Where(w => w.MemberId == memberId).ExecuteUpdateAsync(s => s.SetProperty(w => w.BalanceMinor, w => w.BalanceMinor + amountMinor), ct) != 1)
            throw new InvalidOperationException("The wallet must exist before money is put in it (WalletDesk.EnsureAsync).");
    }

    /// <summary>False when the balance is too low: nothing moved.</summary>
    public static async Task<bool> DebitAsync(CoopDbContext db, Guid memberId, long amountMinor, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        return await db.Wallets.Where(w => w.MemberId == memberId && w.BalanceMinor >= amountMinor)
            .ExecuteUpdateAsync(s => s.SetProperty(w => w.BalanceMinor, w => w.BalanceMinor - amountMinor), ct) == 1;
    }
}
