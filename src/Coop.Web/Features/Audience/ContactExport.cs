using System.Globalization;
using System.Text.Json;
using Coop.Data;
using Coop.Domain.Audience;
using Coop.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Coop.Web.Features.Audience;

/// <summary>
/// The audience database out, as CSV (spreadsheets: formulas neutralised, UTF-8 with BOM) or JSON (machines): each
/// contact with its current consents. Reads only this cooperative's rows, like every query.
/// </summary>
public sealed class ContactExport(CoopDbContext db, AudienceQueries queries)
{
    private static readonly string[] Header = ["email", "name", "phone", "postal_code", "tags", "source", "created_at", "last_active_at", "consents"];

    private sealed record Row(Guid Id, string Email, string Name, string? Phone, string? PostalCode, string Tags, string Source, DateTimeOffset CreatedAt, DateTimeOffset LastActiveAt);

    private async Task<(List<Row> Rows, Dictionary<Guid, List<ConsentLine>> Consents)> LoadAsync(ContactFilter filter, CancellationToken ct)
    {
        var rows = await queries.Filter(filter).OrderBy(c => c.EmailNormalized)
            .Select(c => new Row(c.Id, c.Email, c.Name, c.Phone, c.PostalCode, c.Tags, c.Source, c.CreatedAt, c.LastActiveAt)).ToListAsync(ct);
        return (rows, await queries.ConsentsAsync(null, ct));
    }

    public async Task<byte[]> CsvAsync(ContactFilter filter, CancellationToken ct)
    {
        var (rows, consents) = await LoadAsync(filter, ct);
        return CsvExport.Bytes(Header, rows.Select(c => new[]
        {
            c.Email, c.Name, c.Phone, c.PostalCode, string.Join(',', c.Tags.Split('|', StringSplitOptions.RemoveEmptyEntries)), c.Source, Iso(c.CreatedAt), Iso(c.LastActiveAt),
            consents.TryGetValue(c.Id, out var list) ? string.Join("; ", list.Select(l => $"{l.Purpose} (v{l.Version}, {Iso(l.Since)})")) : "",
        }));
    }

    public async Task<byte[]> JsonAsync(ContactFilter filter, CancellationToken ct)
    {
        var (rows, consents) = await LoadAsync(filter, ct);
        using var buffer = new MemoryStream(rows.Count * 200 + 1024);
        await using (var json = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = false }))
        {
            json.WriteStartObject();
            json.WriteString("exportedAt", DateTimeOffset.UtcNow);
            json.WriteStartArray("contacts");
            foreach (var c in rows)
            {
                json.WriteStartObject();
                json.WriteString("id", c.Id);
                json.WriteString("email", c.Email);
                json.WriteString("name", c.Name);
                json.WriteString("phone", c.Phone);
                json.WriteString("postalCode", c.PostalCode);
                json.WriteStartArray("tags");
                foreach (var tag in c.Tags.Split('|', StringSplitOptions.RemoveEmptyEntries)) json.WriteStringValue(tag);
                json.WriteEndArray();
                json.WriteString("source", c.Source);
                json.WriteString("createdAt", c.CreatedAt);
                json.WriteString("lastActiveAt", c.LastActiveAt);
                json.WriteStartArray("consents");
                if (consents.TryGetValue(c.Id, out var list))
                    foreach (var l in list)
                    {
                        json.WriteStartObject();
                        json.WriteString("purposeId", l.PurposeId);
                        json.WriteString("purpose", l.Purpose);
                        json.WriteNumber("version", l.Version);
                        json.WriteString("since", l.Since);
                        json.WriteEndObject();
                    }
                json.WriteEndArray();
                json.WriteEndObject();
                if (buffer.Length > 0 && json.BytesPending > 64 * 1024) await json.FlushAsync(ct);
            }
            json.WriteEndArray();
            json.WriteEndObject();
        }
        return buffer.ToArray();
    }

    private static string Iso(DateTimeOffset at) => at.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);

    /// <summary>For the contact's own download (their right of access): everything Coop holds on them, ledger included.</summary>
    public async Task<object> OfContactAsync(Contact contact, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(contact);
        var purposes = await db.Purposes.AsNoTracking().ToDictionaryAsync(p => p.Id, p => p.Name, ct);
        var ledger = await queries.LedgerAsync(contact.Id, ct);
        return new
        {
            contact = new { contact.Id, contact.Name, contact.Email, contact.Phone, contact.PostalCode, Tags = contact.TagList, contact.Source, contact.CreatedAt, contact.LastActiveAt },
            consentLedger = ledger.Select(r => new { Purpose = purposes.GetValueOrDefault(r.PurposeId), r.Version, Channel = r.Channel.ToString(), r.Given, r.Evidence, r.At, r.RecordedAt }),
        };
    }
}
