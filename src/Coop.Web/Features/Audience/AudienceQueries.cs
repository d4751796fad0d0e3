using Coop.Data;
using Coop.Domain.Audience;
using Microsoft.EntityFrameworkCore;

namespace Coop.Web.Features.Audience;

/// <summary>The admins' filters; the same ones make a segment.</summary>
public sealed record ContactFilter(string? Q, string? Tag, Guid? PurposeId, string? PostalPrefix)
{
    public static readonly ContactFilter All = new(null, null, null, null);
}

public sealed record ConsentLine(Guid ContactId, Guid PurposeId, string Purpose, int Version, DateTimeOffset Since);

/// <summary>Reads of the audience database: lists, a contact's consents and ledger, the recipients of a segment.</summary>
public sealed class AudienceQueries(CoopDbContext db)
{
    public const int PageSize = 50;

    public IQueryable<Contact> Filter(ContactFilter filter)
    {
        ArgumentNullException.ThrowIfNull(filter);
        var query = db.Contacts.AsNoTracking();
        if (!string.IsNullOrWhiteSpace(filter.Q))
        {
            var q = filter.Q.Trim().ToLowerInvariant();
            // Translated to SQL lower(): the culture-free overloads the analysers prefer are not translatable.
#pragma warning disable CA1304, CA1311, CA1862
            query = query.Where(c => c.EmailNormalized.Contains(q) || c.Name.ToLower().Contains(q));
#pragma warning restore CA1304, CA1311, CA1862
        }
        if (!string.IsNullOrWhiteSpace(filter.Tag))
        {
            var tag = "|" + filter.Tag.Trim().ToLowerInvariant() + "|";
            query = query.Where(c => c.Tags.Contains(tag));
        }
        if (Contact.NormalizePostalCode(filter.PostalPrefix) is { } prefix) query = query.Where(c => c.PostalCode != null && c.PostalCode.StartsWith(prefix));
        if (filter.PurposeId is { } purposeId) query = query.Where(c => db.ContactConsents.Any(cc => cc.ContactId == c.Id && cc.PurposeId == purposeId));
        return query;
    }

    /// <summary>A segment's recipients: only those who consent to its purpose today.</summary>
    public IQueryable<Contact> Recipients(Segment segment)
    {
        ArgumentNullException.ThrowIfNull(segment);
        return Filter(new ContactFilter(null, segment.Tag, segment.PurposeId, segment.PostalPrefix));
    }

    public Task<List<Purpose>> PurposesAsync(CancellationToken ct) => db.Purposes.AsNoTracking().OrderBy(p => p.Name).ToListAsync(ct);

    public async Task<Dictionary<Guid, List<ConsentLine>>> ConsentsAsync(IReadOnlyCollection<Guid>? contactIds, CancellationToken ct)
    {
        var query = db.ContactConsents.AsNoTracking();
        if (contactIds is not null) query = query.Where(c => contactIds.Contains(c.ContactId));
        var lines = await query.Join(db.Purposes, c => c.PurposeId, p => p.Id, (c, p) => new ConsentLine(c.ContactId, c.PurposeId, p.Name, c.Version, c.Since))
            .ToListAsync(ct);
        return lines.GroupBy(l => l.ContactId).ToDictionary(g => g.Key, g => g.OrderBy(l => l.Purpose, StringComparer.Ordinal).ToList());
    }

    public Task<List<ConsentRecord>> LedgerAsync(Guid contactId, CancellationToken ct) =>
        db.ConsentRecords.AsNoTracking().Where(r => r.ContactId == contactId).OrderByDescending(r => r.RecordedAt).ThenByDescending(r => r.Id).ToListAsync(ct);

    public async Task<IReadOnlyList<string>> TagsAsync(CancellationToken ct)
    {
        var all = await db.Contacts.AsNoTracking().Where(c => c.Tags != "").Select(c => c.Tags).Distinct().Take(5000).ToListAsync(ct);
        return all.SelectMany(t => t.Split('|', StringSplitOptions.RemoveEmptyEntries)).Distinct().Order(StringComparer.Ordinal).ToList();
    }
}
