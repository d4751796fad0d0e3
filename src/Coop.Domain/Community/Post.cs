using Coop.Domain.Tenancy;

namespace Coop.Domain.Community;

/// <summary>
/// A post in a space: Markdown (rendered safely), an optional title for forum-style threads. Edits keep the
/// previous text in <see cref="PostRevision"/> and are shown as edited; deleting keeps the row (comments stay
/// attached) and blanks the text.
/// </summary>
public sealed class Post : ITenantOwned
{
    public const int MaxBodyLength = 20_000;
    public const int MaxTitleLength = 200;

    private Post() => Body = FeedKey = string.Empty;

    public Post(Guid spaceId, Guid authorId, string? title, string body, DateTimeOffset now)
    {
        Id = Guid.CreateVersion7(now);
        SpaceId = spaceId;
        AuthorId = authorId;
        Body = string.Empty;
        Write(title, body);
        CreatedAt = now;
        FeedKey = Community.FeedKey.Of(now, Id);
    }

    public Guid TenantId { get; private set; }
    public Guid Id { get; private set; }
    public Guid SpaceId { get; private set; }
    public Guid AuthorId { get; private set; }
    public string? Title { get; private set; }
    public string Body { get; private set; }
    public DateTimeOffset CreatedAt { get; private set; }
    /// <summary>The feed's sort key (see <see cref="Community.FeedKey"/>).</summary>
    public string FeedKey { get; private set; } = string.Empty;
    public DateTimeOffset? EditedAt { get; private set; }
    public DateTimeOffset? DeletedAt { get; private set; }
    public DateTimeOffset? PinnedAt { get; private set; }
    public int CommentCount { get; private set; }
    /// <summary>Hidden by a moderator: only the author (who sees <see cref="HiddenReason"/>) and moderators see it.</summary>
    public DateTimeOffset? HiddenAt { get; private set; }
    public string? HiddenReason { get; private set; }

    public bool IsDeleted => DeletedAt is not null;

    /// <summary>What names the post in a list, a mail or a feed: its title, or the start of its text.</summary>
    public string Headline(int length = 60) => Title ?? (Body.Length > length ? Body[..length] + "…" : Body);

    public void Hide(string reason, DateTimeOffset now)
    {
        HiddenAt = now;
        HiddenReason = reason;
        PinnedAt = null;
    }

    public void Show()
    {
        HiddenAt = null;
        HiddenReason = null;
    }

    /// <summary>Returns the revision to keep (the text as it was before this edit).</summary>
    public PostRevision Edit(string? title, string body, DateTimeOffset now)
    {
        if (IsDeleted) throw new InvalidOperationException("A deleted post cannot be edited.");
        var previous = new PostRevision(Id, Title, Body, EditedAt ?? CreatedAt);
        Write(title, body);
        EditedAt = now;
        return previous;
    }

    public void Delete(DateTimeOffset now)
    {
        DeletedAt ??= now;
        Body = string.Empty;
        Title = null;
        PinnedAt = null;
    }

    public void Pin(bool pinned, DateTimeOffset now) => PinnedAt = pinned && !IsDeleted ? now : null;

    public void CountComment() => CommentCount++;

    private void Write(string? title, string body)
    {
        if (string.IsNullOrWhiteSpace(body)) throw new ArgumentException("A post needs a text.", nameof(body));
        if (body.Length > MaxBodyLength) throw new ArgumentOutOfRangeException(nameof(body));
        Title = string.IsNullOrWhiteSpace(title) ? null : title.Trim();
        Body = body.Trim();
    }
}

/// <summary>A post's text before an edit: the visible history.</summary>
public sealed class PostRevision : ITenantOwned
{
    private PostRevision() => Body = string.Empty;

    public PostRevision(Guid postId, string? title, string body, DateTimeOffset writtenAt)
    {
        Id = Guid.CreateVersion7();
        PostId = postId;
        Title = title;
        Body = body;
        WrittenAt = writtenAt;
    }

    public Guid TenantId { get; private set; }
    public Guid Id { get; private set; }
    public Guid PostId { get; private set; }
    public string? Title { get; private set; }
    public string Body { get; private set; }
    public DateTimeOffset WrittenAt { get; private set; }
}

/// <summary>A comment on a post, or a reply to a comment (one level: a reply to a reply attaches to its parent).</summary>
public sealed class Comment : ITenantOwned
{
    public const int MaxBodyLength = 5_000;

    private Comment() => Body = string.Empty;

    public Comment(Guid postId, Guid? parentId, Guid authorId, string body, DateTimeOffset now)
    {
        if (string.IsNullOrWhiteSpace(body)) throw new ArgumentException("A comment needs a text.", nameof(body));
        if (body.Length > MaxBodyLength) throw new ArgumentOutOfRangeException(nameof(body));
        Id = Guid.CreateVersion7(now);
        PostId = postId;
        ParentId = parentId;
        AuthorId = authorId;
        Body = body.Trim();
        CreatedAt = now;
    }

    public Guid TenantId { get; private set; }
    public Guid Id { get; private set; }
    public Guid PostId { get; private set; }
    public Guid? ParentId { get; private set; }
    public Guid AuthorId { get; private set; }
    public string Body { get; private set; }
    public DateTimeOffset CreatedAt { get; private set; }
    public DateTimeOffset? DeletedAt { get; private set; }
    public DateTimeOffset? HiddenAt { get; private set; }
    public string? HiddenReason { get; private set; }

    public void Delete(DateTimeOffset now)
    {
        DeletedAt ??= now;
        Body = string.Empty;
    }

    public void Hide(string reason, DateTimeOffset now)
    {
        HiddenAt = now;
        HiddenReason = reason;
    }

    public void Show()
    {
        HiddenAt = null;
        HiddenReason = null;
    }
}

/// <summary>
/// Keyset pagination for a strictly chronological feed: newest first. The key is the creation instant in UTC ticks
/// (19 digits) followed by the id, so it sorts as text on every database and two posts of the same instant still
/// have distinct keys: a page boundary never repeats or skips a post.
/// </summary>
public static class FeedKey
{
    public static string Of(DateTimeOffset createdAt, Guid id) =>
        createdAt.UtcTicks.ToString("D19", System.Globalization.CultureInfo.InvariantCulture) + id.ToString("N");

    /// <summary>
    /// A cursor before which every post lies, for the first page: nineteen nines are more ticks than any date of
    /// ours (year 31,688), and digits compare alike in every collation.
    /// </summary>
    public const string AfterNewest = "9999999999999999999";

    /// <summary>A cursor from a URL, or null when it is not a key (then the feed starts from the newest).</summary>
    public static string? Parse(string? text) =>
        text is { Length: 51 } && text[..19].All(char.IsAsciiDigit) && text[19..].All(char.IsAsciiHexDigitLower) ? text : null;
}
