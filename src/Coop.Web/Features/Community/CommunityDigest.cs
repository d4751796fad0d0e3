using Coop.Data;
using Coop.Data.Tenancy;
using Coop.Domain.Community;
using Coop.Web.Features.Accounts;
using Coop.Web.Features.Mail;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Coop.Web.Features.Community;

/// <summary>
/// E-mail is most members' main channel: unmailed notifications go out as each member chose (at once, daily, weekly
/// or never), one mail listing them all, queued in the outbox with the "mailed" marks in the same save. Runs per
/// cooperative in its own tenant scope.
/// </summary>
public sealed class CommunityDigest(TenantScopeFactory tenantScopes, TimeProvider clock)
{
    public static readonly MailTemplate Digest = new("Mail.Digest.Subject", "Mail.Digest.Body", "Mail.Digest.Action");

    public Task RunOnceAsync(CancellationToken ct) =>
        tenantScopes.ForEachOpenTenantAsync("community digest", (services, tenant) => RunForTenantAsync(services, tenant, ct), ct);

    private async Task RunForTenantAsync(IServiceProvider services, TenantInfo tenant, CancellationToken ct)
    {
        var db = services.GetRequiredService<CoopDbContext>();
        var pending = await db.Notifications.Where(n => n.MailedAt == null).OrderBy(n => n.CreatedAt).ToListAsync(ct);
        if (pending.Count == 0) return;
        var now = clock.GetUtcNow();
        var memberIds = pending.Select(n => n.MemberId).Distinct().ToList();
        var preferences = await db.NotificationPreferences.Where(p => memberIds.Contains(p.MemberId)).ToDictionaryAsync(p => p.MemberId, ct);
        var people = await db.Members.AsNoTracking().ToDictionaryAsync(m => m.Id, m => m.DisplayName, ct);
        var emails = await db.Members.AsNoTracking().Where(m => memberIds.Contains(m.Id))
            .Join(db.Users, m => m.UserId, u => u.Id, (m, u) => new { m.Id, u.Email }).ToDictionaryAsync(x => x.Id, x => x.Email, ct);
        var postIds = pending.Select(n => n.PostId).Distinct().ToList();
        var titles = await db.Posts.AsNoTracking().Where(p => postIds.Contains(p.Id)).ToDictionaryAsync(p => p.Id, p => p.Headline(), ct);
        var mailer = services.GetRequiredService<Mailer>();
        var links = services.GetRequiredService<AccountLinks>();
        var l = services.GetRequiredService<IStringLocalizer<SharedResource>>();

        foreach (var group in pending.GroupBy(n => n.MemberId))
        {
            if (!preferences.TryGetValue(group.Key, out var preference))
            {
                preference = new NotificationPreference(group.Key, DigestFrequency.Daily);
                db.NotificationPreferences.Add(preference);
            }
            if (preference.Frequency == DigestFrequency.Off)
            {
                foreach (var n in group) n.MarkMailed(now);
                continue;
            }
            if (!NotificationPreference.Due(preference.Frequency, preference.LastDigestAt, now) || emails.GetValueOrDefault(group.Key) is not { } email) continue;
            string lines;
            using (new CultureScope(tenant.Locale))
                lines = string.Join(" · ", group.Select(n => l[$"Notification.{n.Kind}", people.GetValueOrDefault(n.ActorId, "?"), titles.GetValueOrDefault(n.PostId, "…")].Value));
            mailer.Enqueue(email, tenant.Locale, Digest, people.GetValueOrDefault(group.Key, ""), links.To($"/c/{tenant.Slug}/notifications"),
                tenant.Name, group.Count(), lines);
            foreach (var n in group) n.MarkMailed(now);
            preference.Digested(now);
        }
        await db.SaveChangesAsync(ct);
    }
}

public sealed class CommunityDigestService(CommunityDigest digest, ILogger<CommunityDigestService> logger) : Infrastructure.PeriodicService(TimeSpan.FromMinutes(5), logger)
{
    protected override Task RunOnceAsync(CancellationToken ct) => digest.RunOnceAsync(ct);
}
