using Coop.Data;

namespace Coop.Web.Tests.Support;

/// <summary>
/// Base for integration fixtures: each runs once on SQLite and once on PostgreSQL, with its own database, SMTP
/// listener, app and two-cooperative world. Derived fixtures declare
/// <c>[TestFixtureSource(typeof(AppFixture), nameof(AppFixture.Providers))]</c>.
/// </summary>
public abstract class AppFixture(DatabaseProvider provider)
{
    public static readonly object[] Providers = [DatabaseProvider.Sqlite, DatabaseProvider.Postgres];

    protected DatabaseProvider Provider { get; } = provider;
    protected CoopApp App { get; private set; } = null!;
    protected World World { get; private set; } = null!;
    private TestDatabase _database = null!;
    private SmtpSink _smtp = null!;

    protected virtual IReadOnlyDictionary<string, string?>? Settings => null;

    [OneTimeSetUp]
    public async Task StartAppAsync()
    {
        _database = await TestDatabase.CreateAsync(Provider);
        _smtp = new SmtpSink();
        App = new CoopApp(_database, _smtp, Settings);
        World = await World.CreateAsync(App.Services);
    }

    [OneTimeTearDown]
    public async Task StopAppAsync()
    {
        await App.DisposeAsync();
        await _smtp.DisposeAsync();
        await _database.DisposeAsync();
    }
}
