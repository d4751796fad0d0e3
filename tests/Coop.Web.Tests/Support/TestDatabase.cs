using Coop.Data;
using Coop.Data.Tenancy;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace Coop.Web.Tests.Support;

/// <summary>
/// A fresh, migrated database per fixture. SQLite: a file in the temp folder. PostgreSQL: a database in the
/// throwaway cluster that <c>infra/test.sh</c> starts (its address in <c>COOP_TEST_POSTGRES</c>), migrated as the
/// owner role; the app then connects as the restricted <c>coop_app</c> role, with row-level security in force.
/// </summary>
public sealed class TestDatabase : IAsyncDisposable
{
    public const string PostgresVariable = "COOP_TEST_POSTGRES";

    private TestDatabase(DatabaseProvider provider, string appConnection, string ownerConnection, string? name)
    {
        Provider = provider;
        AppConnectionString = appConnection;
        OwnerConnectionString = ownerConnection;
        _name = name;
    }

    private readonly string? _name;
    public DatabaseProvider Provider { get; }
    public string AppConnectionString { get; }
    public string OwnerConnectionString { get; }

    public static async Task<TestDatabase> CreateAsync(DatabaseProvider provider)
    {
        TestDatabase database;
        if (provider == DatabaseProvider.Sqlite)
        {
            var folder = Path.Combine(Path.GetTempPath(), "coop-tests");
            Directory.CreateDirectory(folder);
            var file = Path.Combine(folder, $"{Guid.NewGuid():N}.db");
            database = new TestDatabase(provider, $"Data Source={file}", $"Data Source={file}", file);
        }
        else
        {
            var cluster = Environment.GetEnvironmentVariable(PostgresVariable);
            if (string.IsNullOrEmpty(cluster))
                Assert.Fail($"PostgreSQL tests need {PostgresVariable}: run the suite with infra/test.sh, which starts a throwaway cluster.");
            var name = $"coop_t_{Guid.NewGuid():N}";
            var admin = new NpgsqlConnectionStringBuilder(cluster);
            await using (var connection = new NpgsqlConnection(admin.ConnectionString))
            {
                await connection.OpenAsync();
                await using var create = new NpgsqlCommand($"CREATE DATABASE {name} OWNER coop_owner", connection);
                await create.ExecuteNonQueryAsync();
            }
            var owner = new NpgsqlConnectionStringBuilder(cluster) { Database = name, Username = "coop_owner", Pooling = false };
            var app = new NpgsqlConnectionStringBuilder(cluster) { Database = name, Username = "coop_app", Password = "coop_app" };
            database = new TestDatabase(provider, app.ConnectionString, owner.ConnectionString, name);
        }
        await database.MigrateAsync();
        return database;
    }

    public DbContextOptions<CoopDbContext> OwnerOptions()
    {
        var options = new DbContextOptionsBuilder<CoopDbContext>();
        Data.DependencyInjection.Configure(options, Provider, OwnerConnectionString);
        return options.Options;
    }

    /// <summary>
    /// A PostgreSQL connection of the app's restricted role, outside the app, as a script would open one; with
    /// <paramref name="tenantSetting"/> as its <c>coop.tenant_id</c> (the row-level security setting), or none.
    /// </summary>
    public async Task<NpgsqlConnection> OpenAsAppAsync(string? tenantSetting)
    {
        var connection = new NpgsqlConnection(AppConnectionString);
        await connection.OpenAsync();
        if (tenantSetting is not null)
        {
            await using var set = new NpgsqlCommand("SELECT set_config('coop.tenant_id', @t, false)", connection);
            set.Parameters.AddWithValue("t", tenantSetting);
            await set.ExecuteNonQueryAsync();
        }
        return connection;
    }

    private async Task MigrateAsync()
    {
        await using var owner = new CoopDbContext(OwnerOptions());
        await owner.Database.MigrateAsync();
        if (Provider == DatabaseProvider.Postgres)
            await owner.Database.ExecuteSqlAsync($"ALTER ROLE coop_app WITH LOGIN PASSWORD 'coop_app'");
    }

    public async ValueTask DisposeAsync()
    {
        if (Provider == DatabaseProvider.Sqlite)
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            foreach (var suffix in new[] { "", "-wal", "-shm" })
                if (File.Exists(_name + suffix)) File.Delete(_name + suffix);
            return;
        }
        NpgsqlConnection.ClearAllPools();
        await using var connection = new NpgsqlConnection(Environment.GetEnvironmentVariable(PostgresVariable));
        await connection.OpenAsync();
        await using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS {_name} WITH (FORCE)", connection);
        await drop.ExecuteNonQueryAsync();
    }
}
