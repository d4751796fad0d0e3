using System.Diagnostics;
using System.Globalization;
using System.Text;
using Coop.Data;
using Coop.Data.Tenancy;
using Coop.Domain.Audience;
using Coop.Domain.Tenancy;
using Coop.Web.Features.Audience;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace Coop.Bench;

/// <summary>
/// Imports N contacts from a CSV file on PostgreSQL and exports them again, as the app does it: as the restricted
/// role, row-level security on, through <see cref="ContactImporter"/> and <see cref="ContactExport"/>. Every row
/// carries a consent proof, so the import also writes N ledger lines and N current consents.
/// </summary>
public static class AudienceBenchmark
{
    private static readonly string[] Slugs = ["theatre-bench", "cinema-bench"];

    public static async Task RunAsync(string cluster, int contacts)
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
            var app = new NpgsqlConnectionStringBuilder(cluster) { Database = name, Username = "coop_app", Password = "coop_app" }.ConnectionString;
            var now = DateTimeOffset.UtcNow;
            // Two cooperatives: the first import of the process pays for just-in-time compilation, the second does not.
            var tenants = Slugs.Select(slug =>
            {
                var t = new Tenant(slug, "Banc d'essai " + slug, LegalForm.Scic, Territory.Of("FR", "Bretagne", "Rennes"), TenantLocale.FrenchFrance,
                    "Europe/Paris", TenantCurrency.Euro, now);
                t.Activate();
                return t;
            }).ToList();
            await using (var db = new CoopDbContext(Options(owner, withTenant: false)))
            {
                await db.Database.MigrateAsync();
                await db.Database.ExecuteSqlRawAsync("ALTER ROLE coop_app WITH LOGIN PASSWORD 'coop_app'");
                db.Tenants.AddRange(tenants);
                await db.SaveChangesAsync();
            }
            var purposes = new Dictionary<Guid, Guid>();
            foreach (var tenant in tenants)
            {
                await using var db = Context(app, TenantInfo.From(tenant));
                var purpose = new Purpose("Lettre d'information", now);
                db.Purposes.Add(purpose);
                db.PurposeTexts.Add(purpose.Word("Je veux recevoir la lettre mensuelle.", now));
                await db.SaveChangesAsync();
                purposes[tenant.Id] = purpose.Id;
            }
            var info = TenantInfo.From(tenants[1]);

            var csv = Csv(contacts);
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"CSV of {contacts:N0} contacts: {csv.Length / 1024.0 / 1024.0:F1} MB, every row with a consent proof"));
            var mapping = new ImportMapping(0, 1, 2, 3, 4, 5, 6);
            for (var run = 0; run < 3; run++)
            {
                var read = Stopwatch.StartNew();
                var reading = ContactCsv.Read(csv, ImportEncoding.Utf8, mapping, now, CancellationToken.None);
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  reading and checking the file alone: {read.Elapsed.TotalMilliseconds:F0} ms ({reading.Rows.Count:N0} rows)"));
            }
            var importTimes = new List<double>();
            foreach (var (tenant, label) in new[] { (tenants[0], "first in the process (cold)"), (tenants[1], "into a second cooperative (warm)"), (tenants[1], "again, all known (updates)") })
            {
                var choices = new ImportChoices(ImportEncoding.Utf8, new ImportMapping(0, 1, 2, 3, 4, 5, 6), purposes[tenant.Id], "Import banc d'essai", SkipBadLines: false, DryRun: false);
                await using var db = Context(app, TenantInfo.From(tenant));
                var watch = Stopwatch.StartNew();
                var outcome = await new ContactImporter(db, new MemberMatch(db), TimeProvider.System).RunAsync(csv, "bench.csv", choices, CancellationToken.None);
                watch.Stop();
                importTimes.Add(watch.Elapsed.TotalSeconds);
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"import {label}: {watch.Elapsed.TotalSeconds:F2} s ({outcome.Inserted:N0} created, {outcome.Updated:N0} updated, {outcome.Consents:N0} consents, {outcome.Problems.Count} refused lines)"));
                if (outcome.Inserted + outcome.Updated != contacts || outcome.Problems.Count > 0) throw new InvalidOperationException("The import did not take every line.");
            }
            await using (var db = Context(app, info))
            {
                var counted = await db.Contacts.CountAsync();
                var consents = await db.ContactConsents.CountAsync();
                if (counted != contacts || consents != contacts) throw new InvalidOperationException($"{counted} contacts and {consents} consents, expected {contacts}.");
            }

            foreach (var format in new[] { "CSV", "JSON" })
            {
                var times = new List<double>();
                long bytes = 0;
                for (var run = 0; run < 4; run++)
                {
                    await using var db = Context(app, info);
                    var export = new ContactExport(db, new AudienceQueries(db));
                    var watch = Stopwatch.StartNew();
                    var file = format == "CSV" ? await export.CsvAsync(ContactFilter.All, CancellationToken.None) : await export.JsonAsync(ContactFilter.All, CancellationToken.None);
                    watch.Stop();
                    bytes = file.Length;
                    times.Add(watch.Elapsed.TotalSeconds);
                }
                var warm = times.Skip(1).Order().ToList();
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"export {format} of {contacts:N0} contacts ({bytes / 1024.0 / 1024.0:F1} MB): cold {times[0]:F2} s, warm median {warm[warm.Count / 2]:F2} s (target ≤ 2 s)"));
            }
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"import of {contacts:N0} contacts with their consents: cold {importTimes[0]:F2} s, warm {importTimes[1]:F2} s (target ≤ 3 s)"));
        }
        finally
        {
            NpgsqlConnection.ClearAllPools();
            await using var admin = new NpgsqlConnection(cluster);
            await admin.OpenAsync();
            await new NpgsqlCommand($"DROP DATABASE IF EXISTS {name} WITH (FORCE)", admin).ExecuteNonQueryAsync();
        }
    }

    private static byte[] Csv(int contacts)
    {
        var text = new StringBuilder(contacts * 110);
        text.Append("email;nom;telephone;code postal;tags;date consentement;source consentement\n");
        string[] tags = ["vélo", "théâtre", "jardin", "bénévole", "concerts"];
        for (var i = 0; i < contacts; i++)
            text.Append(CultureInfo.InvariantCulture,
                $"contact{i}@exemple.org;Personne {i};06 {i % 100:D2} {i / 100 % 100:D2} {i % 97:D2} {i % 89:D2};{35000 + i % 1000};{tags[i % 5]}, {tags[(i / 5) % 5]};2025-{1 + i % 12:D2}-{1 + i % 28:D2};Fiche papier salon {2020 + i % 6}\n");
        return Encoding.UTF8.GetBytes(text.ToString());
    }

    private static CoopDbContext Context(string connection, TenantInfo tenant)
    {
        var context = new TenantContext();
        context.Bind(tenant);
        return CoopDbContext.For(Options(connection, withTenant: true), context);
    }

    private static DbContextOptions<CoopDbContext> Options(string connection, bool withTenant)
    {
        var options = new DbContextOptionsBuilder<CoopDbContext>();
        Coop.Data.DependencyInjection.Configure(options, DatabaseProvider.Postgres, connection);
        if (withTenant) options.AddInterceptors(new PostgresTenantSessionInterceptor(), new TenantSaveInterceptor());
        return options.Options;
    }
}
