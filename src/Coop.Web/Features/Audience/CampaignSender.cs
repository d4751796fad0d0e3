using System.Text.Encodings.Web;
using Coop.Data;
using Coop.Data.Outbox;
using Coop.Data.Tenancy;
using Coop.Domain.Audience;
using Coop.Web.Features.Accounts;
using Coop.Web.Features.Mail;
using Coop.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Coop.Web.Features.Audience;

public sealed record DeliveryCounts(int Queued, int Sent, int Failed);

/// <summary>
/// Sends a campaign: one outbox mail per contact who consents to the segment's purpose at this moment, each with
/// its own one-click unsubscribe link (in the text and in the List-Unsubscribe header) and preferences link. The
/// campaign is marked sent in the same save, under a concurrency token, so a double click sends once.
/// </summary>
public sealed class CampaignSender(CoopDbContext db, AudienceQueries queries, AudienceTokens tokens, AccountLinks links, TenantContext tenant,
    IStringLocalizer<SharedResource> l, TimeProvider clock)
{
    public async Task<int> SendAsync(Campaign campaign, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(campaign);
        if (campaign.Status != CampaignStatus.Draft) throw new AudienceException("Audience.CampaignAlreadySent");
        var info = tenant.Current!;
        var segment = await db.Segments.AsNoTracking().SingleAsync(s => s.Id == campaign.SegmentId, ct);
        var purpose = await db.Purposes.AsNoTracking().SingleAsync(p => p.Id == segment.PurposeId, ct);
        var recipients = await queries.Recipients(segment).Select(c => new { c.Id, c.Name, c.Email }).ToListAsync(ct);
        var now = clock.GetUtcNow();
        var html = SafeMarkdown.ToHtml(campaign.Body);
        string why, unsubscribeLabel, preferencesLabel;
        using (new CultureScope(info.Locale))
        {
            why = l["Campaign.Why", info.Name, purpose.Name].Value;
            unsubscribeLabel = l["Campaign.Unsubscribe"].Value;
            preferencesLabel = l["Campaign.Preferences"].Value;
        }
        foreach (var r in recipients)
        {
            var unsubscribe = links.To($"/c/{info.Slug}/unsubscribe?token={tokens.Unsubscribe(info.Id, r.Id, purpose.Id)}").ToString();
            var preferences = links.To($"/c/{info.Slug}/preferences?token={tokens.Preferences(info.Id, r.Id)}").ToString();
            var text = $"{campaign.Body}\n\n--\n{why}\n{unsubscribeLabel} : {unsubscribe}\n{preferencesLabel} : {preferences}\n";
            var body = $"""
                <!doctype html><html lang="{info.Locale}"><body>
                {html}
                <hr><p>{Encode(why)}<br><a href="{Encode(unsubscribe)}">{Encode(unsubscribeLabel)}</a> · <a href="{Encode(preferences)}">{Encode(preferencesLabel)}</a></p>
                </body></html>
                """;
            var message = new OutboxMessage(info.Id, r.Email, campaign.Subject, text, body, now);
            message.ForCampaign(campaign.Id, unsubscribe);
            db.OutboxMessages.Add(message);
        }
        campaign.MarkSent(recipients.Count, now);
        await db.SaveChangesAsync(ct);
        return recipients.Count;
    }

    public async Task<Dictionary<Guid, DeliveryCounts>> CountsAsync(IReadOnlyCollection<Guid> campaignIds, CancellationToken ct)
    {
        var tenantId = db.TenantId;
        var rows = await db.OutboxMessages.AsNoTracking().Where(m => m.TenantId == tenantId && m.CampaignId != null && campaignIds.Contains(m.CampaignId.Value))
            .GroupBy(m => m.CampaignId!.Value)
            .Select(g => new { g.Key, Sent = g.Count(m => m.SentAt != null), Failed = g.Count(m => m.SentAt == null && m.Abandoned), Queued = g.Count(m => m.SentAt == null && !m.Abandoned) })
            .ToListAsync(ct);
        return rows.ToDictionary(r => r.Key, r => new DeliveryCounts(r.Queued, r.Sent, r.Failed));
    }

    private static string Encode(string value) => HtmlEncoder.Default.Encode(value);
}
