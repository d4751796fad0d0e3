using Coop.Data;
using Coop.Data.Tenancy;
using Coop.Domain.Community;
using Coop.Domain.Membership;
using Coop.Web.Features.Membership;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Coop.Web.Features.Community;

/// <summary>
/// Spaces and their chronological feeds: the list, a space's page (posts newest first, pinned on top, a marker
/// at what is new since the last visit), joining and leaving, posting, and the feed across every space one reads.
/// No ranking, no counters of approval.
/// </summary>
[Route("c/{tenant}")]
[Authorize(Policy = Policies.Member)]
public sealed class SpacesController(CoopDbContext db, TenantContext tenantContext, CommunityAccess access, CurrentMember currentMember, CommunityWriter writer,
    IStringLocalizer<SharedResource> l, TimeProvider clock) : Controller
{
    private string Slug => tenantContext.Current!.Slug;

    [HttpGet("spaces")]
    public async Task<IActionResult> Index(CancellationToken ct)
    {
        var viewer = await access.ViewerAsync(ct);
        var spaces = await access.Readable(viewer).AsNoTracking().OrderBy(s => s.Name).ToListAsync(ct);
        var mine = viewer is null ? [] : await db.SpaceMemberships.AsNoTracking().Where(m => m.MemberId == viewer.MemberId).Select(m => m.SpaceId).ToListAsync(ct);
        var me = (await currentMember.GetAsync(ct))!;
        return View("SpaceList", new SpaceListModel(Slug, spaces, mine.ToHashSet(), me.Grants(MemberRoles.Admin)));
    }

    [HttpGet("spaces/new")]
    [Authorize(Policy = Policies.Admin)]
    public IActionResult New() => View("SpaceNew", new SpaceFormModel(Slug, new SpaceForm()));

    [HttpPost("spaces")]
    [Authorize(Policy = Policies.Admin)]
    public async Task<IActionResult> Create(SpaceForm form, CancellationToken ct)
    {
        if (ModelState.IsValid && await db.Spaces.AnyAsync(s => s.Name == form.Name!.Trim(), ct))
            ModelState.AddModelError(nameof(form.Name), l["Community.SpaceNameTaken"]);
        if (!ModelState.IsValid) return View("SpaceNew", new SpaceFormModel(Slug, form));
        var me = (await currentMember.GetAsync(ct))!;
        var space = new Space(form.Name!, form.Description, form.Visibility, me.Id, clock.GetUtcNow());
        db.Spaces.Add(space);
        db.SpaceMemberships.Add(new SpaceMembership(space.Id, me.Id, moderator: true, clock.GetUtcNow()));
        await db.SaveChangesAsync(ct);
        return Redirect($"/c/{Slug}/spaces/{space.Id}");
    }

    [HttpGet("spaces/{id:guid}")]
    public async Task<IActionResult> Show(Guid id, string? before, CancellationToken ct)
    {
        var (space, viewer, membership) = await access.LoadAsync(id, ct);
        if (space is null || !SpaceAccess.CanRead(space, viewer, membership)) return NotFound();
        var lastVisit = membership?.LastVisitAt;
        var feed = await access.SpaceFeedAsync(id, before, ct);
        var pinned = before is null
            ? await db.Posts.AsNoTracking().Where(p => p.SpaceId == id && p.PinnedAt != null && p.DeletedAt == null && p.HiddenAt == null).OrderByDescending(p => p.PinnedAt).ToListAsync(ct)
            : [];
        if (membership is not null && before is null)
        {
            membership.Visit(clock.GetUtcNow());
            await db.SaveChangesAsync(ct);
        }
        var canModerate = SpaceAccess.CanModerate(viewer, membership);
        var candidates = canModerate
            ? await db.Members.AsNoTracking().Where(m => m.Status == MembershipStatus.Active && !db.SpaceMemberships.Any(x => x.SpaceId == id && x.MemberId == m.Id))
                .OrderBy(m => m.DisplayName).Select(m => new SpaceCandidate(m.Id, m.DisplayName)).ToListAsync(ct)
            : [];
        return View("SpaceShow", new SpaceModel(Slug, space, membership, SpaceAccess.CanPost(space, viewer, membership, await access.MayWriteAsync(ct)),
            canModerate, feed, pinned, lastVisit, new PostForm()) { Candidates = candidates });
    }

    [HttpPost("spaces/{id:guid}/join")]
    public async Task<IActionResult> Join(Guid id, CancellationToken ct)
    {
        var (space, viewer, membership) = await access.LoadAsync(id, ct);
        if (space is null || !SpaceAccess.CanRead(space, viewer, membership)) return NotFound();
        if (space.Visibility == SpaceVisibility.InviteOnly && membership is null) return Forbid();
        if (membership is null)
        {
            db.SpaceMemberships.Add(new SpaceMembership(id, viewer!.MemberId, moderator: false, clock.GetUtcNow()));
            try { await db.SaveChangesAsync(ct); }
            catch (DbUpdateException) { /* joined twice at once: the unique index kept one membership */ }
        }
        TempData["Flash"] = "Community.Joined";
        return Redirect($"/c/{Slug}/spaces/{id}");
    }

    /// <summary>Space moderators (and the cooperative's) add members; the only way into an invite-only space.</summary>
    [HttpPost("spaces/{id:guid}/members")]
    public async Task<IActionResult> AddMember(Guid id, Guid memberId, CancellationToken ct)
    {
        var (space, viewer, membership) = await access.LoadAsync(id, ct);
        if (space is null || !SpaceAccess.CanRead(space, viewer, membership)) return NotFound();
        if (!SpaceAccess.CanModerate(viewer, membership)) return Forbid();
        var member = await db.Members.AsNoTracking().FirstOrDefaultAsync(m => m.Id == memberId && m.Status == MembershipStatus.Active, ct);
        if (member is null)
        {
            TempData["Flash"] = "Community.NoSuchMember";
            return Redirect($"/c/{Slug}/spaces/{id}");
        }
        if (!await db.SpaceMemberships.AnyAsync(m => m.SpaceId == id && m.MemberId == memberId, ct))
        {
            db.SpaceMemberships.Add(new SpaceMembership(id, memberId, moderator: false, clock.GetUtcNow()));
            try { await db.SaveChangesAsync(ct); }
            catch (DbUpdateException) { /* added twice at once: the unique index kept one membership */ }
        }
        TempData["Flash"] = "Community.MemberAdded";
        return Redirect($"/c/{Slug}/spaces/{id}");
    }

    [HttpPost("spaces/{id:guid}/leave")]
    public async Task<IActionResult> Leave(Guid id, CancellationToken ct)
    {
        var (space, _, membership) = await access.LoadAsync(id, ct);
        if (space is null) return NotFound();
        if (membership is not null)
        {
            db.SpaceMemberships.Remove(membership);
            await db.SaveChangesAsync(ct);
        }
        TempData["Flash"] = "Community.Left";
        return Redirect($"/c/{Slug}/spaces");
    }

    [HttpPost("spaces/{id:guid}/posts")]
    public async Task<IActionResult> Post(Guid id, PostForm form, CancellationToken ct)
    {
        var (space, viewer, membership) = await access.LoadAsync(id, ct);
        if (space is null || !SpaceAccess.CanRead(space, viewer, membership)) return NotFound();
        var canPost = SpaceAccess.CanPost(space, viewer, membership, await access.MayWriteAsync(ct));
        if (!canPost) ModelState.AddModelError(string.Empty, l["Community.CannotPost"]);
        else if (await access.NewMemberLimitAsync(ct) is { } limit) ModelState.AddModelError(string.Empty, l["Community.NewMemberLimit", limit.Daily, limit.Days]);
        if (!ModelState.IsValid)
        {
            Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
            var feed = await access.SpaceFeedAsync(id, null, ct);
            return View("SpaceShow", new SpaceModel(Slug, space, membership, canPost, SpaceAccess.CanModerate(viewer, membership), feed, [], membership?.LastVisitAt, form));
        }
        var post = await writer.PostAsync(space, viewer!.MemberId, form, ct);
        TempData["Flash"] = "Community.Posted";
        return Redirect($"/c/{Slug}/posts/{post.Id}");
    }

    /// <summary>Everything new in the spaces one reads, newest first.</summary>
    [HttpGet("feed")]
    public async Task<IActionResult> Feed(string? before, CancellationToken ct)
    {
        var viewer = await access.ViewerAsync(ct);
        return View("Feed", new FeedModel(Slug, await access.ReadableFeedAsync(viewer, before, ct)));
    }
}

public sealed record SpaceListModel(string Slug, IReadOnlyList<Space> Spaces, IReadOnlySet<Guid> Mine, bool IsAdmin);

public sealed record SpaceFormModel(string Slug, SpaceForm Form);

public sealed record SpaceModel(string Slug, Space Space, SpaceMembership? Membership, bool CanPost, bool CanModerate, FeedPage Feed,
    IReadOnlyList<Post> Pinned, DateTimeOffset? LastVisit, PostForm Form)
{
    /// <summary>Active members not yet in the space, for its moderators.</summary>
    public IReadOnlyList<SpaceCandidate> Candidates { get; init; } = [];
}

public sealed record SpaceCandidate(Guid Id, string Name);

public sealed record FeedModel(string Slug, FeedPage Feed);

/// <summary>Posts shown as cards: their authors' names, their spaces' names (null: not shown) and, in a space, the last visit that marks what is new.</summary>
public sealed record PostList(string Slug, IReadOnlyList<Post> Posts, IReadOnlyDictionary<Guid, string> Authors, IReadOnlyDictionary<Guid, string>? Spaces)
{
    public DateTimeOffset? LastVisit { get; init; }
    public string UnknownAuthor { get; init; } = "?";
}
