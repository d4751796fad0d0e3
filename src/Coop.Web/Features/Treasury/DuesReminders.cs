using Coop.Data;
using Coop.Data.Tenancy;
using Coop.Domain.Treasury;
using Coop.Web.Features.Accounts;
using Coop.Web.Features.Mail;
using Coop.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Coop.Web.Features.Treasury;

/// <summary>Dues reminders by e-mail: before the due date, after the grace period, and on the treasurer's click.</summary>
public sealed class DuesReminders(CoopDbContext db, Mailer mailer, AccountLinks links, TenantContext tenant, TimeProvider clock)
{
    public static readonly MailTemplate Before = new("Mail.DuesSoon.Subject", "Mail.DuesSoon.Body", "Mail.Dues.Action");
    public static readonly MailTemplate After = new("Mail.DuesOverdue.Subject", "Mail.DuesOverdue.Body", "Mail.Dues.Action");

    public async Task SendDueAsync(CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var today = DateOnly.FromDateTime(now.UtcDateTime);
        var soon = today.AddDays((int)TreasuryClock.RemindBefore.TotalDays);
        var again = now - TreasuryClock.RemindAgainAfter;
        var plans = await db.DuesPlans.AsNoTracking().ToDictionaryAsync(p => p.Id, ct);
        var open = await db.DuesCalls.Where(c => c.AmountMinor > c.PaidMinor + c.WaivedMinor && c.DueOn <= soon).ToListAsync(ct);
        foreach (var call in open)
        {
            var grace = plans.TryGetValue(call.PlanId, out var plan) ? plan.GraceDays : 0;
            if (call.StatusOn(today, grace) == DuesStatus.Overdue)
            {
                if (call.RemindedAfterAt is { } last && last > again) continue;
                call.RemindedAfter(now);
                await MailAsync(call, After, ct);
            }
            else if (call.RemindedBeforeAt is null)
            {
                call.RemindedBefore(now);
                await MailAsync(call, Before, ct);
            }
        }
        await db.SaveChangesAsync(ct);
    }

    /// <summary>The treasurer's one-click reminder for an overdue member.</summary>
    public async Task RemindAsync(DuesCall call, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(call);
        call.RemindedAfter(clock.GetUtcNow());
        await MailAsync(call, After, ct);
    }

    private async Task MailAsync(DuesCall call, MailTemplate template, CancellationToken ct)
    {
        var info = tenant.Current!;
        var to = await db.Members.Where(m => m.Id == call.MemberId).Join(db.Users, m => m.UserId, u => u.Id, (m, u) => new { u.Email, m.DisplayName }).SingleOrDefaultAsync(ct);
        if (to?.Email is null) return;
        mailer.Enqueue(to.Email, info.Locale, template, to.DisplayName, links.To($"/c/{info.Slug}/dues"), info.Name,
            Money.Format(call.OutstandingMinor, info.Currency, info.Locale), call.DueOn.ToString("d", System.Globalization.CultureInfo.GetCultureInfo(info.Locale)));
    }
}
