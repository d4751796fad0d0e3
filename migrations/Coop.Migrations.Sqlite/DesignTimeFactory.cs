using Coop.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace Coop.Migrations.Sqlite;

/// <summary>Lets <c>dotnet ef</c> build the model for this provider; it never connects to a database.</summary>
public sealed class DesignTimeFactory : IDesignTimeDbContextFactory<CoopDbContext>
{
    public CoopDbContext CreateDbContext(string[] args)
    {
        var options = new DbContextOptionsBuilder<CoopDbContext>();
        Coop.Data.DependencyInjection.Configure(options, DatabaseProvider.Sqlite, "Data Source=design.db");
        return new CoopDbContext(options.Options);
    }
}
