using Coop.Data;
using Coop.Domain.Audience;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using Npgsql;
using NpgsqlTypes;

namespace Coop.Web.Features.Audience;

/// <summary>What the person chose beside the column mapping.</summary>
public sealed record ImportChoices(ImportEncoding Encoding, ImportMapping Mapping, Guid? PurposeId, string Source, bool SkipBadLines, bool DryRun);

/// <summary>
/// The import's result, dry or not: how many contacts are new, how many existed, how many lines were refused and
/// why, how many consents were recorded, and how many were not because the person had withdrawn before.
/// </summary>
public sealed record ImportOutcome(int Lines, int Inserted, int Updated, int Consents, int ConsentsRefused, IReadOnlyList<ImportProblem> Problems, bool Written);

/// <summary>
/// Writes a checked CSV reading into the cooperative's contacts: new addresses become contacts, known ones are
/// completed, and rows with a proof (date and source) get a consent to the chosen purpose, unless the person once
/// withdrew it. All or nothing: with refused lines and without "skip bad lines", nothing is written. On PostgreSQL
/// the rows travel by binary COPY into a temporary table and are merged by one statement; SQLite goes through EF.
/// </summary>
public sealed class ContactImporter(CoopDbContext db, MemberMatch members, TimeProvider clock)
{
    public async Task<ImportOutcome> RunAsync(byte[] content, string fileName, ImportChoices choices, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(choices);
        var now = clock.GetUtcNow();
        var purpose = choices.PurposeId is { } pid
            ? await db.Purposes.FirstOrDefaultAsync(p => p.Id == pid, ct) ?? throw new AudienceException("Audience.PurposeUnknown")
            : null;
        if (purpose is { CurrentVersion: < 1 }) throw new AudienceException("Audience.PurposeHasNoText");
        var reading = ContactCsv.Read(content, choices.Encoding, choices.Mapping, now, ct);
        var blocked = reading.Problems.Count > 0 && !choices.SkipBadLines;
        if (choices.DryRun || blocked)
        {
            var existing = await ExistingAsync(reading.Rows.Select(r => r.EmailNormalized).ToList(), ct);
            var withProof = purpose is null ? 0 : reading.Rows.Count(r => r.ConsentAt is not null);
            return new ImportOutcome(reading.Lines, reading.Rows.Count - existing, existing, withProof, 0, reading.Problems, Written: false);
        }
        var evidence = $"{fileName}";
        var (inserted, updated, given, refused) = db.Database.IsNpgsql()
            ? await WriteWithCopyAsync(reading.Rows, purpose, choices.Source, evidence, now, ct)
            : await WriteWithEfAsync(reading.Rows, purpose, choices.Source, evidence, now, ct);
        return new ImportOutcome(reading.Lines, inserted, updated, given, refused, reading.Problems, Written: true);
    }

    private async Task<int> ExistingAsync(List<string> emails, CancellationToken ct)
    {
        var count = 0;
        foreach (var chunk in emails.Chunk(1000))
            count += await db.Contacts.CountAsync(c => chunk.Contains(c.EmailNormalized), ct);
        return count;
    }

    private async Task<(int, int, int, int)> WriteWithEfAsync(IReadOnlyList<ImportRow> rows, Purpose? purpose, string source, string file, DateTimeOffset now, CancellationToken ct)
    {
        int inserted = 0, updated = 0, given = 0, refused = 0;
        var withdrawn = purpose is null ? [] : (await db.ConsentRecords.Where(r => r.PurposeId == purpose.Id && !r.Given).Select(r => r.ContactId).ToListAsync(ct)).ToHashSet();
        var consenting = purpose is null ? [] : (await db.ContactConsents.Where(c => c.PurposeId == purpose.Id).Select(c => c.ContactId).ToListAsync(ct)).ToHashSet();
        foreach (var chunk in rows.Chunk(1000))
        {
            var keys = chunk.Select(r => r.EmailNormalized).ToList();
            var known = await db.Contacts.Where(c => keys.Contains(c.EmailNormalized)).ToDictionaryAsync(c => c.EmailNormalized, ct);
            foreach (var row in chunk)
            {
                if (known.TryGetValue(row.EmailNormalized, out var contact))
                {
                    contact.Rectify(row.Name ?? contact.Name, row.Phone ?? contact.Phone, row.PostalCode ?? contact.PostalCode);
                    contact.AddTags(Contact.ParseTags(row.Tags));
                    updated++;
                }
                else
                {
                    contact = new Contact(row.Name ?? LocalPart(row.Email), row.Email, row.Phone, row.PostalCode, Contact.ParseTags(row.Tags), source, now);
                    db.Contacts.Add(contact);
                    inserted++;
                }
                if (purpose is null || row.ConsentAt is null || consenting.Contains(contact.Id)) continue;
                if (withdrawn.Contains(contact.Id)) { refused++; continue; }
                var record = ConsentRecord.Give(contact.Id, purpose.Id, purpose.CurrentVersion, ConsentChannel.Import, Evidence(row, file), row.ConsentAt.Value, now);
                db.ConsentRecords.Add(record);
                db.ContactConsents.Add(new ContactConsent(contact.Id, purpose.Id, record.Id, record.Version, record.At));
                consenting.Add(contact.Id);
                given++;
            }
        }
        await db.SaveChangesAsync(ct);
        await members.LinkAllAsync(ct);
        return (inserted, updated, given, refused);
    }

    private async Task<(int, int, int, int)> WriteWithCopyAsync(IReadOnlyList<ImportRow> rows, Purpose? purpose, string source, string file, DateTimeOffset now, CancellationToken ct)
    {
        var tenantId = db.TenantId ?? throw new InvalidOperationException("An import needs a cooperative.");
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        // Through EF first: the tenant session setting (and so row-level security) travels with this command.
        // PostgreSQL's JIT judged each statement below costly enough to compile, and compiling took 0.2-0.5 s per
        // statement, more than it saved on 100,000 rows: it is off for this transaction only.
        await db.Database.ExecuteSqlAsync($"""
            SET LOCAL jit = off;
            CREATE TEMP TABLE import_rows (id uuid, line int, email text, email_normalized text, name text, phone text, postal_code text, tags text,
                consent_at timestamptz, consent_source text, record_id uuid, consent_id uuid, contact_id uuid, existed boolean NOT NULL DEFAULT false) ON COMMIT DROP
            """, ct);
        var connection = (NpgsqlConnection)db.Database.GetDbConnection();
        // Ids are made here, in increasing order, so the new index entries land at the right edge of each B-tree.
        var ids = new IdSequence(now);
        await using (var copy = await connection.BeginBinaryImportAsync(
            "COPY import_rows (id, line, email, email_normalized, name, phone, postal_code, tags, consent_at, consent_source, record_id, consent_id) FROM STDIN (FORMAT BINARY)", ct))
        {
            foreach (var row in rows)
            {
                copy.StartRow();
                copy.Write(ids.Next(), NpgsqlDbType.Uuid);
                copy.Write(row.Line, NpgsqlDbType.Integer);
                copy.Write(row.Email, NpgsqlDbType.Text);
                copy.Write(row.EmailNormalized, NpgsqlDbType.Text);
                WriteNullable(copy, row.Name);
                WriteNullable(copy, row.Phone);
                WriteNullable(copy, row.PostalCode);
                copy.Write(row.Tags, NpgsqlDbType.Text);
                if (row.ConsentAt is { } at) copy.Write(at, NpgsqlDbType.TimestampTz); else copy.WriteNull();
                WriteNullable(copy, row.ConsentSource);
                copy.Write(ids.Next(), NpgsqlDbType.Uuid);
                copy.Write(ids.Next(), NpgsqlDbType.Uuid);
            }
            await copy.CompleteAsync(ct);
        }
        var tx = (NpgsqlTransaction)transaction.GetDbTransaction();
        NpgsqlCommand Command(string sql)
        {
            var command = new NpgsqlCommand(sql, connection, tx);
            command.Parameters.AddWithValue("t", tenantId);
            command.Parameters.AddWithValue("source", source);
            command.Parameters.AddWithValue("file", file);
            command.Parameters.AddWithValue("now", now);
            command.Parameters.AddWithValue("p", purpose?.Id ?? Guid.Empty);
            command.Parameters.AddWithValue("v", purpose?.CurrentVersion ?? 0);
            return command;
        }
        async Task<int> ExecuteAsync(string sql)
        {
            await using var command = Command(sql);
            return await command.ExecuteNonQueryAsync(ct);
        }
        async Task<int[]> RunAsync(string sql, int results)
        {
            await using var command = Command(sql);
            await using var reader = await command.ExecuteReaderAsync(ct);
            var values = new int[results];
            if (results > 0 && await reader.ReadAsync(ct)) for (var i = 0; i < results; i++) values[i] = reader.GetInt32(i);
            return values;
        }
        // Each row learns its contact once (by the unique address index); every later step joins on ids.
        await RunAsync("""
            UPDATE import_rows r SET contact_id = c.id, existed = true FROM contacts c WHERE c.tenant_id = @t AND c.email_normalized = r.email_normalized
            """, 0);
        var merged = await RunAsync("""
            WITH upd AS (
              UPDATE contacts c SET
                name = COALESCE(r.name, c.name),
                phone = COALESCE(r.phone, c.phone),
                postal_code = COALESCE(r.postal_code, c.postal_code),
                tags = CASE WHEN r.tags = '' THEN c.tags ELSE left('|' || array_to_string(ARRAY(
                         SELECT DISTINCT x COLLATE "C" FROM unnest(string_to_array(c.tags || r.tags, '|')) x WHERE x <> '' ORDER BY 1), '|') || '|', 500) END
              FROM import_rows r WHERE r.existed AND c.tenant_id = @t AND c.id = r.contact_id
              RETURNING 1),
            ins AS (
              INSERT INTO contacts (tenant_id, id, name, email, email_normalized, phone, postal_code, tags, source, created_at, last_active_at)
              SELECT @t, r.id, COALESCE(r.name, split_part(r.email, '@', 1)), r.email, r.email_normalized, r.phone, r.postal_code, r.tags, @source, @now, @now
              FROM import_rows r WHERE NOT r.existed
              RETURNING 1)
            SELECT (SELECT count(*) FROM ins)::int, (SELECT count(*) FROM upd)::int
            """, 2);
        var (inserted, updated) = (merged[0], merged[1]);
        int given = 0, refused = 0;
        if (purpose is not null)
        {
            // New contacts cannot have consented or withdrawn before: only known ones are looked up. The ledger line
            // and the current consent are two plain inserts over the same rows (their ids came with the COPY).
            const string Eligible = """
                r.consent_at IS NOT NULL AND (NOT r.existed OR (
                  NOT EXISTS (SELECT 1 FROM contact_consents cc WHERE cc.tenant_id = @t AND cc.contact_id = r.contact_id AND cc.purpose_id = @p)
                  AND NOT EXISTS (SELECT 1 FROM consent_records w WHERE w.tenant_id = @t AND w.contact_id = r.contact_id AND w.purpose_id = @p AND NOT w.given)))
                """;
            refused = (await RunAsync("""
                SELECT count(*)::int FROM import_rows r WHERE r.existed AND r.consent_at IS NOT NULL
                  AND NOT EXISTS (SELECT 1 FROM contact_consents cc WHERE cc.tenant_id = @t AND cc.contact_id = r.contact_id AND cc.purpose_id = @p)
                  AND EXISTS (SELECT 1 FROM consent_records w WHERE w.tenant_id = @t AND w.contact_id = r.contact_id AND w.purpose_id = @p AND NOT w.given)
                """, 1))[0];
            // Given lines do not change the predicate, so the second insert picks the same rows as the first.
            await ExecuteAsync($"""
                INSERT INTO consent_records (tenant_id, id, contact_id, purpose_id, version, channel, given, evidence, at, recorded_at)
                SELECT @t, r.record_id, COALESCE(r.contact_id, r.id), @p, @v, 'Import', true, left(r.consent_source || ' (' || @file || ', ligne ' || r.line || ')', 300), r.consent_at, @now
                FROM import_rows r WHERE {Eligible}
                """);
            given = await ExecuteAsync($"""
                INSERT INTO contact_consents (tenant_id, id, contact_id, purpose_id, record_id, version, since)
                SELECT @t, r.consent_id, COALESCE(r.contact_id, r.id), @p, r.record_id, @v, r.consent_at
                FROM import_rows r WHERE {Eligible}
                """);

        }
        await members.LinkAllAsync(ct);
        await transaction.CommitAsync(ct);
        return (inserted, updated, given, refused);
    }

    private static string Evidence(ImportRow row, string file) => $"{row.ConsentSource} ({file}, ligne {row.Line})";

    private static string LocalPart(string email) => email[..email.IndexOf('@', StringComparison.Ordinal)];

    // Synchronous writes into the importer's buffer: it only goes to the network when full, and async per field costs more than it saves.
    private static void WriteNullable(NpgsqlBinaryImporter copy, string? value)
    {
        if (value is null) copy.WriteNull(); else copy.Write(value, NpgsqlDbType.Text);
    }
}
