using Coop.Domain.Tenancy;

namespace Coop.Domain.Audience;

/// <summary>
/// A saved selection of contacts: always for one purpose (only those who consent to it today), narrowed by a tag
/// and a postal code prefix.
/// </summary>
public sealed class Segment : ITenantOwned
{
    private Segment() => Name = string.Empty;

    public Segment(string name, Guid purposeId, string? tag, string? postalPrefix, DateTimeOffset now)
    {
        Id = Guid.CreateVersion7(now);
        Name = name.Trim();
        PurposeId = purposeId;
        Tag = string.IsNullOrWhiteSpace(tag) ? null : tag.Trim().ToLowerInvariant();
        PostalPrefix = Contact.NormalizePostalCode(postalPrefix);
        CreatedAt = now;
    }

    public Guid TenantId { get; private set; }
    public Guid Id { get; private set; }
    public string Name { get; private set; }
    public Guid PurposeId { get; private set; }
    public string? Tag { get; private set; }
    public string? PostalPrefix { get; private set; }
    public DateTimeOffset CreatedAt { get; private set; }
}

public enum CampaignStatus { Draft, Sent }

/// <summary>
/// A message to a segment. Sending writes one outbox mail per consenting contact, each with its own unsubscribe
/// link; the outbox then says how many went and how many failed.
/// </summary>
public sealed class Campaign : ITenantOwned
{
    public const int SubjectMax = 200;
    public const int BodyMax = 50_000;

    private Campaign() => Subject = Body = string.Empty;

    public Campaign(Guid segmentId, string subject, string body, DateTimeOffset now)
    {
        Id = Guid.CreateVersion7(now);
        SegmentId = segmentId;
        Subject = subject.Trim();
        Body = body.Trim();
        CreatedAt = now;
    }

    public Guid TenantId { get; private set; }
    public Guid Id { get; private set; }
    public Guid SegmentId { get; private set; }
    public string Subject { get; private set; }
    /// <summary>Markdown, rendered by the safe renderer.</summary>
    public string Body { get; private set; }
    public CampaignStatus Status { get; private set; }
    public DateTimeOffset CreatedAt { get; private set; }
    public DateTimeOffset? SentAt { get; private set; }
    public int Recipients { get; private set; }

    public void Edit(string subject, string body)
    {
        if (Status != CampaignStatus.Draft) throw new AudienceException("Audience.CampaignAlreadySent");
        Subject = subject.Trim();
        Body = body.Trim();
    }

    public void MarkSent(int recipients, DateTimeOffset now)
    {
        if (Status != CampaignStatus.Draft) throw new AudienceException("Audience.CampaignAlreadySent");
        Status = CampaignStatus.Sent;
        Recipients = recipients;
        SentAt = now;
    }
}
