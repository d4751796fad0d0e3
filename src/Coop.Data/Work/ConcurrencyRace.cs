using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace Coop.Data.Work;

/// <summary>The failures that mean "someone else got there first": worth running the whole use case again.</summary>
public static class ConcurrencyRace
{
    private const int SqliteBusy = 5, SqliteLocked = 6, SqliteConstraint = 19;
    private const int SqliteUnique = 2067, SqlitePrimaryKey = 1555;

    public static bool IsRace(Exception ex) => ex switch
    {
        DbUpdateConcurrencyException => true,
        DbUpdateException { InnerException: { } inner } => IsRace(inner),
        PostgresException pg => pg.SqlState is PostgresErrorCodes.UniqueViolation or PostgresErrorCodes.SerializationFailure
            or PostgresErrorCodes.DeadlockDetected or PostgresErrorCodes.LockNotAvailable,
        SqliteException sqlite => sqlite.SqliteErrorCode is SqliteBusy or SqliteLocked
            || (sqlite.SqliteErrorCode == SqliteConstraint && sqlite.SqliteExtendedErrorCode is SqliteUnique or SqlitePrimaryKey),
        _ => false,
    };
}
