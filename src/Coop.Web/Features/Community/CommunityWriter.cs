using Coop.Data;
using Coop.Domain.Community;
using Microsoft.EntityFrameworkCore;

namespace Coop.Web.Features.Community;

public enum ThanksOutcome
{
    Sent = 1,
    AlreadyThanked,
    OwnPost,
}

public enum ReportOutcome
{
    Recorded = 1,
    NoSuchComment,
    AlreadyReported,
}

/// <summary>
/// Writing in the community, shared by the pages and the API: a post, a comment (one level of replies), a report.
/// Callers check who may write (<see cref="SpaceAccess"/>); this does the writing and its notifications, in one save.
/// </summary>
public sealed class CommunityWriter(CoopDbContext db, CommunityNotifier notifier, TimeProvider clock)
{
    public async Task<Post> PostAsync(Space space, Guid authorId, PostForm form, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(space);
        ArgumentNullException.ThrowIfNull(form);
        var post = new Post(space.Id, authorId, form.Title, form.Body!, clock.GetUtcNow());
        db.Posts.Add(post);
        await notifier.OnWrittenAsync(space, post, authorId, post.Body, [], ct);
        await db.SaveChangesAsync(ct);
        return post;
    }

    /// <summary>The comment a reply attaches to: answering a reply attaches to the comment it answered. Null when the parent is not on this post.</summary>
    public async Task<(Guid Id, Guid AuthorId)?> ParentAsync(Guid postId, Guid parentId, CancellationToken ct)
    {
        var target = await db.Comments.AsNoTracking().FirstOrDefaultAsync(c => c.Id == parentId && c.PostId == postId, ct);
        return target is null ? null : (target.ParentId ?? target.Id, target.AuthorId);
    }

    public async Task<Comment> CommentAsync(Space space, Post post, Guid authorId, string body, (Guid Id, Guid AuthorId)? parent, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(space);
        ArgumentNullException.ThrowIfNull(post);
        var comment = new Comment(post.Id, parent?.Id, authorId, body, clock.GetUtcNow());
        db.Comments.Add(comment);
        await db.Posts.Where(p => p.Id == post.Id).ExecuteUpdateAsync(s => s.SetProperty(p => p.CommentCount, p => p.CommentCount + 1), ct);
        await notifier.OnWrittenAsync(space, post, authorId, comment.Body, parent is { } p ? [post.AuthorId, p.AuthorId] : [post.AuthorId], ct);
        await db.SaveChangesAsync(ct);
        return comment;
    }

    /// <summary>A private thank-you to the post's author: a notification for them alone, at most once per member and post.</summary>
    public async Task<ThanksOutcome> ThankAsync(Post post, Guid fromId, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(post);
        if (post.AuthorId == fromId) return ThanksOutcome.OwnPost;
        if (await db.Thanks.AnyAsync(t => t.PostId == post.Id && t.FromMemberId == fromId, ct)) return ThanksOutcome.AlreadyThanked;
        var now = clock.GetUtcNow();
        db.Thanks.Add(new Thanks(post.Id, fromId, post.AuthorId, now));
        db.Notifications.Add(new Notification(post.AuthorId, NotificationKind.Thanks, fromId, post.Id, now));
        try { await db.SaveChangesAsync(ct); }
        catch (DbUpdateException)
        {
            db.ChangeTracker.Clear();
            return ThanksOutcome.AlreadyThanked;
        }
        return ThanksOutcome.Sent;
    }

    /// <summary>A report of the post, or of one of its comments. One open report per person and content, even when sent twice at once.</summary>
    public async Task<ReportOutcome> ReportAsync(Post post, Guid reporterId, ReportForm form, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(post);
        ArgumentNullException.ThrowIfNull(form);
        var (kind, contentId, authorId) = (ContentKind.Post, post.Id, post.AuthorId);
        if (form.CommentId is { } commentId)
        {
            var comment = await db.Comments.AsNoTracking().FirstOrDefaultAsync(c => c.Id == commentId && c.PostId == post.Id, ct);
            if (comment is null) return ReportOutcome.NoSuchComment;
            (kind, contentId, authorId) = (ContentKind.Comment, comment.Id, comment.AuthorId);
        }
        if (await db.Reports.AnyAsync(r => r.ReporterId == reporterId && r.Kind == kind && r.ContentId == contentId && r.Status == ReportStatus.Open, ct))
            return ReportOutcome.AlreadyReported;
        db.Reports.Add(new Report(kind, contentId, authorId, reporterId, form.Reason, form.CharterArticle, form.Details, clock.GetUtcNow()));
        try { await db.SaveChangesAsync(ct); }
        catch (DbUpdateException)
        {
            db.ChangeTracker.Clear();
            return ReportOutcome.AlreadyReported;
        }
        return ReportOutcome.Recorded;
    }
}
