using Coop.Data.Tenancy;
using Microsoft.EntityFrameworkCore;

namespace Coop.Data.Outbox;

/// <summary>
/// Claims a batch of due messages for this node. On PostgreSQL the claim is one statement with
/// <c>FOR UPDATE SKIP LOCKED</c>, so several app nodes never send the same message; SQLite serialises writers, so a
/// plain update in a transaction is enough there. The sender is the one reader of every cooperative's mail: it
/// steps around the tenant filter here, and only here.
/// </summary>
public static class OutboxClaims
{
    public static readonly TimeSpan Lease = TimeSpan.FromMinutes(5);

    public static async Task<List<OutboxMessage>> ClaimDueAsync(CoopDbContext db, DateTimeOffset now, int batchSize, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        var leaseEnd = now + Lease;
        if (db.Database.IsNpgsql())
        {
            return await db.OutboxMessages.FromSql($"""
                UPDATE outbox_messages SET locked_until = {leaseEnd}
                WHERE id IN (
                    SELECT id FROM outbox_messages
                    WHERE sent_at IS NULL AND NOT abandoned AND next_attempt_at <= {now}
                      AND (locked_until IS NULL OR locked_until < {now})
                    ORDER BY next_attempt_at
                    LIMIT {batchSize}
                    FOR UPDATE SKIP LOCKED)
                RETURNING *
                """).IgnoreQueryFilters([ModelScope.TenantFilter]).AsNoTracking().ToListAsync(ct);
        }

        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var due = await db.OutboxMessages.IgnoreQueryFilters([ModelScope.TenantFilter])
            .Where(m => m.SentAt == null && !m.Abandoned && m.NextAttemptAt <= now && (m.LockedUntil == null || m.LockedUntil < now))
            .OrderBy(m => m.NextAttemptAt).Take(batchSize).ToListAsync(ct);
        foreach (var message in due) db.Entry(message).Property(m => m.LockedUntil).CurrentValue = leaseEnd;
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        foreach (var message in due) db.Entry(message).State = EntityState.Detached;
        return due;
    }
}
