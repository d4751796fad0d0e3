using Coop.Data;
using Coop.Data.Work;
using Coop.Domain.Treasury;
using Microsoft.EntityFrameworkCore;

namespace Coop.Web.Features.Treasury;

/// <summary>
/// The cooperative's books: numbered, balanced journal entries, added to the caller's unit of work. Callers run
/// inside <see cref="InTransactionAsync{T}"/> so an entry, its number and its effect commit together.
/// </summary>
public sealed class Books(CoopDbContext db, UnitOfWork unitOfWork, TimeProvider clock)
{
    /// <summary>
    /// Runs the work as one unit of work (<see cref="UnitOfWork"/>: retried from scratch when a concurrent writer won
    /// a race), once the counters it numbers with exist. <see cref="TreasuryException"/> is a refusal and is not retried.
    /// </summary>
    public async Task<T> InTransactionAsync<T>(Func<CancellationToken, Task<T>> work, CancellationToken ct, params string[] counters)
    {
        ArgumentNullException.ThrowIfNull(work);
        await EnsureCountersAsync([TenantCounter.Entries, .. counters], ct);
        try { return await unitOfWork.RunAsync(work, ct); }
        catch (ConcurrentChangeException) { throw new TreasuryException("Treasury.Busy"); }
    }

    /// <summary>Adds a balanced entry with the next number.</summary>
    public async Task<JournalEntry> PostAsync(Journal journal, string label, EntrySource source, Guid sourceId, IReadOnlyCollection<Leg> legs, CancellationToken ct,
        DateOnly? date = null)
    {
        var now = clock.GetUtcNow();
        var entry = new JournalEntry(await NextAsync(TenantCounter.Entries, ct), date ?? DateOnly.FromDateTime(now.UtcDateTime), journal, label, source, sourceId, legs, now);
        db.JournalEntries.Add(entry);
        return entry;
    }

    /// <summary>The next receipt number of this year, e.g. 2026-000042.</summary>
    public async Task<string> NextReceiptAsync(DateOnly date, CancellationToken ct) =>
        TenantCounter.ReceiptNumber(date.Year, await NextAsync(TenantCounter.Receipts(date.Year), ct));

    /// <summary>
    /// Increments a counter inside the current transaction. The update locks the counter's row until commit, so
    /// concurrent writers queue and a rollback gives the number back: the sequence has no gaps.
    /// </summary>
    private async Task<long> NextAsync(string name, CancellationToken ct)
    {
        if (await db.TenantCounters.Where(c => c.Name == name).ExecuteUpdateAsync(s => s.SetProperty(c => c.Value, c => c.Value + 1), ct) != 1)
            throw new InvalidOperationException($"Counter {name} is missing: list it in InTransactionAsync.");
        return await db.TenantCounters.Where(c => c.Name == name).Select(c => c.Value).SingleAsync(ct);
    }

    /// <summary>Counters are created before the transaction, so a race on their creation never aborts one.</summary>
    private async Task EnsureCountersAsync(IEnumerable<string> names, CancellationToken ct)
    {
        foreach (var name in names.Distinct())
        {
            if (await db.TenantCounters.AnyAsync(c => c.Name == name, ct)) continue;
            var counter = new TenantCounter(name);
            db.TenantCounters.Add(counter);
            try { await db.SaveChangesAsync(ct); }
            catch (DbUpdateException) { /* created at the same moment by another request */ }
            db.Entry(counter).State = EntityState.Detached;
        }
    }
}
