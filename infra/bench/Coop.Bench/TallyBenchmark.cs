using System.Diagnostics;
using System.Globalization;
using Coop.Data;
using Coop.Data.Tenancy;
using Coop.Domain.Governance;
using Coop.Domain.Tenancy;
using Coop.Web.Features.Governance;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace Coop.Bench;

/// <summary>
/// Tallies one resolution of N ballots over weighted colleges on PostgreSQL, as the app does it: as the restricted
/// role, row-level security on, through <see cref="VoteCounting"/>. Seeding (users, members, the frozen voter list,
/// the ballots) is binary COPY. Prints each run and the median of the warm runs.
/// </summary>
public static class TallyBenchmark
{
    private static readonly System.Text.Json.JsonSerializerOptions Json = new(System.Text.Json.JsonSerializerDefaults.Web);

    public static async Task RunAsync(string cluster, int ballots, int colleges)
    {
        var name = $"coop_bench_{Guid.NewGuid():N}"[..24];
        await using (var admin = new NpgsqlConnection(cluster))
        {
            await admin.OpenAsync();
            await new NpgsqlCommand($"CREATE DATABASE {name} OWNER coop_owner", admin).ExecuteNonQueryAsync();
        }
        try
        {
            var owner = new NpgsqlConnectionStringBuilder(cluster) { Database = name, Username = "coop_owner", Pooling = false }.ConnectionString;
            var super = new NpgsqlConnectionStringBuilder(cluster) { Database = name }.ConnectionString;
            var app = new NpgsqlConnectionStringBuilder(cluster) { Database = name, Username = "coop_app", Password = "coop_app" }.ConnectionString;
            await using (var db = new CoopDbContext(Options(owner, withTenant: false)))
            {
                await db.Database.MigrateAsync();
                await db.Database.ExecuteSqlRawAsync("ALTER ROLE coop_app WITH LOGIN PASSWORD 'coop_app'");
            }

            var seed = Stopwatch.StartNew();
            var (tenant, voteId) = await SeedAsync(super, ballots, colleges);
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"seeded {ballots:N0} members, voter list entries and ballots over {colleges} colleges in {seed.Elapsed.TotalSeconds:F1} s (binary COPY)"));

            var timings = new List<double>();
            VoteResult? result = null;
            for (var run = 0; run < 8; run++)
            {
                var context = new TenantContext();
                context.Bind(tenant);
                await using var db = CoopDbContext.For(Options(app, withTenant: true), context);
                var watch = Stopwatch.StartNew();
                var vote = await db.Votes.AsNoTracking().SingleAsync(v => v.Id == voteId);
                result = await new VoteCounting(db).CountAsync(vote, null, CancellationToken.None);
                watch.Stop();
                timings.Add(watch.Elapsed.TotalMilliseconds);
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  run {run + 1}: {watch.Elapsed.TotalMilliseconds:F1} ms{(run == 0 ? " (cold)" : "")}"));
            }
            var warm = timings.Skip(1).Order().ToList();
            var r = result!.Resolution!;
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"tally of {result.Ballots:N0} ballots over {colleges} colleges: median {warm[warm.Count / 2]:F1} ms, max {warm[^1]:F1} ms (target ≤ 100 ms); for {r.Counts.For}, against {r.Counts.Against}, weighted share {r.ForShare:P2}, {result.Outcome}"));
            if (result.Ballots != ballots) throw new InvalidOperationException($"Counted {result.Ballots} ballots, expected {ballots}.");
        }
        finally
        {
            NpgsqlConnection.ClearAllPools();
            await using var admin = new NpgsqlConnection(cluster);
            await admin.OpenAsync();
            await new NpgsqlCommand($"DROP DATABASE IF EXISTS {name} WITH (FORCE)", admin).ExecuteNonQueryAsync();
        }
    }

    private static DbContextOptions<CoopDbContext> Options(string connection, bool withTenant)
    {
        var options = new DbContextOptionsBuilder<CoopDbContext>();
        Coop.Data.DependencyInjection.Configure(options, DatabaseProvider.Postgres, connection);
        if (withTenant) options.AddInterceptors(new PostgresTenantSessionInterceptor());
        return options.Options;
    }

    /// <summary>As the superuser (seeding is not the app's job, and bypassing RLS here changes nothing that is measured).</summary>
    private static async Task<(TenantInfo Tenant, Guid VoteId)> SeedAsync(string super, int count, int collegeCount)
    {
        await using var c = new NpgsqlConnection(super);
        await c.OpenAsync();
        var now = DateTime.UtcNow;
        var tenant = new TenantInfo(Guid.CreateVersion7(), "scic-bench", "SCIC du banc d'essai", TenantState.Active, null, LegalForm.Scic, "fr-FR", "Europe/Paris", "EUR");
        await BulkCopy.CopyAsync(c, "tenants", 1, _ => new Dictionary<string, object>
        {
            ["id"] = tenant.Id, ["slug"] = tenant.Slug, ["name"] = tenant.Name, ["legal_form"] = "Scic", ["state"] = "Active", ["locale"] = "fr-FR",
            ["time_zone_id"] = "Europe/Paris", ["currency"] = "EUR", ["created_at"] = now, ["proxies_allowed"] = true, ["share_nominal_value_minor"] = 2000L,
        });
        var weights = Enumerable.Range(0, collegeCount).Select(i => 100 / collegeCount + (i < 100 % collegeCount ? 1 : 0)).ToArray();
        var colleges = Enumerable.Range(0, collegeCount).Select(i => new College(Guid.CreateVersion7(), $"Collège {i + 1}", weights[i])).ToList();
        await BulkCopy.CopyAsync(c, "voting_colleges", collegeCount, i => new Dictionary<string, object>
            { ["tenant_id"] = tenant.Id, ["id"] = colleges[i].Id, ["name"] = colleges[i].Name, ["weight_percent"] = colleges[i].WeightPercent });

        var users = Enumerable.Range(0, count).Select(_ => Guid.CreateVersion7()).ToArray();
        var members = Enumerable.Range(0, count).Select(_ => Guid.CreateVersion7()).ToArray();
        await BulkCopy.CopyAsync(c, "users", count, i => new Dictionary<string, object>
            { ["id"] = users[i], ["display_name"] = $"Membre {i}", ["user_name"] = $"m{i}@bench.coop", ["normalized_user_name"] = $"M{i}@BENCH.COOP", ["created_at"] = now });
        await BulkCopy.CopyAsync(c, "members", count, i => new Dictionary<string, object>
        {
            ["tenant_id"] = tenant.Id, ["id"] = members[i], ["user_id"] = users[i], ["display_name"] = $"Membre {i}", ["roles"] = 1, ["status"] = "Active",
            ["status_changed_at"] = now, ["created_at"] = now, ["listed_in_directory"] = true,
        });

        var voteId = Guid.CreateVersion7();
        var rule = $"q=1/4 m=1/2 strict=1 base=VotesCast abst=0 blank=0 w=CollegeShares bloc=3/5";
        var collegesJson = System.Text.Json.JsonSerializer.Serialize(colleges, Json);
        await BulkCopy.CopyAsync(c, "votes", 1, _ => new Dictionary<string, object>
        {
            ["tenant_id"] = tenant.Id, ["id"] = voteId, ["position"] = 0, ["title"] = "Résolution de référence", ["body"] = "", ["method"] = "Resolution",
            ["decision_type"] = "Consultation", ["options"] = "[]", ["max_choices_or_score"] = 1, ["status"] = "Open", ["convocation"] = "First", ["rule"] = rule,
            ["blank_proxy"] = "FollowBoard", ["colleges"] = collegesJson, ["eligible_count"] = count, ["frozen_at"] = now, ["opened_at"] = now,
            ["outcome"] = "None", ["created_at"] = now, ["created_by_id"] = members[0],
        });
        await BulkCopy.CopyAsync(c, "voter_roll", count, i => new Dictionary<string, object>
            { ["tenant_id"] = tenant.Id, ["id"] = Guid.CreateVersion7(), ["vote_id"] = voteId, ["member_id"] = members[i], ["college_id"] = colleges[i % collegeCount].Id, ["has_voted"] = true });

        // A deterministic mix of choices, chained by the domain's own Ballot (so the hashes are the app's).
        string[] answers = ["for", "for", "against", "abstain", "for", "blank", "against"];
        var previous = BallotChain.Genesis(voteId);
        var chain = new Ballot[count];
        for (var i = 0; i < count; i++)
        {
            chain[i] = new Ballot(voteId, i + 1, members[i], members[i], colleges[i % collegeCount].Id, answers[(i * 7 + i / 5) % answers.Length], null,
                Receipts.New(), null, BallotSource.Voter, now, previous);
            previous = chain[i].Hash;
        }
        await BulkCopy.CopyAsync(c, "ballots", count, i => new Dictionary<string, object>
        {
            ["tenant_id"] = tenant.Id, ["id"] = chain[i].Id, ["vote_id"] = voteId, ["sequence"] = chain[i].Sequence, ["voter_id"] = members[i], ["cast_by_id"] = members[i],
            ["college_id"] = colleges[i % collegeCount].Id, ["answer"] = chain[i].Answer, ["choice"] = chain[i].Choice!.Value.ToString(),
            ["receipt"] = chain[i].Receipt, ["source"] = "Voter", ["cast_at"] = now, ["is_current"] = true, ["previous_hash"] = chain[i].PreviousHash, ["hash"] = chain[i].Hash,
        });
        // As autovacuum would have by now: statistics and the visibility map (index-only scans).
        await new NpgsqlCommand("VACUUM ANALYZE", c).ExecuteNonQueryAsync();
        return (tenant, voteId);
    }
}
