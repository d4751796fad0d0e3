using Microsoft.Extensions.Configuration;

namespace Coop.Data;

public enum DatabaseProvider
{
    Sqlite,
    Postgres,
}

/// <summary>
/// Which database the app uses. SQLite (a file under App_Data) is the embedded default so a fresh clone runs with
/// no server; PostgreSQL is the production provider, where the app connects as a restricted role
/// (<c>ConnectionStrings:Coop</c>) and migrations run as the owner (<c>ConnectionStrings:CoopOwner</c>).
/// </summary>
public sealed record DatabaseOptions(DatabaseProvider Provider, string ConnectionString, string OwnerConnectionString)
{
    public const string SqliteMigrationsAssembly = "Coop.Migrations.Sqlite";
    public const string PostgresMigrationsAssembly = "Coop.Migrations.Postgres";

    public static DatabaseOptions From(IConfiguration configuration)
    {
        var provider = Enum.Parse<DatabaseProvider>(configuration["Database:Provider"] ?? nameof(DatabaseProvider.Sqlite), ignoreCase: true);
        var app = configuration.GetConnectionString("Coop");
        if (string.IsNullOrWhiteSpace(app))
        {
            if (provider == DatabaseProvider.Postgres) throw new InvalidOperationException("ConnectionStrings:Coop is required for PostgreSQL.");
            app = "Data Source=App_Data/coop.db";
        }
        var owner = configuration.GetConnectionString("CoopOwner");
        return new DatabaseOptions(provider, app, string.IsNullOrWhiteSpace(owner) ? app : owner);
    }
}
