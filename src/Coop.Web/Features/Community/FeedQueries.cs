using Coop.Data;
using Coop.Domain.Community;
using Microsoft.EntityFrameworkCore;

namespace Coop.Web.Features.Community;

/// <summary>
/// The feed's queries, compiled (<see cref="Compiled{TDelegate}"/>): EF Core otherwise walks, hashes and compares the
/// whole expression (with its two name lookups) on every request, which cost more than running it. Each reads one page plus one post (to know
/// whether there is a next page), newest first, before a cursor (<see cref="FeedKey.AfterNewest"/> for the first
/// page), with the author's name (and, across spaces, the space's) in the same round trip.
/// </summary>
// "string.Compare(key, cursor) < 0" is how EF Core writes "feed_key < @cursor"; keys are ASCII digits and hex, so
// every collation orders them alike.
#pragma warning disable CA1309
internal static class FeedQueries
{
    public const int PageSize = 20;

    /// <summary>Every post of the cooperative (its moderators and admins).</summary>
    public static readonly Compiled<Func<CoopDbContext, string, IAsyncEnumerable<FeedRow>>> All = new(() => EF.CompileAsyncQuery(
        (CoopDbContext db, string before) => db.Posts.AsNoTracking()
            .Where(p => p.DeletedAt == null && p.HiddenAt == null && string.Compare(p.FeedKey, before) < 0)
            .OrderByDescending(p => p.FeedKey).Take(PageSize + 1)
            .Select(p => new FeedRow(p,
                db.Members.Where(m => m.Id == p.AuthorId).Select(m => m.DisplayName).FirstOrDefault(),
                db.Spaces.Where(s => s.Id == p.SpaceId).Select(s => s.Name).FirstOrDefault()))));

    /// <summary>
    /// The posts a member reads, written as "not in an invite-only space they have not joined" (the rule of
    /// <see cref="CommunityAccess.Readable"/>): PostgreSQL then walks the newest posts in index order and stops at
    /// the end of the page, however many posts the database holds (a join on the readable spaces sorted them all).
    /// </summary>
    public static readonly Compiled<Func<CoopDbContext, Guid, string, IAsyncEnumerable<FeedRow>>> Member = new(() => EF.CompileAsyncQuery(
        (CoopDbContext db, Guid memberId, string before) => db.Posts.AsNoTracking()
            .Where(p => p.DeletedAt == null && p.HiddenAt == null && string.Compare(p.FeedKey, before) < 0)
            .Where(p => !db.Spaces.Any(s => s.Id == p.SpaceId && s.Visibility == SpaceVisibility.InviteOnly
                && !db.SpaceMemberships.Any(m => m.SpaceId == s.Id && m.MemberId == memberId)))
            .OrderByDescending(p => p.FeedKey).Take(PageSize + 1)
            .Select(p => new FeedRow(p,
                db.Members.Where(m => m.Id == p.AuthorId).Select(m => m.DisplayName).FirstOrDefault(),
                db.Spaces.Where(s => s.Id == p.SpaceId).Select(s => s.Name).FirstOrDefault()))));

    /// <summary>The posts of one space (whose reading the caller checked; its page names the space once, so no name per post).</summary>
    public static readonly Compiled<Func<CoopDbContext, Guid, string, IAsyncEnumerable<FeedRow>>> Space = new(() => EF.CompileAsyncQuery(
        (CoopDbContext db, Guid spaceId, string before) => db.Posts.AsNoTracking()
            .Where(p => p.SpaceId == spaceId && p.DeletedAt == null && p.HiddenAt == null && string.Compare(p.FeedKey, before) < 0)
            .OrderByDescending(p => p.FeedKey).Take(PageSize + 1)
            .Select(p => new FeedRow(p, db.Members.Where(m => m.Id == p.AuthorId).Select(m => m.DisplayName).FirstOrDefault(), null))));
}

#pragma warning restore CA1309

internal sealed record FeedRow(Post Post, string? Author, string? Space);
