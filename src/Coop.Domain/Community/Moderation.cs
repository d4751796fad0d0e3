using Coop.Domain.Tenancy;

namespace Coop.Domain.Community;

public enum ContentKind
{
    Post = 1,
    Comment = 2,
}

/// <summary>Why something is reported; the charter article it breaks is given beside it.</summary>
public enum ReportReason
{
    Harassment = 1,
    Discrimination = 2,
    Spam = 3,
    Misinformation = 4,
    PrivateData = 5,
    Other = 9,
}

public enum ReportStatus
{
    Open = 1,
    Actioned = 2,
    Dismissed = 3,
}

/// <summary>A member's report of a post or a comment. One open report per person and content: reporting twice is refused.</summary>
public sealed class Report : ITenantOwned
{
    private Report() { }

    public Report(ContentKind kind, Guid contentId, Guid authorId, Guid reporterId, ReportReason reason, string? charterArticle, string? details, DateTimeOffset now)
    {
        Id = Guid.CreateVersion7(now);
        Kind = kind;
        ContentId = contentId;
        AuthorId = authorId;
        ReporterId = reporterId;
        Reason = reason;
        CharterArticle = string.IsNullOrWhiteSpace(charterArticle) ? null : charterArticle.Trim();
        Details = string.IsNullOrWhiteSpace(details) ? null : details.Trim();
        Status = ReportStatus.Open;
        CreatedAt = now;
    }

    public Guid TenantId { get; private set; }
    public Guid Id { get; private set; }
    public ContentKind Kind { get; private set; }
    public Guid ContentId { get; private set; }
    /// <summary>The author of the reported content.</summary>
    public Guid AuthorId { get; private set; }
    public Guid ReporterId { get; private set; }
    public ReportReason Reason { get; private set; }
    public string? CharterArticle { get; private set; }
    public string? Details { get; private set; }
    public ReportStatus Status { get; private set; }
    public DateTimeOffset CreatedAt { get; private set; }
    public DateTimeOffset? HandledAt { get; private set; }

    public void Handle(bool actioned, DateTimeOffset now)
    {
        if (Status != ReportStatus.Open) throw new InvalidOperationException("This report was already handled.");
        Status = actioned ? ReportStatus.Actioned : ReportStatus.Dismissed;
        HandledAt = now;
    }
}

public enum ModerationKind
{
    /// <summary>The content is hidden from everyone but its author (who sees why) and moderators.</summary>
    Hide = 1,
    Delete = 2,
    /// <summary>A private warning to the author.</summary>
    Warn = 3,
    /// <summary>The author cannot post or comment until the end date.</summary>
    Suspend = 4,
    /// <summary>The report is dismissed: nothing wrong.</summary>
    Dismiss = 5,
    /// <summary>An appeal succeeded: the content is shown again, or the suspension lifted.</summary>
    Restore = 6,
}

/// <summary>
/// One moderation decision, kept forever: the moderation log for admins, the public transparency summary (counts
/// only) and the author's single appeal all read from it.
/// </summary>
public sealed class ModerationAction : ITenantOwned
{
    private ModerationAction() => Reason = string.Empty;

    public ModerationAction(ModerationKind kind, ContentKind? contentKind, Guid? contentId, Guid authorId, Guid moderatorId, ReportReason? reportReason,
        string reason, DateTimeOffset? suspendedUntil, Guid? reportId, DateTimeOffset now)
    {
        if (string.IsNullOrWhiteSpace(reason)) throw new ArgumentException("A moderation decision gives its reason.", nameof(reason));
        Id = Guid.CreateVersion7(now);
        Kind = kind;
        ContentKind = contentKind;
        ContentId = contentId;
        AuthorId = authorId;
        ModeratorId = moderatorId;
        ReportReason = reportReason;
        Reason = reason.Trim();
        SuspendedUntil = kind == ModerationKind.Suspend ? suspendedUntil : null;
        ReportId = reportId;
        CreatedAt = now;
    }

    public Guid TenantId { get; private set; }
    public Guid Id { get; private set; }
    public ModerationKind Kind { get; private set; }
    public ContentKind? ContentKind { get; private set; }
    public Guid? ContentId { get; private set; }
    public Guid AuthorId { get; private set; }
    public Guid ModeratorId { get; private set; }
    public ReportReason? ReportReason { get; private set; }
    /// <summary>Shown to the author.</summary>
    public string Reason { get; private set; }
    public DateTimeOffset? SuspendedUntil { get; private set; }
    public Guid? ReportId { get; private set; }
    public DateTimeOffset CreatedAt { get; private set; }
    /// <summary>Set when an appeal overturned this decision.</summary>
    public DateTimeOffset? OverturnedAt { get; private set; }

    public bool Appealable => Kind is ModerationKind.Hide or ModerationKind.Delete or ModerationKind.Warn or ModerationKind.Suspend && OverturnedAt is null;

    public void Overturn(DateTimeOffset now) => OverturnedAt ??= now;
}

public enum AppealStatus
{
    Pending = 1,
    Upheld = 2,
    Overturned = 3,
}

/// <summary>The author's one appeal against a decision (unique per decision), decided by another moderator.</summary>
public sealed class Appeal : ITenantOwned
{
    private Appeal() => Text = string.Empty;

    public Appeal(Guid actionId, Guid authorId, string text, DateTimeOffset now)
    {
        if (string.IsNullOrWhiteSpace(text)) throw new ArgumentException("An appeal says why.", nameof(text));
        Id = Guid.CreateVersion7(now);
        ActionId = actionId;
        AuthorId = authorId;
        Text = text.Trim();
        Status = AppealStatus.Pending;
        CreatedAt = now;
    }

    public Guid TenantId { get; private set; }
    public Guid Id { get; private set; }
    public Guid ActionId { get; private set; }
    public Guid AuthorId { get; private set; }
    public string Text { get; private set; }
    public AppealStatus Status { get; private set; }
    public DateTimeOffset CreatedAt { get; private set; }
    public Guid? DecidedById { get; private set; }
    public DateTimeOffset? DecidedAt { get; private set; }

    public void Decide(bool overturn, Guid moderatorId, DateTimeOffset now)
    {
        if (Status != AppealStatus.Pending) throw new InvalidOperationException("This appeal was already decided.");
        Status = overturn ? AppealStatus.Overturned : AppealStatus.Upheld;
        DecidedById = moderatorId;
        DecidedAt = now;
    }
}
