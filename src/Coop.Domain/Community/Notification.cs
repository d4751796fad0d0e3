using Coop.Domain.Tenancy;

namespace Coop.Domain.Community;

public enum NotificationKind
{
    /// <summary>Someone wrote "@Your Name" in a post or a comment.</summary>
    Mention = 1,
    /// <summary>A comment on your post, or a reply to your comment.</summary>
    Reply = 2,
    /// <summary>A member thanked you, privately, for a post.</summary>
    Thanks = 3,
}

/// <summary>Something for one member to know, listed in the app and sent by e-mail as their digest setting says.</summary>
public sealed class Notification : ITenantOwned
{
    private Notification() { }

    public Notification(Guid memberId, NotificationKind kind, Guid actorId, Guid postId, DateTimeOffset now)
    {
        Id = Guid.CreateVersion7(now);
        MemberId = memberId;
        Kind = kind;
        ActorId = actorId;
        PostId = postId;
        CreatedAt = now;
    }

    public Guid TenantId { get; private set; }
    public Guid Id { get; private set; }
    public Guid MemberId { get; private set; }
    public NotificationKind Kind { get; private set; }
    public Guid ActorId { get; private set; }
    public Guid PostId { get; private set; }
    public DateTimeOffset CreatedAt { get; private set; }
    public DateTimeOffset? ReadAt { get; private set; }
    /// <summary>When it went out in a mail (or was skipped because the member turned mail off).</summary>
    public DateTimeOffset? MailedAt { get; private set; }

    public void MarkRead(DateTimeOffset now) => ReadAt ??= now;

    public void MarkMailed(DateTimeOffset now) => MailedAt ??= now;
}

public enum DigestFrequency
{
    Immediate = 1,
    Daily = 2,
    Weekly = 3,
    Off = 4,
}

/// <summary>How often a member wants their notifications by e-mail (daily when they never said).</summary>
public sealed class NotificationPreference : ITenantOwned
{
    private NotificationPreference() { }

    public NotificationPreference(Guid memberId, DigestFrequency frequency)
    {
        Id = Guid.CreateVersion7();
        MemberId = memberId;
        Frequency = frequency;
    }

    public Guid TenantId { get; private set; }
    public Guid Id { get; private set; }
    public Guid MemberId { get; private set; }
    public DigestFrequency Frequency { get; private set; }
    public DateTimeOffset? LastDigestAt { get; private set; }

    public void Change(DigestFrequency frequency) => Frequency = frequency;

    public void Digested(DateTimeOffset now) => LastDigestAt = now;

    /// <summary>Whether a digest is due now for this frequency, given when the last one went.</summary>
    public static bool Due(DigestFrequency frequency, DateTimeOffset? last, DateTimeOffset now) => frequency switch
    {
        DigestFrequency.Immediate => true,
        DigestFrequency.Daily => last is null || now - last >= TimeSpan.FromDays(1),
        DigestFrequency.Weekly => last is null || now - last >= TimeSpan.FromDays(7),
        _ => false,
    };
}

/// <summary>Mentions are written "@" followed by a member's display name, as shown in the directory.</summary>
public static class Mentions
{
    /// <summary>The members named after an "@" in the text (longest names first, so "@Anne-Marie" is not "@Anne").</summary>
    public static IReadOnlyList<Guid> Find(string text, IReadOnlyList<(Guid Id, string Name)> members)
    {
        ArgumentNullException.ThrowIfNull(members);
        if (string.IsNullOrEmpty(text) || !text.Contains('@', StringComparison.Ordinal)) return [];
        var found = new List<Guid>();
        var taken = new bool[text.Length];
        foreach (var (id, name) in members.Where(m => m.Name.Length > 0).OrderByDescending(m => m.Name.Length))
        {
            var needle = "@" + name;
            for (var at = text.IndexOf(needle, StringComparison.CurrentCultureIgnoreCase); at >= 0; at = text.IndexOf(needle, at + 1, StringComparison.CurrentCultureIgnoreCase))
            {
                var end = at + needle.Length;
                if (taken[at] || (end < text.Length && (char.IsLetterOrDigit(text[end]) || text[end] is '-' or '_'))) continue;
                for (var i = at; i < end; i++) taken[i] = true;
                if (!found.Contains(id)) found.Add(id);
            }
        }
        return found;
    }
}
