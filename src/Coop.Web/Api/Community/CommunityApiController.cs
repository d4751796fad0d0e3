using Coop.Data;
using Coop.Data.Tenancy;
using Coop.Domain.Community;
using Coop.Web.Features.Community;
using Coop.Web.Features.Membership;
using Coop.Web.Infrastructure;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Coop.Web.Api.Community;

/// <summary>The community over JSON: spaces, feeds (keyset pages), posting, commenting and reporting, with the pages' rules.</summary>
[Route("c/{tenant}/api/community")]
[Authorize(Policy = Policies.ApiMember)]
public sealed class CommunityApiController(CoopDbContext db, TenantContext tenantContext, CommunityAccess access, CommunityNotifier notifier,
    IStringLocalizer<SharedResource> l, TimeProvider clock) : ApiControllerBase
{
    [HttpGet("spaces")]
    [ProducesResponseType(typeof(IReadOnlyList<SpaceDto>), StatusCodes.Status200OK)]
    public async Task<IReadOnlyList<SpaceDto>> Spaces(CancellationToken ct) =>
        (await access.Readable(await access.ViewerAsync(ct)).AsNoTracking().OrderBy(s => s.Name).ToListAsync(ct))
            .Select(s => new SpaceDto(s.Id, s.Name, s.Description, s.Visibility.ToString())).ToList();

    /// <summary>Every space the caller reads, newest first; pass <c>next</c> back as <c>before</c> for the following page.</summary>
    [HttpGet("feed")]
    [ProducesResponseType(typeof(FeedDto), StatusCodes.Status200OK)]
    public async Task<FeedDto> Feed(string? before, CancellationToken ct) =>
        FeedDto.From(await access.FeedAsync(access.Readable(await access.ViewerAsync(ct)), before, SpacesController.PageSize, ct));

    [HttpGet("spaces/{id:guid}/posts")]
    [ProducesResponseType(typeof(FeedDto), StatusCodes.Status200OK)]
    [ProducesResponseType(typeof(ProblemDetails), StatusCodes.Status404NotFound)]
    public async Task<IActionResult> SpaceFeed(Guid id, string? before, CancellationToken ct)
    {
        var (space, viewer, membership) = await LoadAsync(id, ct);
        if (space is null || !SpaceAccess.CanRead(space, viewer, membership)) return ApiProblems.Problem(HttpContext, 404, "Error.NotFound.Title");
        return Ok(FeedDto.From(await access.FeedAsync(db.Spaces.Where(s => s.Id == id), before, SpacesController.PageSize, ct)));
    }

    [HttpPost("spaces/{id:guid}/posts")]
    [ProducesResponseType(typeof(PostDto), StatusCodes.Status201Created)]
    [ProducesResponseType(typeof(ValidationProblemDetails), StatusCodes.Status400BadRequest)]
    [ProducesResponseType(typeof(ProblemDetails), StatusCodes.Status404NotFound)]
    [ProducesResponseType(typeof(ProblemDetails), StatusCodes.Status422UnprocessableEntity)]
    public async Task<IActionResult> Post(Guid id, [FromBody] PostForm form, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(form);
        var (space, viewer, membership) = await LoadAsync(id, ct);
        if (space is null || !SpaceAccess.CanRead(space, viewer, membership)) return ApiProblems.Problem(HttpContext, 404, "Error.NotFound.Title");
        if (!SpaceAccess.CanPost(space, viewer, membership, await access.MayWriteAsync(ct))) return Refused("Community.CannotPost");
        var post = new Post(id, viewer!.MemberId, form.Title, form.Body!, clock.GetUtcNow());
        db.Posts.Add(post);
        await notifier.OnWrittenAsync(space, post, viewer.MemberId, post.Body, [], ct);
        await db.SaveChangesAsync(ct);
        return Created($"/c/{tenantContext.Current!.Slug}/posts/{post.Id}", PostDto.From(post, null));
    }

    [HttpPost("posts/{id:guid}/comments")]
    [ProducesResponseType(StatusCodes.Status201Created)]
    [ProducesResponseType(typeof(ProblemDetails), StatusCodes.Status404NotFound)]
    [ProducesResponseType(typeof(ProblemDetails), StatusCodes.Status422UnprocessableEntity)]
    public async Task<IActionResult> Comment(Guid id, [FromBody] CommentForm form, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(form);
        var post = await db.Posts.AsNoTracking().FirstOrDefaultAsync(p => p.Id == id && p.DeletedAt == null, ct);
        if (post is null) return ApiProblems.Problem(HttpContext, 404, "Error.NotFound.Title");
        var (space, viewer, membership) = await LoadAsync(post.SpaceId, ct);
        if (!SpaceAccess.CanRead(space!, viewer, membership) || (post.HiddenAt is not null && post.AuthorId != viewer!.MemberId))
            return ApiProblems.Problem(HttpContext, 404, "Error.NotFound.Title");
        if (!SpaceAccess.CanPost(space!, viewer, membership, await access.MayWriteAsync(ct))) return Refused("Community.CannotPost");
        Guid? parent = null;
        var replied = new List<Guid> { post.AuthorId };
        if (form.ParentId is { } parentId)
        {
            var target = await db.Comments.AsNoTracking().FirstOrDefaultAsync(c => c.Id == parentId && c.PostId == id, ct);
            if (target is null) return Refused("Community.NoSuchComment");
            parent = target.ParentId ?? target.Id;
            replied.Add(target.AuthorId);
        }
        var comment = new Comment(id, parent, viewer!.MemberId, form.Body!, clock.GetUtcNow());
        db.Comments.Add(comment);
        await db.Posts.Where(p => p.Id == id).ExecuteUpdateAsync(s => s.SetProperty(p => p.CommentCount, p => p.CommentCount + 1), ct);
        await notifier.OnWrittenAsync(space!, post, viewer.MemberId, comment.Body, replied, ct);
        await db.SaveChangesAsync(ct);
        return Created($"/c/{tenantContext.Current!.Slug}/posts/{id}#comments", new { comment.Id });
    }

    [HttpPost("posts/{id:guid}/reports")]
    [ProducesResponseType(StatusCodes.Status201Created)]
    [ProducesResponseType(typeof(ProblemDetails), StatusCodes.Status404NotFound)]
    [ProducesResponseType(typeof(ProblemDetails), StatusCodes.Status409Conflict)]
    public async Task<IActionResult> Report(Guid id, [FromBody] ReportForm form, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(form);
        var post = await db.Posts.AsNoTracking().FirstOrDefaultAsync(p => p.Id == id, ct);
        if (post is null) return ApiProblems.Problem(HttpContext, 404, "Error.NotFound.Title");
        var (space, viewer, membership) = await LoadAsync(post.SpaceId, ct);
        if (!SpaceAccess.CanRead(space!, viewer, membership)) return ApiProblems.Problem(HttpContext, 404, "Error.NotFound.Title");
        var (kind, contentId, authorId) = (ContentKind.Post, post.Id, post.AuthorId);
        if (form.CommentId is { } commentId)
        {
            var comment = await db.Comments.AsNoTracking().FirstOrDefaultAsync(c => c.Id == commentId && c.PostId == id, ct);
            if (comment is null) return ApiProblems.Problem(HttpContext, 404, "Error.NotFound.Title");
            (kind, contentId, authorId) = (ContentKind.Comment, comment.Id, comment.AuthorId);
        }
        db.Reports.Add(new Report(kind, contentId, authorId, viewer!.MemberId, form.Reason, form.CharterArticle, form.Details, clock.GetUtcNow()));
        try { await db.SaveChangesAsync(ct); }
        catch (DbUpdateException)
        {
            var problem = ApiProblems.Problem(HttpContext, 409, "Problem.Conflict");
            ((ProblemDetails)problem.Value!).Detail = l["Moderation.AlreadyReported"];
            return problem;
        }
        return StatusCode(StatusCodes.Status201Created);
    }

    private async Task<(Space? Space, SpaceAccess.Viewer? Viewer, SpaceMembership? Membership)> LoadAsync(Guid spaceId, CancellationToken ct)
    {
        var space = await db.Spaces.AsNoTracking().FirstOrDefaultAsync(s => s.Id == spaceId, ct);
        var viewer = await access.ViewerAsync(ct);
        return (space, viewer, space is null ? null : await access.MembershipAsync(spaceId, viewer?.MemberId, ct));
    }

    private ObjectResult Refused(string key)
    {
        var problem = ApiProblems.Problem(HttpContext, 422, "Problem.Unprocessable");
        ((ProblemDetails)problem.Value!).Detail = l[key];
        return problem;
    }
}

public sealed record SpaceDto(Guid Id, string Name, string Description, string Visibility);

public sealed record PostDto(Guid Id, Guid SpaceId, Guid AuthorId, string? Author, string? Title, string Body, DateTimeOffset CreatedAt, DateTimeOffset? EditedAt,
    bool Pinned, int Comments)
{
    public static PostDto From(Post p, string? author) =>
        new(p.Id, p.SpaceId, p.AuthorId, author, p.Title, p.Body, p.CreatedAt, p.EditedAt, p.PinnedAt is not null, p.CommentCount);
}

public sealed record FeedDto(IReadOnlyList<PostDto> Posts, string? Next)
{
    public static FeedDto From(FeedPage page)
    {
        ArgumentNullException.ThrowIfNull(page);
        return new(page.Posts.Select(p => PostDto.From(p, page.Authors.GetValueOrDefault(p.AuthorId))).ToList(), page.Next);
    }
}
