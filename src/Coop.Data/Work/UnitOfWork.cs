using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace Coop.Data.Work;

/// <summary>
/// The one owner of a use case's unit of work. The use case adds and changes rows, audit lines and outbox mails on
/// the scope's context; <see cref="RunAsync{T}"/> saves them once and commits them once, in one transaction, so
/// all exist or none does. When a concurrent writer wins a race (a concurrency token, a unique index, a lock or a
/// serialisation failure), the whole use case runs again from a clean change tracker, up to
/// <see cref="Attempts"/> times, then <see cref="ConcurrentChangeException"/> says the data is busy.
/// Use cases never call <c>SaveChangesAsync</c> or <c>BeginTransactionAsync</c> themselves.
/// </summary>
public sealed class UnitOfWork(CoopDbContext db, IEnumerable<IUnitOfWorkHook> hooks, ILogger<UnitOfWork> logger)
{
    public const int Attempts = 8;

    public async Task<T> RunAsync<T>(Func<CancellationToken, Task<T>> work, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(work);
        if (db.Database.CurrentTransaction is not null)
            throw new InvalidOperationException("A unit of work is already running on this scope: compose use cases inside one RunAsync.");
        for (var attempt = 1; ; attempt++)
        {
            // What the caller loaded before the work is kept on the first attempt; a retry starts from the database.
            if (attempt > 1) db.ChangeTracker.Clear();
            await using var transaction = await db.Database.BeginTransactionAsync(ct);
            try
            {
                var result = await work(ct);
                await db.SaveChangesAsync(ct);
                foreach (var hook in hooks) await hook.BeforeCommitAsync(db, ct);
                await transaction.CommitAsync(ct);
                return result;
            }
            catch (Exception ex) when (ConcurrencyRace.IsRace(ex))
            {
                await transaction.RollbackAsync(CancellationToken.None);
                if (attempt >= Attempts) throw new ConcurrentChangeException(ex);
                logger.LogDebug(ex, "Unit of work collided with a concurrent change, attempt {Attempt}", attempt);
            }
            catch
            {
                db.ChangeTracker.Clear();
                throw;
            }
        }
    }

    public Task RunAsync(Func<CancellationToken, Task> work, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(work);
        return RunAsync(async token => { await work(token); return true; }, ct);
    }
}
