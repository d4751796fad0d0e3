using Coop.Data.Membership;
using Coop.Data.Tenancy;
using Coop.Data.Work;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace Coop.Data;

public static class DependencyInjection
{
    public static IHostApplicationBuilder AddCoopData(this IHostApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var database = DatabaseOptions.From(builder.Configuration);
        builder.Services.AddSingleton(database);
        builder.Services.AddScoped<TenantContext>();
        builder.Services.AddSingleton<TenantScopeFactory>();
        builder.Services.AddSingleton<UserMemberships>();
        builder.Services.AddSingleton<TenantSaveInterceptor>();
        builder.Services.AddSingleton<PostgresTenantSessionInterceptor>();
        builder.Services.AddSingleton<MemberCache>();
        builder.Services.AddSingleton<MemberCacheInvalidator>();
        // The membership cache is live only on PostgreSQL, where a trigger notifies every change (SQLite is one
        // process reading a local file: the round trip it saves costs next to nothing there).
        if (database.Provider == DatabaseProvider.Postgres && builder.Configuration.GetValue("Membership:Cache", true))
            builder.Services.AddHostedService<MemberChangeListener>();
        builder.Services.AddPooledDbContextFactory<CoopDbContext>((services, options) =>
        {
            Configure(options, database.Provider, database.ConnectionString);
            options.AddInterceptors(services.GetRequiredService<TenantSaveInterceptor>());
            if (database.Provider == DatabaseProvider.Postgres)
                options.AddInterceptors(services.GetRequiredService<PostgresTenantSessionInterceptor>(), services.GetRequiredService<MemberCacheInvalidator>());
        });
        builder.Services.AddScoped(PooledCoopDbContext.Lease);
        builder.Services.AddScoped<UnitOfWork>();
        return builder;
    }

    /// <summary>Provider and migrations assembly; shared by the app, the design-time factories and the tests.</summary>
    public static DbContextOptionsBuilder Configure(DbContextOptionsBuilder options, DatabaseProvider provider, string connectionString)
    {
        ArgumentNullException.ThrowIfNull(options);
        return provider switch
        {
            DatabaseProvider.Sqlite => options.UseSqlite(connectionString, o => o.MigrationsAssembly(DatabaseOptions.SqliteMigrationsAssembly)),
            DatabaseProvider.Postgres => options.UseNpgsql(PostgresConnection.ForApp(connectionString), o => o.MigrationsAssembly(DatabaseOptions.PostgresMigrationsAssembly)),
            _ => throw new ArgumentOutOfRangeException(nameof(provider)),
        };
    }
}
