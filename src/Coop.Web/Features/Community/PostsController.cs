using Coop.Data;
using Coop.Data.Tenancy;
using Coop.Domain.Community;
using Coop.Web.Features.Membership;
using Coop.Web.Features.Tenancy;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Coop.Web.Features.Community;

/// <summary>A post and its comments: reading, commenting (one level of replies), editing with a visible history, deleting, pinning.</summary>
[Route("c/{tenant}/posts")]
[Authorize(Policy = Policies.Member)]
public sealed class PostsController(CoopDbContext db, TenantContext tenantContext, CurrentCooperative cooperative, CommunityAccess access, CommunityWriter writer, IStringLocalizer<SharedResource> l,
    TimeProvider clock) : Controller
{
    private string Slug => tenantContext.Current!.Slug;

    [HttpGet("{id:guid}")]
    public async Task<IActionResult> Show(Guid id, CancellationToken ct) =>
        await PageAsync(id, new CommentForm(), ct) is { } model ? View("PostShow", model) : NotFound();

    [HttpPost("{id:guid}/comments")]
    public async Task<IActionResult> Comment(Guid id, CommentForm form, CancellationToken ct)
    {
        var model = await PageAsync(id, form, ct);
        if (model is null || model.Post.IsDeleted) return NotFound();
        if (!model.CanPost) ModelState.AddModelError(string.Empty, l["Community.CannotPost"]);
        else if (await access.NewMemberLimitAsync(ct) is { } limit) ModelState.AddModelError(string.Empty, l["Community.NewMemberLimit", limit.Daily, limit.Days]);
        (Guid Id, Guid AuthorId)? parent = null;
        if (form.ParentId is { } parentId)
        {
            parent = await writer.ParentAsync(id, parentId, ct);
            if (parent is null) ModelState.AddModelError(string.Empty, l["Community.NoSuchComment"]);
        }
        if (!ModelState.IsValid)
        {
            Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
            return View("PostShow", model);
        }
        await writer.CommentAsync(model.Space, model.Post, model.Viewer!.MemberId, form.Body!, parent, ct);
        return Redirect($"/c/{Slug}/posts/{id}#comments");
    }

    /// <summary>A private thank-you: the author is told, nobody counts.</summary>
    [HttpPost("{id:guid}/thanks")]
    public async Task<IActionResult> Thank(Guid id, CancellationToken ct)
    {
        var model = await PageAsync(id, new CommentForm(), ct);
        if (model is null || model.Post.IsDeleted) return NotFound();
        if (!model.ThanksOpen) return Forbid();
        TempData["Flash"] = await writer.ThankAsync(model.Post, model.Viewer!.MemberId, ct) switch
        {
            ThanksOutcome.Sent => "Community.ThanksSent",
            ThanksOutcome.AlreadyThanked => "Community.AlreadyThanked",
            _ => "Community.NoSelfThanks",
        };
        return Redirect($"/c/{Slug}/posts/{id}");
    }

    [HttpGet("{id:guid}/edit")]
    public async Task<IActionResult> Edit(Guid id, CancellationToken ct)
    {
        var model = await PageAsync(id, new CommentForm(), ct);
        if (model is null || model.Post.IsDeleted) return NotFound();
        if (model.Post.AuthorId != model.Viewer!.MemberId) return Forbid();
        return View("PostEdit", new PostEditModel(Slug, model.Post, new PostForm { Title = model.Post.Title, Body = model.Post.Body }));
    }

    [HttpPost("{id:guid}/edit")]
    public async Task<IActionResult> Save(Guid id, PostForm form, CancellationToken ct)
    {
        var model = await PageAsync(id, new CommentForm(), ct);
        if (model is null || model.Post.IsDeleted) return NotFound();
        if (model.Post.AuthorId != model.Viewer!.MemberId) return Forbid();
        if (!ModelState.IsValid)
        {
            Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
            return View("PostEdit", new PostEditModel(Slug, model.Post, form));
        }
        var post = await db.Posts.SingleAsync(p => p.Id == id, ct);
        db.PostRevisions.Add(post.Edit(form.Title, form.Body!, clock.GetUtcNow()));
        await db.SaveChangesAsync(ct);
        TempData["Flash"] = "Community.Edited";
        return Redirect($"/c/{Slug}/posts/{id}");
    }

    [HttpGet("{id:guid}/history")]
    public async Task<IActionResult> History(Guid id, CancellationToken ct)
    {
        var model = await PageAsync(id, new CommentForm(), ct);
        if (model is null) return NotFound();
        var revisions = await db.PostRevisions.AsNoTracking().Where(r => r.PostId == id).OrderByDescending(r => r.WrittenAt).ToListAsync(ct);
        return View("PostHistory", new PostHistoryModel(Slug, model.Post, revisions));
    }

    /// <summary>The author, or a moderator of the space or the cooperative.</summary>
    [HttpPost("{id:guid}/delete")]
    public async Task<IActionResult> Delete(Guid id, CancellationToken ct)
    {
        var model = await PageAsync(id, new CommentForm(), ct);
        if (model is null) return NotFound();
        if (model.Post.AuthorId != model.Viewer!.MemberId && !model.CanModerate) return Forbid();
        var post = await db.Posts.SingleAsync(p => p.Id == id, ct);
        post.Delete(clock.GetUtcNow());
        await db.SaveChangesAsync(ct);
        TempData["Flash"] = "Community.Deleted";
        return Redirect($"/c/{Slug}/spaces/{post.SpaceId}");
    }

    [HttpPost("{id:guid}/pin")]
    public async Task<IActionResult> Pin(Guid id, bool pinned, CancellationToken ct)
    {
        var model = await PageAsync(id, new CommentForm(), ct);
        if (model is null) return NotFound();
        if (!model.CanModerate) return Forbid();
        var post = await db.Posts.SingleAsync(p => p.Id == id, ct);
        post.Pin(pinned, clock.GetUtcNow());
        await db.SaveChangesAsync(ct);
        return Redirect($"/c/{Slug}/posts/{id}");
    }

    private async Task<PostModel?> PageAsync(Guid id, CommentForm form, CancellationToken ct)
    {
        var post = await db.Posts.AsNoTracking().FirstOrDefaultAsync(p => p.Id == id, ct);
        if (post is null) return null;
        var space = await db.Spaces.AsNoTracking().SingleAsync(s => s.Id == post.SpaceId, ct);
        var viewer = await access.ViewerAsync(ct);
        var membership = await access.MembershipAsync(space.Id, viewer?.MemberId, ct);
        // A post in a space one cannot see, or hidden by moderation (except for its author and moderators), does not exist.
        if (!SpaceAccess.CanRead(space, viewer, membership)) return null;
        var moderator = SpaceAccess.CanModerate(viewer, membership);
        if (post.HiddenAt is not null && post.AuthorId != viewer?.MemberId && !moderator) return null;
        var comments = await db.Comments.AsNoTracking().Where(c => c.PostId == id).OrderBy(c => c.CreatedAt).ThenBy(c => c.Id).ToListAsync(ct);
        var people = comments.Select(c => c.AuthorId).Append(post.AuthorId).Distinct().ToList();
        var names = await db.Members.AsNoTracking().Where(m => people.Contains(m.Id)).ToDictionaryAsync(m => m.Id, m => m.DisplayName, ct);
        var appealable = viewer is null ? [] : await db.ModerationActions.AsNoTracking()
            .Where(a => a.AuthorId == viewer.MemberId && (a.ContentId == id || comments.Select(c => c.Id).Contains(a.ContentId!.Value)))
            .ToListAsync(ct);
        // Whether thanks are on here and whether this viewer already gave theirs, in one round trip.
        var thanks = viewer is { ActiveMember: true } && post.AuthorId != viewer.MemberId
            ? await cooperative.ReadAsync(t => new { Open = t.CommunityThanks, Given = db.Thanks.Any(x => x.PostId == id && x.FromMemberId == viewer.MemberId) }, ct)
            : null;
        var (thanksOpen, thanked) = (thanks?.Open ?? false, thanks is { Open: true, Given: true });
        return new PostModel(Slug, space, post, comments, names, viewer,
            SpaceAccess.CanPost(space, viewer, membership, await access.MayWriteAsync(ct)), moderator, form, appealable, thanksOpen, thanked);
    }
}

public sealed record PostModel(string Slug, Space Space, Post Post, IReadOnlyList<Comment> Comments, IReadOnlyDictionary<Guid, string> Names,
    SpaceAccess.Viewer? Viewer, bool CanPost, bool CanModerate, CommentForm Form, IReadOnlyList<ModerationAction> DecisionsAboutMe,
    bool ThanksOpen, bool Thanked)
{
    /// <summary>Whether this viewer sees a hidden comment's text: its author and moderators do.</summary>
    public bool SeesHidden(Comment comment) => comment.AuthorId == Viewer?.MemberId || CanModerate;

    public string Name(Guid id) => Names.GetValueOrDefault(id, "?");
}

public sealed record PostEditModel(string Slug, Post Post, PostForm Form);

public sealed record PostHistoryModel(string Slug, Post Post, IReadOnlyList<PostRevision> Revisions);
