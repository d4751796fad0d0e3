using Coop.Data;
using Coop.Domain.Treasury;
using Microsoft.EntityFrameworkCore;

namespace Coop.Web.Features.Treasury;

public sealed record CallRow(DuesCall Call, string PlanName, DuesStatus Status, string Member);

public sealed record PaymentFilter(PaymentStatus? Status, PaymentMethod? Method, DateOnly? From, DateOnly? To, Guid? MemberId);

public sealed record Dashboard(long CollectedMinor, long FeesMinor, long OutstandingMinor, long OverdueMinor, IReadOnlyList<CallRow> Overdue, DateOnly PeriodStart);

/// <summary>What the treasury pages and the API read: calls with their derived status, payments, balances from the ledger.</summary>
public sealed class TreasuryQueries(CoopDbContext db, TimeProvider clock)
{
    public DateOnly Today => DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);

    public async Task<IReadOnlyList<CallRow>> CallsAsync(Guid? memberId, CancellationToken ct)
    {
        var plans = await db.DuesPlans.AsNoTracking().ToDictionaryAsync(p => p.Id, ct);
        var query = db.DuesCalls.AsNoTracking();
        if (memberId is { } id) query = query.Where(c => c.MemberId == id);
        var calls = await query.OrderByDescending(c => c.PeriodStart).ThenBy(c => c.MemberId).Take(2000).ToListAsync(ct);
        var names = await NamesAsync(calls.Select(c => c.MemberId), ct);
        return calls.Select(c => new CallRow(c, plans.GetValueOrDefault(c.PlanId)?.Name ?? "?", c.StatusOn(Today, plans.GetValueOrDefault(c.PlanId)?.GraceDays ?? 0),
            names.GetValueOrDefault(c.MemberId, "?"))).ToList();
    }

    public async Task<IReadOnlyList<Payment>> PaymentsAsync(PaymentFilter filter, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(filter);
        var query = db.Payments.AsNoTracking();
        if (filter.Status is { } status) query = query.Where(p => p.Status == status);
        if (filter.Method is { } method) query = query.Where(p => p.Method == method);
        if (filter.From is { } from) query = query.Where(p => p.Date >= from);
        if (filter.To is { } to) query = query.Where(p => p.Date <= to);
        if (filter.MemberId is { } member) query = query.Where(p => p.MemberId == member);
        return await query.OrderByDescending(p => p.CreatedAt).Take(1000).ToListAsync(ct);
    }

    public async Task<Dashboard> DashboardAsync(CancellationToken ct)
    {
        var today = Today;
        var monthStart = new DateOnly(today.Year, today.Month, 1);
        var month = await db.Payments.AsNoTracking().Where(p => p.Status == PaymentStatus.Succeeded && p.Date >= monthStart)
            .Select(p => new { p.AmountMinor, p.RefundedMinor, p.FeeMinor }).ToListAsync(ct);
        var calls = await CallsAsync(null, ct);
        var open = calls.Where(c => c.Call.OutstandingMinor > 0).ToList();
        var overdue = open.Where(c => c.Status == DuesStatus.Overdue).OrderBy(c => c.Call.DueOn).ToList();
        return new Dashboard(month.Sum(p => p.AmountMinor - p.RefundedMinor), month.Sum(p => p.FeeMinor), open.Sum(c => c.Call.OutstandingMinor),
            overdue.Sum(c => c.Call.OutstandingMinor), overdue, monthStart);
    }

    /// <summary>Every account's totals, summed by the database from the lines.</summary>
    public async Task<IReadOnlyList<AccountBalance>> TrialBalanceAsync(CancellationToken ct) =>
        (await db.JournalLines.AsNoTracking().GroupBy(l => l.Account)
            .Select(g => new { Account = g.Key, Debit = g.Sum(l => l.DebitMinor), Credit = g.Sum(l => l.CreditMinor) }).ToListAsync(ct))
        .OrderBy(a => a.Account, StringComparer.Ordinal).Select(a => new AccountBalance(a.Account, a.Debit, a.Credit)).ToList();

    /// <summary>What the member owes (positive) or has in advance (negative), from their sub-ledger.</summary>
    public async Task<long> OwedByAsync(Guid memberId, CancellationToken ct) =>
        await db.JournalLines.Where(l => l.Account == LedgerAccount.Members && l.MemberId == memberId).SumAsync(l => l.DebitMinor - l.CreditMinor, ct);

    public async Task<long> WalletAsync(Guid memberId, CancellationToken ct) =>
        await db.Wallets.Where(w => w.MemberId == memberId).Select(w => w.BalanceMinor).FirstOrDefaultAsync(ct);

    public async Task<IReadOnlyList<(JournalEntry Entry, JournalLine Line)>> JournalAsync(CancellationToken ct)
    {
        var entries = await db.JournalEntries.AsNoTracking().Include(e => e.Lines).OrderBy(e => e.Number).ToListAsync(ct);
        return entries.SelectMany(e => e.Lines.OrderByDescending(l => l.DebitMinor).Select(l => (e, l))).ToList();
    }

    public async Task<Dictionary<Guid, string>> NamesAsync(IEnumerable<Guid> memberIds, CancellationToken ct)
    {
        var ids = memberIds.Distinct().ToList();
        return await db.Members.AsNoTracking().Where(m => ids.Contains(m.Id)).ToDictionaryAsync(m => m.Id, m => m.DisplayName, ct);
    }
}
