using Coop.Data;
using Coop.Data.Tenancy;
using Coop.Web.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace Coop.Web.Tests.Tenancy;

/// <summary>
/// PostgreSQL's row-level security, the last line of defence: as the app's role, raw SQL that bypasses EF's
/// filter still sees and writes only the tenant named by the connection's setting.
/// </summary>
[TestFixture]
public sealed class RowLevelSecurityTests() : AppFixture(DatabaseProvider.Postgres)
{
    [Test]
    public async Task The_app_role_is_neither_owner_superuser_nor_bypassrls()
    {
        await using var connection = await App.Database.OpenAsAppAsync(null);
        await using var command = new NpgsqlCommand(
            "SELECT rolsuper, rolbypassrls, (SELECT count(*) FROM pg_tables WHERE schemaname = 'public' AND tableowner = current_user) FROM pg_roles WHERE rolname = current_user",
            connection);
        await using var reader = await command.ExecuteReaderAsync();
        Assert.That(await reader.ReadAsync(), Is.True);
        Assert.That(reader.GetBoolean(0), Is.False, "superuser");
        Assert.That(reader.GetBoolean(1), Is.False, "bypassrls");
        Assert.That(reader.GetInt64(2), Is.Zero, "owns tables");
    }

    [Test]
    public async Task Every_tenant_table_forces_row_level_security_with_a_policy()
    {
        await using var db = new CoopDbContext(new TestDatabaseOptions(App).Owner);
        var tenantTables = db.Model.GetEntityTypes().Where(e => (string?)e[ModelScope.Annotation] == ModelScope.Tenant).Select(e => e.GetTableName()!).ToList();
        Assert.That(tenantTables, Is.Not.Empty);
        await using var connection = await App.Database.OpenAsAppAsync(null);
        foreach (var table in tenantTables)
        {
            await using var command = new NpgsqlCommand(
                "SELECT c.relrowsecurity, c.relforcerowsecurity, (SELECT count(*) FROM pg_policies p WHERE p.tablename = c.relname) FROM pg_class c WHERE c.relname = @t", connection);
            command.Parameters.AddWithValue("t", table);
            await using var reader = await command.ExecuteReaderAsync();
            Assert.That(await reader.ReadAsync(), Is.True, table);
            Assert.That((reader.GetBoolean(0), reader.GetBoolean(1), reader.GetInt64(2) > 0), Is.EqualTo((true, true, true)), table);
        }
    }

    [TestCase(null, Description = "no setting")]
    [TestCase("", Description = "empty setting")]
    [TestCase("00000000-0000-0000-0000-000000000001", Description = "unknown tenant")]
    public async Task Raw_sql_without_the_right_tenant_sees_no_rows(string? setting)
    {
        await using var connection = await App.Database.OpenAsAppAsync(setting);
        await using var command = new NpgsqlCommand("SELECT count(*) FROM members", connection);
        Assert.That(await command.ExecuteScalarAsync(), Is.EqualTo(0L));
    }

    [Test]
    public async Task Raw_sql_sees_only_the_tenant_set_on_the_connection_and_cannot_write_another()
    {
        await using var connection = await App.Database.OpenAsAppAsync(World.A.Id.ToString());
        await using (var count = new NpgsqlCommand("SELECT count(DISTINCT tenant_id), min(tenant_id::text) FROM members", connection))
        await using (var reader = await count.ExecuteReaderAsync())
        {
            await reader.ReadAsync();
            Assert.That(reader.GetInt64(0), Is.EqualTo(1));
            Assert.That(reader.GetString(1), Is.EqualTo(World.A.Id.ToString()));
        }

        await using var insert = new NpgsqlCommand(
            "INSERT INTO members (tenant_id, id, user_id, display_name, roles, status, status_changed_at, created_at) " +
            "VALUES (@b, gen_random_uuid(), @u, 'Intrus', 9, 'Active', now(), now())", connection);
        insert.Parameters.AddWithValue("b", World.B.Id);
        insert.Parameters.AddWithValue("u", World.MemberA.Id);
        var error = Assert.ThrowsAsync<PostgresException>(() => insert.ExecuteNonQueryAsync());
        Assert.That(error!.SqlState, Is.EqualTo(PostgresErrorCodes.InsufficientPrivilege), "row-level security violation");

        await using var update = new NpgsqlCommand("UPDATE members SET roles = 15 WHERE tenant_id = @b", connection);
        update.Parameters.AddWithValue("b", World.B.Id);
        Assert.That(await update.ExecuteNonQueryAsync(), Is.Zero);
    }

    [Test]
    public async Task The_own_memberships_setting_shows_one_persons_rows_read_only()
    {
        await using var connection = await App.Database.OpenAsAppAsync(null);
        await using (var set = new NpgsqlCommand("SELECT set_config('coop.user_id', @u, false)", connection))
        {
            set.Parameters.AddWithValue("u", World.Both.Id.ToString());
            await set.ExecuteNonQueryAsync();
        }
        await using (var count = new NpgsqlCommand("SELECT count(*), count(DISTINCT user_id) FROM members", connection))
        await using (var reader = await count.ExecuteReaderAsync())
        {
            await reader.ReadAsync();
            Assert.That((reader.GetInt64(0), reader.GetInt64(1)), Is.EqualTo((2L, 1L)), "both memberships of that person, no one else's");
        }
        await using var update = new NpgsqlCommand("UPDATE members SET roles = 15 WHERE user_id = @u", connection);
        update.Parameters.AddWithValue("u", World.Both.Id);
        Assert.That(await update.ExecuteNonQueryAsync(), Is.Zero, "read-only");
    }

    [Test]
    public async Task A_pooled_connection_never_carries_the_previous_tenant()
    {
        // Same pool (same connection string): a tenant-bound context, then a tenantless one.
        await using (var scope = App.Services.GetRequiredService<TenantScopeFactory>().Begin(TenantInfo.From(World.A), "test"))
        {
            var db = scope.ServiceProvider.GetRequiredService<CoopDbContext>();
            Assert.That(await db.Members.CountAsync(), Is.GreaterThan(0));
        }
        await using (var scope = App.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<CoopDbContext>();
            var raw = await db.Database.SqlQuery<int>($"SELECT count(*)::int AS \"Value\" FROM members").SingleAsync();
            Assert.That(raw, Is.Zero);
        }
    }

    private sealed class TestDatabaseOptions(CoopApp app)
    {
        public DbContextOptions<CoopDbContext> Owner => app.Database.OwnerOptions();
    }
}
