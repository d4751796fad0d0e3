using System.Collections.Concurrent;
using System.Net;
using Coop.Data;
using Coop.Data.Outbox;
using Coop.Data.Tenancy;
using Coop.Domain.Tenancy;
using Coop.Web.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Coop.Web.Tests.Tenancy;

/// <summary>
/// Isolation that holds whatever a feature's code does: mail, jobs that visit every cooperative, and state changes
/// that must reach every way a cooperative is found.
/// </summary>
[TestFixtureSource(typeof(AppFixture), nameof(AppFixture.Providers))]
public sealed class IsolationByConstructionTests(DatabaseProvider provider) : AppFixture(provider)
{
    [Test]
    public async Task A_cooperative_reads_and_writes_only_its_own_mail()
    {
        var scopes = App.Services.GetRequiredService<TenantScopeFactory>();
        var clock = DateTimeOffset.UtcNow;
        foreach (var tenant in new[] { World.A, World.B })
        {
            await using var scope = scopes.Begin(TenantInfo.From(tenant), "test mail");
            var db = scope.ServiceProvider.GetRequiredService<CoopDbContext>();
            db.OutboxMessages.Add(new OutboxMessage(tenant.Id, $"to-{tenant.Slug}@test.coop", "Sujet", "Texte", "<p>Texte</p>", clock));
            await db.SaveChangesAsync();
        }

        await using (var scope = scopes.Begin(TenantInfo.From(World.A), "test mail"))
        {
            var db = scope.ServiceProvider.GetRequiredService<CoopDbContext>();
            var seen = await db.OutboxMessages.Select(m => m.To).ToListAsync();
            Assert.That(seen, Does.Contain($"to-{World.A.Slug}@test.coop"));
            Assert.That(seen, Has.None.Contains(World.B.Slug), "B's mail is not A's to read");

            db.OutboxMessages.Add(new OutboxMessage(World.B.Id, "forged@test.coop", "Sujet", "Texte", "<p>Texte</p>", clock));
            Assert.ThrowsAsync<CrossTenantWriteException>(() => db.SaveChangesAsync());
        }

        await using (var platform = App.Services.CreateAsyncScope())
        {
            var db = platform.ServiceProvider.GetRequiredService<CoopDbContext>();
            Assert.That(await db.OutboxMessages.AnyAsync(m => m.TenantId != null), Is.False, "a context bound to no cooperative sees no cooperative's mail");
        }
    }

    [Test]
    public async Task A_cooperative_whose_job_fails_never_stops_the_others()
    {
        var logs = new ErrorLog();
        var jobs = new TenantScopeFactory(App.Services.GetRequiredService<IServiceScopeFactory>(), logs);
        var visited = new ConcurrentBag<Guid>();

        await jobs.ForEachOpenTenantAsync("test job", async (services, tenant) =>
        {
            // Each visit sees only its own cooperative's rows.
            var db = services.GetRequiredService<CoopDbContext>();
            var tenants = await db.Members.Select(m => m.TenantId).Distinct().ToListAsync();
            Assert.That(tenants, Is.EqualTo(new[] { tenant.Id }).Or.Empty);
            if (tenant.Id == World.A.Id) throw new InvalidOperationException("cooperative A's job broke");
            visited.Add(tenant.Id);
        }, CancellationToken.None);

        Assert.That(visited, Does.Contain(World.B.Id), "B's job ran although A's failed");
        Assert.That(logs.Errors, Has.Some.Contains(World.A.Slug).And.Some.Contains("test job"));
    }

    [Test]
    public async Task Suspending_a_cooperative_takes_effect_at_once_on_its_custom_host()
    {
        var host = $"{Guid.NewGuid():N}.example.org";
        var tenant = new Tenant($"h-{Guid.NewGuid():N}"[..20], "Coop des quais", LegalForm.Scop, Territory.Of("FR", "Bretagne", "Brest"),
            TenantLocale.FrenchFrance, "Europe/Paris", TenantCurrency.Euro, DateTimeOffset.UtcNow);
        tenant.Activate();
        tenant.MapHost(host);
        await using (var scope = App.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<CoopDbContext>();
            db.Tenants.Add(tenant);
            await db.SaveChangesAsync();
        }
        var visitor = App.Visitor();
        visitor.Http.DefaultRequestHeaders.Host = host;
        Assert.That((await visitor.GetAsync("/")).Status, Is.EqualTo(HttpStatusCode.OK), "the host is now cached as open");

        var op = await World.OperatorAsync(App);
        await op.SubmitAsync("/platform", $"/platform/{tenant.Id}/suspend", new Dictionary<string, string> { ["Reason"] = "Impayé d'hébergement" });

        var closed = await visitor.GetAsync("/");
        Assert.That(closed.Status, Is.EqualTo(HttpStatusCode.Forbidden));
        Assert.That(closed.Contains("Impayé d'hébergement"), Is.True);
    }

    private sealed class ErrorLog : ILogger<TenantScopeFactory>
    {
        public ConcurrentBag<string> Errors { get; } = [];
        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;
        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            if (logLevel >= LogLevel.Error) Errors.Add(formatter(state, exception));
        }
    }
}
