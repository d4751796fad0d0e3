using Coop.Data;
using Coop.Data.Tenancy;
using Coop.Domain.Audience;
using Coop.Domain.Membership;
using Coop.Web.Features.Accounts;
using Coop.Web.Features.Mail;
using Coop.Web.Features.Tenancy;
using Microsoft.EntityFrameworkCore;

namespace Coop.Web.Features.Audience;

/// <summary>
/// The retention rules, applied to one cooperative: contacts silent for three years are asked once whether they want
/// to stay; those who do not answer within 30 days are erased; former members are pseudonymised once the
/// cooperative's period after leaving is over. Each run is one transaction and leaves a <see cref="RetentionRun"/>,
/// and running it twice in a row changes nothing the second time.
/// </summary>
public sealed class Retention(CoopDbContext db, CurrentCooperative cooperative, Erasure erasure, Mailer mailer, AudienceTokens tokens, AccountLinks links, TenantContext tenant, TimeProvider clock)
{
    public static readonly MailTemplate Reconsent = new("Mail.Reconsent.Subject", "Mail.Reconsent.Body", "Mail.Reconsent.Action");

    public async Task<RetentionRun> RunAsync(CancellationToken ct)
    {
        var info = tenant.Current!;
        var now = clock.GetUtcNow();
        await using var transaction = await db.Database.BeginTransactionAsync(ct);

        var silentSince = now - RetentionRules.ContactInactivity;
        var askedBefore = now - RetentionRules.ReconsentGrace;
        var unanswered = await db.Contacts.Where(c => c.ReconsentRequestedAt != null && c.ReconsentRequestedAt < askedBefore && c.LastActiveAt < c.ReconsentRequestedAt)
            .ToListAsync(ct);
        foreach (var contact in unanswered) await erasure.ForgetContactAsync(contact, ct);

        var silent = await db.Contacts.Where(c => c.ReconsentRequestedAt == null && c.LastActiveAt < silentSince).ToListAsync(ct);
        foreach (var contact in silent)
        {
            contact.AskedToReconsent(now);
            mailer.Enqueue(contact.Email, info.Locale, Reconsent, contact.Name,
                links.To($"/c/{info.Slug}/preferences?token={tokens.Preferences(info.Id, contact.Id)}"), info.Name);
        }

        var months = await cooperative.ReadAsync(t => t.FormerMemberRetentionMonths, ct);
        var leftBefore = now.AddMonths(-months);
        var former = await db.Members.Where(m => m.PseudonymisedAt == null && m.StatusChangedAt < leftBefore
            && (m.Status == MembershipStatus.Resigned || m.Status == MembershipStatus.Excluded || m.Status == MembershipStatus.Refused)).ToListAsync(ct);
        foreach (var member in former) await erasure.ForgetMemberAsync(member, ct);

        var run = new RetentionRun(now, silent.Count, unanswered.Count, former.Count);
        db.RetentionRuns.Add(run);
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        return run;
    }
}

/// <summary>Visits every open cooperative once a day; safe on several nodes since a second run finds nothing left to do.</summary>
public sealed class RetentionJob(TenantScopeFactory tenantScopes)
{
    public Task RunOnceAsync(CancellationToken ct) =>
        tenantScopes.ForEachOpenTenantAsync("retention", (services, _) => services.GetRequiredService<Retention>().RunAsync(ct), ct);
}

public sealed class RetentionService(RetentionJob job, ILogger<RetentionService> logger) : Infrastructure.PeriodicService(TimeSpan.FromHours(24), logger)
{
    protected override Task RunOnceAsync(CancellationToken ct) => job.RunOnceAsync(ct);
}
