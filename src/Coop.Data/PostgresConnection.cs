using Npgsql;

namespace Coop.Data;

/// <summary>The app's PostgreSQL connection string, with the pool settings the tenancy design relies on.</summary>
public static class PostgresConnection
{
    /// <summary>
    /// <list type="bullet">
    /// <item><c>No Reset On Close</c>: Npgsql would otherwise send a reset batch (<c>RESET ALL; DISCARD TEMP; …</c>)
    /// with the first command after every pool checkout, which cost PostgreSQL more than the page's own queries. The
    /// only session state the app keeps is the tenant setting, and <see cref="Tenancy.PostgresTenantSessionInterceptor"/>
    /// sets it again on every open, before any other command; temporary tables are <c>ON COMMIT DROP</c>.</item>
    /// <item><c>Max Auto Prepare</c> (64 unless the string says otherwise): Npgsql prepares the statements it sees
    /// often, so PostgreSQL stops parsing and planning them on each execution.</item>
    /// </list>
    /// </summary>
    public static string ForApp(string connectionString)
    {
        var builder = new NpgsqlConnectionStringBuilder(connectionString) { NoResetOnClose = true };
        if (builder.MaxAutoPrepare == 0) builder.MaxAutoPrepare = 64;
        return builder.ConnectionString;
    }
}
