namespace Coop.Data.Work;

/// <summary>
/// Runs after a unit of work's changes are saved and before they commit, inside its transaction. Tests use one to
/// fail a use case at its last moment and check that nothing of it remains.
/// </summary>
public interface IUnitOfWorkHook
{
    Task BeforeCommitAsync(CoopDbContext db, CancellationToken ct);
}
