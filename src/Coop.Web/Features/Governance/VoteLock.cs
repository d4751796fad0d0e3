using Coop.Data;
using Microsoft.EntityFrameworkCore;

namespace Coop.Web.Features.Governance;

/// <summary>
/// Serialises the writes to one ballot box. On PostgreSQL the vote's row is locked for the rest of the transaction,
/// so ballots queue instead of colliding, and a close waits for the ballots in flight (none can commit after the
/// count). SQLite transactions already start with the database's write lock, so there is nothing more to take.
/// </summary>
public static class VoteLock
{
    public static async Task AcquireAsync(CoopDbContext db, Guid voteId, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        if (!db.Database.IsNpgsql()) return;
        await db.Database.ExecuteSqlInterpolatedAsync($"SELECT 1 FROM votes WHERE tenant_id = {db.TenantId} AND id = {voteId} FOR UPDATE", ct);
    }
}
