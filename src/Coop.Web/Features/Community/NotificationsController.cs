using Coop.Data;
using Coop.Data.Tenancy;
using Coop.Domain.Community;
using Coop.Web.Features.Membership;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace Coop.Web.Features.Community;

/// <summary>The member's notifications (marked read when seen) and how often they want them by e-mail.</summary>
[Route("c/{tenant}/notifications")]
[Authorize(Policy = Policies.Member)]
public sealed class NotificationsController(CoopDbContext db, TenantContext tenantContext, CurrentMember currentMember, TimeProvider clock) : Controller
{
    [HttpGet("")]
    public async Task<IActionResult> Index(CancellationToken ct)
    {
        var me = (await currentMember.GetAsync(ct))!;
        var items = await db.Notifications.Where(n => n.MemberId == me.Id).OrderByDescending(n => n.CreatedAt).ThenByDescending(n => n.Id).Take(100).ToListAsync(ct);
        var unread = items.Where(n => n.ReadAt is null).Select(n => n.Id).ToHashSet();
        foreach (var n in items) n.MarkRead(clock.GetUtcNow());
        await db.SaveChangesAsync(ct);
        var actorIds = items.Select(n => n.ActorId).Distinct().ToList();
        var names = await db.Members.AsNoTracking().Where(m => actorIds.Contains(m.Id)).ToDictionaryAsync(m => m.Id, m => m.DisplayName, ct);
        var postIds = items.Select(n => n.PostId).Distinct().ToList();
        var titles = await db.Posts.AsNoTracking().Where(p => postIds.Contains(p.Id)).ToDictionaryAsync(p => p.Id, p => p.Headline(), ct);
        var frequency = await db.NotificationPreferences.Where(p => p.MemberId == me.Id).Select(p => (DigestFrequency?)p.Frequency).FirstOrDefaultAsync(ct) ?? DigestFrequency.Daily;
        return View("Notifications", new NotificationsModel(tenantContext.Current!.Slug, items, unread, names, titles, frequency));
    }

    [HttpPost("preferences")]
    public async Task<IActionResult> Preferences(DigestFrequency frequency, CancellationToken ct)
    {
        if (!Enum.IsDefined(frequency)) return BadRequest();
        var me = (await currentMember.GetAsync(ct))!;
        var preference = await db.NotificationPreferences.FirstOrDefaultAsync(p => p.MemberId == me.Id, ct);
        if (preference is null) db.NotificationPreferences.Add(new NotificationPreference(me.Id, frequency));
        else preference.Change(frequency);
        try { await db.SaveChangesAsync(ct); }
        catch (DbUpdateException) { /* set twice at once: the unique index kept one row */ }
        TempData["Flash"] = "Notification.Saved";
        return Redirect($"/c/{tenantContext.Current!.Slug}/notifications");
    }
}

public sealed record NotificationsModel(string Slug, IReadOnlyList<Notification> Items, IReadOnlySet<Guid> Unread, IReadOnlyDictionary<Guid, string> Names,
    IReadOnlyDictionary<Guid, string> Titles, DigestFrequency Frequency);
