using Coop.Data;
using Coop.Data.Tenancy;
using Coop.Domain.Community;
using Coop.Domain.Membership;
using Coop.Web.Features.Charter;
using Coop.Web.Features.Membership;
using Coop.Web.Features.Tenancy;
using Microsoft.EntityFrameworkCore;

namespace Coop.Web.Features.Community;

/// <summary>The current member as the community rules see them, and the spaces they can read.</summary>
public sealed class CommunityAccess(CoopDbContext db, CurrentCooperative cooperative, CurrentMember currentMember, CharterQueries charter, TimeProvider clock)
{
    public async Task<SpaceAccess.Viewer?> ViewerAsync(CancellationToken ct)
    {
        var me = await currentMember.GetAsync(ct);
        return me is null ? null : new SpaceAccess.Viewer(me.Id, me.Status == MembershipStatus.Active,
            me.Grants(MemberRoles.Admin) || me.Grants(MemberRoles.Moderator));
    }

    /// <summary>Writing needs the current charter accepted and no suspension under way.</summary>
    public async Task<bool> MayWriteAsync(CancellationToken ct)
    {
        if (await currentMember.GetAsync(ct) is not { } me || !await charter.HasAcceptedCurrentAsync(me.Id, ct)) return false;
        return await SuspendedUntilAsync(me.Id, ct) is null;
    }

    /// <summary>The cooperative's community settings.</summary>
    public Task<CommunityRules> RulesAsync(CancellationToken ct) =>
        cooperative.ReadAsync(t => new CommunityRules(t.CommunityThanks, t.NewMemberDays, t.NewMemberDailyPosts), ct);

    /// <summary>
    /// The limit a new member has reached (posts and comments over the last 24 hours), or null when they may write.
    /// Moderators and admins are never limited; the limit ends <see cref="CommunityRules.NewMemberDays"/> after the member became active.
    /// </summary>
    public async Task<PostingLimit?> NewMemberLimitAsync(CancellationToken ct)
    {
        if (await currentMember.GetAsync(ct) is not { } me || me.Grants(MemberRoles.Admin) || me.Grants(MemberRoles.Moderator)) return null;
        var rules = await RulesAsync(ct);
        var now = clock.GetUtcNow();
        var until = me.StatusChangedAt.AddDays(rules.NewMemberDays);
        if (rules.NewMemberDays == 0 || rules.NewMemberDailyPosts == 0 || until <= now) return null;
        var since = now.AddDays(-1);
        var written = await db.Posts.CountAsync(p => p.AuthorId == me.Id && p.CreatedAt > since, ct)
            + await db.Comments.CountAsync(c => c.AuthorId == me.Id && c.CreatedAt > since, ct);
        return written >= rules.NewMemberDailyPosts ? new PostingLimit(rules.NewMemberDailyPosts, rules.NewMemberDays) : null;
    }

    public async Task<DateTimeOffset?> SuspendedUntilAsync(Guid memberId, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        return await db.ModerationActions.Where(a => a.AuthorId == memberId && a.Kind == ModerationKind.Suspend && a.OverturnedAt == null && a.SuspendedUntil > now)
            .OrderByDescending(a => a.SuspendedUntil).Select(a => a.SuspendedUntil).FirstOrDefaultAsync(ct);
    }

    public Task<SpaceMembership?> MembershipAsync(Guid spaceId, Guid? memberId, CancellationToken ct) =>
        memberId is { } id ? db.SpaceMemberships.FirstOrDefaultAsync(m => m.SpaceId == spaceId && m.MemberId == id, ct) : Task.FromResult<SpaceMembership?>(null);

    /// <summary>A space, the current viewer and their membership of it (null space when there is none with this id).</summary>
    public async Task<(Space? Space, SpaceAccess.Viewer? Viewer, SpaceMembership? Membership)> LoadAsync(Guid spaceId, CancellationToken ct)
    {
        var space = await db.Spaces.AsNoTracking().FirstOrDefaultAsync(s => s.Id == spaceId, ct);
        var viewer = await ViewerAsync(ct);
        return (space, viewer, space is null ? null : await MembershipAsync(spaceId, viewer?.MemberId, ct));
    }

    /// <summary>The spaces this viewer reads: open ones, and invite-only ones they belong to (all of them for the cooperative's moderators).</summary>
    public IQueryable<Space> Readable(SpaceAccess.Viewer? viewer)
    {
        if (viewer is not { ActiveMember: true }) return db.Spaces.Where(_ => false);
        if (viewer.CooperativeModerator) return db.Spaces;
        return db.Spaces.Where(s => s.Visibility != SpaceVisibility.InviteOnly
            || db.SpaceMemberships.Any(m => m.SpaceId == s.Id && m.MemberId == viewer.MemberId));
    }

    /// <summary>One page of the feed of every space this viewer reads, newest first; <paramref name="before"/> is the last key of the previous page.</summary>
    public Task<FeedPage> ReadableFeedAsync(SpaceAccess.Viewer? viewer, string? before, CancellationToken ct)
    {
        if (viewer is not { ActiveMember: true }) return Task.FromResult(FeedPage.Empty);
        var cursor = FeedKey.Parse(before) ?? FeedKey.AfterNewest;
        return PageAsync(viewer.CooperativeModerator ? FeedQueries.All.For(db)(db, cursor) : FeedQueries.Member.For(db)(db, viewer.MemberId, cursor), ct);
    }

    /// <summary>One page of one space's feed (whose reading the caller checked).</summary>
    public Task<FeedPage> SpaceFeedAsync(Guid spaceId, string? before, CancellationToken ct) =>
        PageAsync(FeedQueries.Space.For(db)(db, spaceId, FeedKey.Parse(before) ?? FeedKey.AfterNewest), ct);

    private static async Task<FeedPage> PageAsync(IAsyncEnumerable<FeedRow> query, CancellationToken ct)
    {
        var rows = new List<FeedRow>(FeedQueries.PageSize + 1);
        await foreach (var row in query.WithCancellation(ct)) rows.Add(row);
        var page = rows.Take(FeedQueries.PageSize).Select(r => r.Post).ToList();
        var names = new Dictionary<Guid, string>();
        var spaceNames = new Dictionary<Guid, string>();
        foreach (var row in rows) // plain loops: grouping allocated a group per author and per space on every page
        {
            if (row.Author is not null) names.TryAdd(row.Post.AuthorId, row.Author);
            if (row.Space is not null) spaceNames.TryAdd(row.Post.SpaceId, row.Space);
        }
        return new FeedPage(page, names, spaceNames, rows.Count > FeedQueries.PageSize ? page[^1].FeedKey : null);
    }
}

public sealed record CommunityRules(bool Thanks, int NewMemberDays, int NewMemberDailyPosts);

/// <summary>A new member's allowance per 24 hours during their first <see cref="Days"/> days, used up.</summary>
public sealed record PostingLimit(int Daily, int Days);

public sealed record FeedPage(IReadOnlyList<Post> Posts, IReadOnlyDictionary<Guid, string> Authors, IReadOnlyDictionary<Guid, string> Spaces, string? Next)
{
    public static readonly FeedPage Empty = new([], new Dictionary<Guid, string>(), new Dictionary<Guid, string>(), null);
}
