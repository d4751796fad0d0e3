using Coop.Data;
using Coop.Data.Tenancy;
using Coop.Domain.Community;
using Coop.Web.Features.Community;
using Coop.Web.Features.Membership;
using Coop.Web.Infrastructure;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace Coop.Web.Features.Community.Api;

/// <summary>The community over JSON: spaces, feeds (keyset pages), posting, commenting and reporting, with the pages' rules.</summary>
[Route("c/{tenant}/api/community")]
[Authorize(Policy = Policies.ApiMember)]
public sealed class CommunityApiController(CoopDbContext db, TenantContext tenantContext, CommunityAccess access, CommunityWriter writer) : ApiControllerBase
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
        FeedDto.From(await access.ReadableFeedAsync(await access.ViewerAsync(ct), before, ct));

    [HttpGet("spaces/{id:guid}/posts")]
    [ProducesResponseType(typeof(FeedDto), StatusCodes.Status200OK)]
    [ProducesResponseType(typeof(ProblemDetails), StatusCodes.Status404NotFound)]
    public async Task<IActionResult> SpaceFeed(Guid id, string? before, CancellationToken ct)
    {
        var (space, viewer, membership) = await access.LoadAsync(id, ct);
        if (space is null || !SpaceAccess.CanRead(space, viewer, membership)) return ApiProblems.Problem(HttpContext, 404, "Error.NotFound.Title");
        return Ok(FeedDto.From(await access.SpaceFeedAsync(id, before, ct)));
    }

    [HttpPost("spaces/{id:guid}/posts")]
    [ProducesResponseType(typeof(PostDto), StatusCodes.Status201Created)]
    [ProducesResponseType(typeof(ValidationProblemDetails), StatusCodes.Status400BadRequest)]
    [ProducesResponseType(typeof(ProblemDetails), StatusCodes.Status404NotFound)]
    [ProducesResponseType(typeof(ProblemDetails), StatusCodes.Status422UnprocessableEntity)]
    public async Task<IActionResult> Post(Guid id, [FromBody] PostForm form, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(form);
        var (space, viewer, membership) = await access.LoadAsync(id, ct);
        if (space is null || !SpaceAccess.CanRead(space, viewer, membership)) return ApiProblems.Problem(HttpContext, 404, "Error.NotFound.Title");
        if (!SpaceAccess.CanPost(space, viewer, membership, await access.MayWriteAsync(ct))) return Refused("Community.CannotPost");
        if (await access.NewMemberLimitAsync(ct) is { } limit) return OverLimit(limit);
        var post = await writer.PostAsync(space, viewer!.MemberId, form, ct);
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
        var (space, viewer, membership) = await access.LoadAsync(post.SpaceId, ct);
        if (!SpaceAccess.CanRead(space!, viewer, membership) || (post.HiddenAt is not null && post.AuthorId != viewer!.MemberId))
            return ApiProblems.Problem(HttpContext, 404, "Error.NotFound.Title");
        if (!SpaceAccess.CanPost(space!, viewer, membership, await access.MayWriteAsync(ct))) return Refused("Community.CannotPost");
        if (await access.NewMemberLimitAsync(ct) is { } limit) return OverLimit(limit);
        (Guid Id, Guid AuthorId)? parent = null;
        if (form.ParentId is { } parentId && (parent = await writer.ParentAsync(id, parentId, ct)) is null) return Refused("Community.NoSuchComment");
        var comment = await writer.CommentAsync(space!, post, viewer!.MemberId, form.Body!, parent, ct);
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
        var (space, viewer, membership) = await access.LoadAsync(post.SpaceId, ct);
        if (!SpaceAccess.CanRead(space!, viewer, membership)) return ApiProblems.Problem(HttpContext, 404, "Error.NotFound.Title");
        return await writer.ReportAsync(post, viewer!.MemberId, form, ct) switch
        {
            ReportOutcome.NoSuchComment => ApiProblems.Problem(HttpContext, 404, "Error.NotFound.Title"),
            ReportOutcome.AlreadyReported => ApiProblems.Problem(HttpContext, 409, "Problem.Conflict", "Moderation.AlreadyReported"),
            _ => StatusCode(StatusCodes.Status201Created),
        };
    }

    private ObjectResult OverLimit(PostingLimit limit) =>
        ApiProblems.Problem(HttpContext, StatusCodes.Status429TooManyRequests, "Problem.TooMany", "Community.NewMemberLimit", limit.Daily, limit.Days);

    private ObjectResult Refused(string key) => ApiProblems.Problem(HttpContext, 422, "Problem.Unprocessable", key);
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
