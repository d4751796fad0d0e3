using Coop.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace Coop.Migrations.Postgres;

/// <summary>Lets <c>dotnet ef</c> build the model for this provider; it never connects to a database.</summary>
public sealed class DesignTimeFactory : IDesignTimeDbContextFactory<CoopDbContext>
{
    public CoopDbContext CreateDbContext(string[] args)
    {
        var options = new DbContextOptionsBuilder<CoopDbContext>();
        Coop.Data.DependencyInjection.Configure(options, DatabaseProvider.Postgres, "Host=localhost;Database=coop_design;Username=coop_owner");
        return new CoopDbContext(options.Options);
    }
}
