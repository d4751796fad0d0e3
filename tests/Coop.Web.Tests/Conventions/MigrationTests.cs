using Coop.Data;
using Coop.Data.Tenancy;
using Coop.Web.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Coop.Web.Tests.Conventions;

[TestFixtureSource(typeof(AppFixture), nameof(AppFixture.Providers))]
public sealed class MigrationTests(DatabaseProvider provider)
{
    [Test]
    public async Task Migrations_match_the_model_and_all_apply_to_an_empty_database()
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var db = new CoopDbContext(database.OwnerOptions());
        Assert.That(db.Database.HasPendingModelChanges(), Is.False, $"Run dotnet ef migrations add for {provider} (see README).");
        var all = db.Database.GetMigrations().ToList();
        Assert.That(all, Is.Not.Empty);
        Assert.That(await db.Database.GetAppliedMigrationsAsync(), Is.EqualTo(all));
        Assert.That(await db.Database.GetPendingMigrationsAsync(), Is.Empty);
    }

    [Test]
    public void Both_providers_have_the_same_migration_names()
    {
        static List<string> Names(DatabaseProvider p)
        {
            var options = new DbContextOptionsBuilder<CoopDbContext>();
            Data.DependencyInjection.Configure(options, p, p == DatabaseProvider.Sqlite ? "Data Source=:memory:" : "Host=localhost");
            using var db = new CoopDbContext(options.Options);
            return db.Database.GetMigrations().ToList();
        }
        Assert.That(Names(DatabaseProvider.Sqlite), Is.EqualTo(Names(DatabaseProvider.Postgres)));
    }
}
