using Coop.Data.Tenancy;
using Coop.Domain.Common;

namespace Coop.Data.Outbox;

/// <summary>
/// An e-mail waiting to be sent. Written in the same transaction as the change that caused it, so a mail is never
/// sent for a change that rolled back nor lost for one that committed. Platform-level: account mails have no
/// tenant; mails a cooperative sends carry its <see cref="TenantId"/>, and only that cooperative's contexts (and the
/// sender) read them.
/// </summary>
public sealed class OutboxMessage : IPlatformEntity, ITenantAttributed
{
    private OutboxMessage() => To = Subject = TextBody = HtmlBody = string.Empty;

    public OutboxMessage(Guid? tenantId, string to, string subject, string textBody, string htmlBody, DateTimeOffset now)
    {
        Id = Guid.CreateVersion7(now);
        TenantId = tenantId;
        To = to;
        Subject = subject;
        TextBody = textBody;
        HtmlBody = htmlBody;
        CreatedAt = now;
        NextAttemptAt = now;
    }

    public Guid Id { get; private set; }
    public Guid? TenantId { get; private set; }
    public string To { get; private set; }
    public string Subject { get; private set; }
    public string TextBody { get; private set; }
    public string HtmlBody { get; private set; }
    public DateTimeOffset CreatedAt { get; private set; }
    public DateTimeOffset NextAttemptAt { get; private set; }
    public DateTimeOffset? LockedUntil { get; private set; }
    public DateTimeOffset? SentAt { get; private set; }
    public int Attempts { get; private set; }
    public string? LastError { get; private set; }
    public bool Abandoned { get; private set; }

    /// <summary>The campaign this mail belongs to, for its delivery counts and for withdrawing it when the contact unsubscribes first.</summary>
    public Guid? CampaignId { get; private set; }
    /// <summary>The one-click unsubscribe address (RFC 8058), sent as the List-Unsubscribe header.</summary>
    public string? ListUnsubscribe { get; private set; }

    public const int MaxAttempts = 8;

    public void ForCampaign(Guid campaignId, string unsubscribeUrl)
    {
        CampaignId = campaignId;
        ListUnsubscribe = unsubscribeUrl;
    }

    public void MarkSent(DateTimeOffset now)
    {
        SentAt = now;
        LockedUntil = null;
        LastError = null;
        Attempts++;
    }

    /// <summary>Exponential backoff: 30 s, 1 min, 2 min ... up to about an hour; abandoned after <see cref="MaxAttempts"/>.</summary>
    public void MarkFailed(string error, DateTimeOffset now)
    {
        Attempts++;
        LastError = error.Length > 500 ? error[..500] : error;
        LockedUntil = null;
        Abandoned = Attempts >= MaxAttempts;
        NextAttemptAt = now.AddSeconds(Math.Min(3600, 30 * Math.Pow(2, Attempts - 1)));
    }
}
