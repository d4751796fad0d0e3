using System.Diagnostics;
using System.Globalization;
using Coop.Data;
using Coop.Data.Accounts;
using Coop.Data.Tenancy;
using Coop.Domain.Community;
using Coop.Domain.Governance;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace Coop.Bench;

/// <summary>What the harness needs to know about a seeded database.</summary>
public sealed record WebTarget(string Database, string Slug, Guid TenantId, Guid VoteId, string Email, string Password);

/// <summary>
/// Seeds a database for the page benchmarks by binary COPY: N cooperatives, each with members, one members' space
/// full of posts (a comment on every fifth), and one open vote with a ballot from every member. The measured
/// cooperative is the one in the middle; its first member can sign in.
/// </summary>
public static class WebSeed
{
    public const string Password = "bench-password-2026";

    public static async Task<WebTarget> RunAsync(string cluster, string database, int tenants, int membersPerTenant, int postsPerTenant)
    {
        await using (var admin = new NpgsqlConnection(cluster))
        {
            await admin.OpenAsync();
            await new NpgsqlCommand($"DROP DATABASE IF EXISTS {database} WITH (FORCE)", admin).ExecuteNonQueryAsync();
            await new NpgsqlCommand($"CREATE DATABASE {database} OWNER coop_owner", admin).ExecuteNonQueryAsync();
        }
        var owner = new NpgsqlConnectionStringBuilder(cluster) { Database = database, Username = "coop_owner", Pooling = false }.ConnectionString;
        var options = new DbContextOptionsBuilder<CoopDbContext>();
        Coop.Data.DependencyInjection.Configure(options, DatabaseProvider.Postgres, owner);
        await using (var db = new CoopDbContext(options.Options))
        {
            await db.Database.MigrateAsync();
            await db.Database.ExecuteSqlRawAsync("ALTER ROLE coop_app WITH LOGIN PASSWORD 'coop_app'");
        }

        var watch = Stopwatch.StartNew();
        await using var c = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(cluster) { Database = database, CommandTimeout = 0 }.ConnectionString);
        await c.OpenAsync();
        var now = DateTime.UtcNow;
        var measured = tenants / 2;
        var tenantIds = Enumerable.Range(0, tenants).Select(_ => Guid.CreateVersion7()).ToArray();
        string Slug(int t) => string.Create(CultureInfo.InvariantCulture, $"coop-{t:D4}");
        await BulkCopy.CopyAsync(c, "tenants", tenants, t => new Dictionary<string, object>
        {
            ["id"] = tenantIds[t], ["slug"] = Slug(t), ["name"] = $"Coopérative {t}", ["legal_form"] = "Scic", ["state"] = "Active", ["locale"] = "fr-FR",
            ["time_zone_id"] = "Europe/Paris", ["currency"] = "EUR", ["created_at"] = now, ["proxies_allowed"] = true, ["share_nominal_value_minor"] = 2000L,
            ["active_member_count"] = membersPerTenant, ["community_thanks"] = true, ["new_member_days"] = 7, ["new_member_daily_posts"] = 5,
            ["wallet_minimum_top_up_minor"] = 500L,
        });

        var total = tenants * membersPerTenant;
        var users = Enumerable.Range(0, total).Select(_ => Guid.CreateVersion7()).ToArray();
        var members = Enumerable.Range(0, total).Select(_ => Guid.CreateVersion7()).ToArray();
        var email = string.Create(CultureInfo.InvariantCulture, $"m{measured * membersPerTenant}@bench.coop");
        var hash = new PasswordHasher<CoopUser>().HashPassword(new CoopUser(), Password);
        await BulkCopy.CopyAsync(c, "users", total, i => new Dictionary<string, object>
        {
            ["id"] = users[i], ["display_name"] = $"Membre {i}", ["user_name"] = $"m{i}@bench.coop", ["normalized_user_name"] = $"M{i}@BENCH.COOP",
            ["email"] = $"m{i}@bench.coop", ["normalized_email"] = $"M{i}@BENCH.COOP", ["email_confirmed"] = true, ["created_at"] = now,
            ["security_stamp"] = "BENCHSTAMP" + i.ToString(CultureInfo.InvariantCulture), ["concurrency_stamp"] = "x", ["preferred_locale"] = "fr-FR",
            ["lockout_enabled"] = true, ["password_hash"] = i == measured * membersPerTenant ? hash : "-",
        });
        await BulkCopy.CopyAsync(c, "members", total, i => new Dictionary<string, object>
        {
            ["tenant_id"] = tenantIds[i / membersPerTenant], ["id"] = members[i], ["user_id"] = users[i], ["display_name"] = $"Membre {i}",
            ["roles"] = i % membersPerTenant == 0 ? 1 | 8 : 1, ["status"] = "Active", ["status_changed_at"] = now.AddYears(-1), ["created_at"] = now.AddYears(-1),
            ["listed_in_directory"] = true,
        });

        var spaces = tenantIds.Select(_ => Guid.CreateVersion7()).ToArray();
        await BulkCopy.CopyAsync(c, "spaces", tenants, t => new Dictionary<string, object>
        {
            ["tenant_id"] = tenantIds[t], ["id"] = spaces[t], ["name"] = "Quartier", ["description"] = "Les nouvelles du quartier.", ["visibility"] = "Members",
            ["created_by_id"] = members[t * membersPerTenant], ["created_at"] = now.AddYears(-1),
        });
        var posts = tenants * postsPerTenant;
        var start = new DateTimeOffset(now.AddDays(-365));
        var postIds = new Guid[posts];
        await BulkCopy.CopyAsync(c, "posts", posts, i =>
        {
            var t = i / postsPerTenant;
            var at = start.AddSeconds(i % postsPerTenant * 30);
            postIds[i] = Guid.CreateVersion7(at);
            return new Dictionary<string, object>
            {
                ["tenant_id"] = tenantIds[t], ["id"] = postIds[i], ["space_id"] = spaces[t], ["author_id"] = members[t * membersPerTenant + i % membersPerTenant],
                ["title"] = i % 3 == 0 ? $"Atelier n° {i}" : DBNull.Value, ["body"] = $"Bonjour à toutes et à tous : **atelier {i}** samedi, venez nombreux. Plus d'informations [ici](https://example.org/{i}).",
                ["created_at"] = at.UtcDateTime, ["feed_key"] = FeedKey.Of(at, postIds[i]), ["comment_count"] = i % 5 == 0 ? 1 : 0,
            };
        });
        await BulkCopy.CopyAsync(c, "comments", posts / 5, k =>
        {
            var i = k * 5;
            var t = i / postsPerTenant;
            return new Dictionary<string, object>
            {
                ["tenant_id"] = tenantIds[t], ["id"] = Guid.CreateVersion7(), ["post_id"] = postIds[i], ["author_id"] = members[t * membersPerTenant + (i + 1) % membersPerTenant],
                ["body"] = "Je viens avec des outils.", ["created_at"] = start.AddSeconds(i % postsPerTenant * 30 + 60).UtcDateTime,
            };
        });

        // One open vote per cooperative, a ballot from every member (hash-chained by the domain's own Ballot).
        var votes = tenantIds.Select(_ => Guid.CreateVersion7()).ToArray();
        await BulkCopy.CopyAsync(c, "votes", tenants, t => new Dictionary<string, object>
        {
            ["tenant_id"] = tenantIds[t], ["id"] = votes[t], ["position"] = 0, ["title"] = "Ouvrir le samedi matin ?", ["body"] = "Proposition du conseil.", ["method"] = "Proposal",
            ["decision_type"] = "Consultation", ["options"] = "[]", ["max_choices_or_score"] = 1, ["status"] = "Open", ["convocation"] = "First",
            ["rule"] = "q=0/1 m=1/2 strict=1 base=VotesCast abst=0 blank=0 w=OneMemberOneVote bloc=3/5", ["blank_proxy"] = "FollowBoard", ["colleges"] = "[]",
            ["eligible_count"] = membersPerTenant, ["frozen_at"] = now, ["opened_at"] = now, ["closes_at"] = now.AddDays(30), ["outcome"] = "None", ["created_at"] = now,
            ["created_by_id"] = members[t * membersPerTenant],
        });
        await BulkCopy.CopyAsync(c, "voter_roll", total, i => new Dictionary<string, object>
            { ["tenant_id"] = tenantIds[i / membersPerTenant], ["id"] = Guid.CreateVersion7(), ["vote_id"] = votes[i / membersPerTenant], ["member_id"] = members[i], ["has_voted"] = true });
        string[] answers = ["for", "for", "against", "abstain", "for"];
        var chain = new Ballot[total];
        for (var t = 0; t < tenants; t++)
        {
            var previous = BallotChain.Genesis(votes[t]);
            for (var j = 0; j < membersPerTenant; j++)
            {
                var i = t * membersPerTenant + j;
                chain[i] = new Ballot(votes[t], j + 1, members[i], members[i], null, answers[i % answers.Length], null, Receipts.New(), null, BallotSource.Voter, now, previous);
                previous = chain[i].Hash;
            }
        }
        await BulkCopy.CopyAsync(c, "ballots", total, i => new Dictionary<string, object>
        {
            ["tenant_id"] = tenantIds[i / membersPerTenant], ["id"] = chain[i].Id, ["vote_id"] = votes[i / membersPerTenant], ["sequence"] = chain[i].Sequence,
            ["voter_id"] = members[i], ["cast_by_id"] = members[i], ["answer"] = chain[i].Answer, ["choice"] = chain[i].Choice!.Value.ToString(), ["receipt"] = chain[i].Receipt,
            ["source"] = "Voter", ["cast_at"] = now, ["is_current"] = true, ["previous_hash"] = chain[i].PreviousHash, ["hash"] = chain[i].Hash,
        });
        await new NpgsqlCommand("VACUUM ANALYZE", c).ExecuteNonQueryAsync();
        Console.Error.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"seeded {tenants:N0} cooperatives, {total:N0} members, {posts:N0} posts, {posts / 5:N0} comments, {total:N0} ballots in {watch.Elapsed.TotalSeconds:F1} s (binary COPY)"));
        return new WebTarget(database, Slug(measured), tenantIds[measured], votes[measured], email, Password);
    }

    /// <summary>Turns row-level security off or on for every table that has it (the app's own filters stay).</summary>
    public static async Task SetRowLevelSecurityAsync(string cluster, string database, bool on)
    {
        await using var c = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(cluster) { Database = database }.ConnectionString);
        await c.OpenAsync();
        var tables = new List<string>();
        await using (var command = new NpgsqlCommand("SELECT DISTINCT tablename FROM pg_policies WHERE schemaname = 'public'", c))
        await using (var reader = await command.ExecuteReaderAsync())
            while (await reader.ReadAsync()) tables.Add(reader.GetString(0));
        foreach (var table in tables)
            await new NpgsqlCommand($"ALTER TABLE {table} {(on ? "ENABLE" : "DISABLE")} ROW LEVEL SECURITY", c).ExecuteNonQueryAsync();
    }
}
