using Coop.Data;
using Coop.Data.Tenancy;
using Coop.Web.Features.Demo;
using Microsoft.EntityFrameworkCore;

namespace Coop.Web.Infrastructure;

public static class DatabaseSetup
{
    /// <summary>
    /// Applies pending migrations as the owner role (<c>ConnectionStrings:CoopOwner</c>; on SQLite the same file).
    /// The app's own context, connected as the restricted role, never runs DDL.
    /// </summary>
    public static async Task MigrateDatabaseAsync(this IServiceProvider services)
    {
        var database = services.GetRequiredService<DatabaseOptions>();
        if (database.Provider == DatabaseProvider.Sqlite)
        {
            var file = new Microsoft.Data.Sqlite.SqliteConnectionStringBuilder(database.OwnerConnectionString).DataSource;
            var folder = Path.GetDirectoryName(Path.GetFullPath(file));
            if (!string.IsNullOrEmpty(folder)) Directory.CreateDirectory(folder);
        }
        var options = new DbContextOptionsBuilder<CoopDbContext>();
        Data.DependencyInjection.Configure(options, database.Provider, database.OwnerConnectionString);
        await using var owner = new CoopDbContext(options.Options);
        await owner.Database.MigrateAsync();
        services.GetRequiredService<ILoggerFactory>().CreateLogger("Coop.Migrations")
            .LogInformation("Database migrated ({Provider})", database.Provider);
    }

    /// <summary>
    /// At start-up: migrate when configured (on by default for the embedded SQLite database, off for PostgreSQL,
    /// where the documented <c>migrate</c> command does it as the owner), then seed the demo into an empty database.
    /// </summary>
    public static async Task PrepareDatabaseAsync(this WebApplication app)
    {
        var database = app.Services.GetRequiredService<DatabaseOptions>();
        if (app.Configuration.GetValue("Database:MigrateOnStartup", database.Provider == DatabaseProvider.Sqlite))
            await app.Services.MigrateDatabaseAsync();
        if (app.Configuration.GetValue("Demo:Seed", database.Provider == DatabaseProvider.Sqlite))
        {
            await app.Services.GetRequiredService<DemoSeeder>().SeedIfEmptyAsync(CancellationToken.None);
            app.Lifetime.ApplicationStarted.Register(() => Console.WriteLine(DemoSeeder.Banner(app.Urls)));
        }
    }
}
