using System.Text.Json;
using System.Text.Json.Serialization;
using Coop.Data;
using Coop.Domain.Membership;
using Microsoft.EntityFrameworkCore;

namespace Coop.Web.Features.Audience;

/// <summary>
/// A member's right of access and portability: everything this cooperative holds about them, as one JSON document
/// (RGPD arts. 15 and 20). Other cooperatives' data is not here: each answers for its own.
/// </summary>
public sealed class PersonalData(CoopDbContext db, ContactExport contacts)
{
    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        WriteIndented = true,
        Converters = { new JsonStringEnumConverter() },
    };

    public async Task<byte[]> OfMemberAsync(Member member, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(member);
        var id = member.Id;
        var user = await db.Users.AsNoTracking().Where(u => u.Id == member.UserId)
            .Select(u => new { u.Email, u.DisplayName, u.PreferredLocale, u.CreatedAt }).SingleAsync(ct);
        var email = Coop.Domain.Audience.Contact.NormalizeEmail(user.Email);
        var linked = await db.Contacts.AsNoTracking().Where(c => c.MemberId == id || c.EmailNormalized == email).ToListAsync(ct);
        var document = new
        {
            exportedAt = DateTimeOffset.UtcNow,
            account = user,
            membership = new
            {
                member.DisplayName, member.Status, member.Roles, member.CategoryId, member.CreatedAt, member.StatusChangedAt, member.Motivation, member.ListedInDirectory,
            },
            shares = await db.ShareMovements.AsNoTracking().Where(s => s.MemberId == id).ToListAsync(ct),
            charterAcceptances = await db.CharterAcceptances.AsNoTracking().Where(a => a.MemberId == id).ToListAsync(ct),
            duesCalls = await db.DuesCalls.AsNoTracking().Where(c => c.MemberId == id).ToListAsync(ct),
            payments = await db.Payments.AsNoTracking().Where(p => p.MemberId == id).ToListAsync(ct),
            walletTransfers = await db.WalletTransfers.AsNoTracking().Where(t => t.FromMemberId == id || t.ToMemberId == id).ToListAsync(ct),
            namedBallots = await db.Ballots.AsNoTracking().Where(b => b.VoterId == id).Select(b => new { b.VoteId, b.Answer, b.Reason, b.CastAt, b.IsCurrent }).ToListAsync(ct),
            proxies = await db.ProxyGrants.AsNoTracking().Where(p => p.GiverId == id || p.HolderId == id).ToListAsync(ct),
            posts = await db.Posts.AsNoTracking().Where(p => p.AuthorId == id).Select(p => new { p.Id, p.SpaceId, p.Title, p.Body, p.CreatedAt, p.EditedAt, p.DeletedAt }).ToListAsync(ct),
            comments = await db.Comments.AsNoTracking().Where(c => c.AuthorId == id).Select(c => new { c.Id, c.PostId, c.Body, c.CreatedAt, c.DeletedAt }).ToListAsync(ct),
            thanksGiven = await db.Thanks.AsNoTracking().Where(t => t.FromMemberId == id).Select(t => new { t.PostId, t.CreatedAt }).ToListAsync(ct),
            notifications = await db.Notifications.AsNoTracking().Where(n => n.MemberId == id).Select(n => new { n.Kind, n.PostId, n.CreatedAt }).ToListAsync(ct),
            reportsFiled = await db.Reports.AsNoTracking().Where(r => r.ReporterId == id).Select(r => new { r.Kind, r.ContentId, r.Reason, r.Details, r.CreatedAt }).ToListAsync(ct),
            asContact = await Task.WhenAll(linked.Select(c => contacts.OfContactAsync(c, ct))),
        };
        return JsonSerializer.SerializeToUtf8Bytes(document, Json);
    }
}
