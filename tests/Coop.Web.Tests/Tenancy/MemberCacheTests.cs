using System.Net;
using Coop.Data;
using Coop.Data.Accounts;
using Coop.Data.Membership;
using Coop.Data.Tenancy;
using Coop.Domain.Membership;
using Coop.Domain.Tenancy;
using Coop.Web.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Npgsql;

namespace Coop.Web.Tests.Tenancy;

/// <summary>
/// On PostgreSQL, memberships are kept between requests, and any change to them, by any writer, reaches the cache:
/// a role changed by raw SQL (as a script or another node would) stops working once PostgreSQL notifies it.
/// </summary>
[TestFixture]
public sealed class MemberCacheTests() : AppFixture(DatabaseProvider.Postgres)
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(15);

    private MemberCache Cache => App.Services.GetRequiredService<MemberCache>();

    [Test]
    public async Task A_role_removed_by_raw_sql_stops_working_once_postgresql_notifies_it()
    {
        await Cache.WhenLive.WaitAsync(Patience);
        var (user, memberId) = await MemberRows.AddAdminAsync(App, World.A);
        await NotificationsDeliveredAsync(); // the insert's own notification must not land after the cache is warm
        var client = App.Visitor();
        await client.SignInAsync(user.Email!, World.Password);
        Assert.That((await client.GetAsync($"/c/{World.A.Slug}/admin/members")).Status, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(Cache.TryGet(World.A.Id, user.Id, out var cached) && cached!.Roles.HasFlag(MemberRoles.Admin), Is.True, "kept after the request");

        var evicted = EvictionOf(World.A.Id, user.Id);
        Assert.That(await MemberRows.DemoteByRawSqlAsync(App, World.A.Id, memberId), Is.EqualTo(1));
        await evicted.WaitAsync(Patience);

        Assert.That((await client.GetAsync($"/c/{World.A.Slug}/admin/members")).Status, Is.EqualTo(HttpStatusCode.Forbidden));
    }

    [Test]
    public async Task Kept_memberships_are_per_cooperative()
    {
        await Cache.WhenLive.WaitAsync(Patience);
        var (user, _) = await MemberRows.AddAdminAsync(App, World.A);
        await using (var scope = App.Services.GetRequiredService<TenantScopeFactory>().Begin(TenantInfo.From(World.B), "test"))
        {
            var db = scope.ServiceProvider.GetRequiredService<CoopDbContext>();
            db.Members.Add(new Member(user.Id, "Admin de A, membre de B", MemberRoles.Member, DateTimeOffset.UtcNow));
            await db.SaveChangesAsync();
        }
        await NotificationsDeliveredAsync();
        var client = App.Visitor();
        await client.SignInAsync(user.Email!, World.Password);
        for (var round = 0; round < 2; round++) // the second round is served from the cache
        {
            Assert.That((await client.GetAsync($"/c/{World.A.Slug}/admin/members")).Status, Is.EqualTo(HttpStatusCode.OK), $"A, round {round}");
            Assert.That((await client.GetAsync($"/c/{World.B.Slug}/admin/members")).Status, Is.EqualTo(HttpStatusCode.Forbidden), $"B, round {round}");
        }
        Assert.That(Cache.TryGet(World.B.Id, user.Id, out var inB) && inB!.TenantId == World.B.Id && !inB.Grants(MemberRoles.Admin), Is.True);
    }

    [Test]
    public async Task Without_notifications_every_request_reads_the_database()
    {
        await Cache.WhenLive.WaitAsync(Patience);
        var listener = App.Services.GetServices<IHostedService>().OfType<MemberChangeListener>().Single();
        var (user, memberId) = await MemberRows.AddAdminAsync(App, World.A);
        var client = App.Visitor();
        await client.SignInAsync(user.Email!, World.Password);
        Assert.That((await client.GetAsync($"/c/{World.A.Slug}/admin/members")).Status, Is.EqualTo(HttpStatusCode.OK));

        await listener.StopAsync(CancellationToken.None);
        try
        {
            Assert.That(Cache.IsLive, Is.False);
            await MemberRows.DemoteByRawSqlAsync(App, World.A.Id, memberId);
            Assert.That((await client.GetAsync($"/c/{World.A.Slug}/admin/members")).Status, Is.EqualTo(HttpStatusCode.Forbidden));
        }
        finally
        {
            await listener.StartAsync(CancellationToken.None);
        }
        await Cache.WhenLive.WaitAsync(Patience);
    }

    /// <summary>
    /// Notifications arrive in commit order: once a marker sent now is evicted, every earlier change has been too.
    /// </summary>
    private async Task NotificationsDeliveredAsync()
    {
        var marker = Guid.NewGuid();
        var delivered = EvictionOf(World.A.Id, marker);
        await using (var connection = await App.Database.OpenAsAppAsync(World.A.Id.ToString()))
        await using (var notify = new NpgsqlCommand("SELECT pg_notify(@channel, @payload)", connection))
        {
            notify.Parameters.AddWithValue("channel", MemberChangeListener.Channel);
            notify.Parameters.AddWithValue("payload", $"{World.A.Id}:{marker}");
            await notify.ExecuteNonQueryAsync();
        }
        await delivered.WaitAsync(Patience);
    }

    private Task EvictionOf(Guid tenantId, Guid userId)
    {
        var evicted = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        Cache.Evicted += (tenant, user) =>
        {
            if (tenant == tenantId && user == userId) evicted.TrySetResult();
        };
        return evicted.Task;
    }
}

/// <summary>With <c>Membership:Cache=false</c> nothing listens, the cache never goes live, and every request reads the row.</summary>
[TestFixture]
public sealed class MemberCacheOffTests() : AppFixture(DatabaseProvider.Postgres)
{
    protected override IReadOnlyDictionary<string, string?> Settings => new Dictionary<string, string?> { ["Membership:Cache"] = "false" };

    [Test]
    public async Task A_role_removed_by_raw_sql_stops_working_on_the_next_request()
    {
        Assert.That(App.Services.GetServices<IHostedService>().OfType<MemberChangeListener>(), Is.Empty);
        var (user, memberId) = await MemberRows.AddAdminAsync(App, World.A);
        var client = App.Visitor();
        await client.SignInAsync(user.Email!, World.Password);
        Assert.That((await client.GetAsync($"/c/{World.A.Slug}/admin/members")).Status, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(App.Services.GetRequiredService<MemberCache>().TryGet(World.A.Id, user.Id, out _), Is.False, "nothing kept");

        await MemberRows.DemoteByRawSqlAsync(App, World.A.Id, memberId);
        Assert.That((await client.GetAsync($"/c/{World.A.Slug}/admin/members")).Status, Is.EqualTo(HttpStatusCode.Forbidden));
    }
}

/// <summary>Membership rows for these tests: an admin added through EF, and a demotion by raw SQL (as a script would).</summary>
internal static class MemberRows
{
    public static async Task<(CoopUser User, Guid MemberId)> AddAdminAsync(CoopApp app, Tenant tenant)
    {
        var user = await World.UserAsync(app.Services, $"cached-{Guid.NewGuid():N}@test.coop", "En cache");
        await using var scope = app.Services.GetRequiredService<TenantScopeFactory>().Begin(TenantInfo.From(tenant), "test");
        var db = scope.ServiceProvider.GetRequiredService<CoopDbContext>();
        var member = new Member(user.Id, user.DisplayName, MemberRoles.Admin, DateTimeOffset.UtcNow);
        db.Members.Add(member);
        await db.SaveChangesAsync();
        return (user, member.Id);
    }

    public static async Task<int> DemoteByRawSqlAsync(CoopApp app, Guid tenantId, Guid memberId)
    {
        await using var connection = await app.Database.OpenAsAppAsync(tenantId.ToString());
        await using var update = new NpgsqlCommand("UPDATE members SET roles = @roles WHERE id = @id", connection);
        update.Parameters.AddWithValue("roles", (int)MemberRoles.Member);
        update.Parameters.AddWithValue("id", memberId);
        return await update.ExecuteNonQueryAsync();
    }
}
