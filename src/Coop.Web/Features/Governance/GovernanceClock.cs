using Coop.Data;
using Coop.Data.Tenancy;
using Coop.Domain.Governance;
using Microsoft.EntityFrameworkCore;

namespace Coop.Web.Features.Governance;

/// <summary>
/// The timed side of polls, run every minute in each open cooperative's own scope: close polls whose deadline has
/// passed (with the results mail) and remind non-voters a day before the close. Safe on several nodes: closing
/// twice loses on the vote's concurrency token, and a reminder is marked in the same save as its mails.
/// </summary>
public sealed class GovernanceClock(TenantScopeFactory tenantScopes, TimeProvider clock, ILogger<GovernanceClock> logger)
{
    public static readonly TimeSpan ReminderBefore = TimeSpan.FromHours(24);

    public Task RunOnceAsync(CancellationToken ct) =>
        tenantScopes.ForEachOpenTenantAsync("governance clock", (services, _) => RunForTenantAsync(services, ct), ct);

    private async Task RunForTenantAsync(IServiceProvider services, CancellationToken ct)
    {
        var db = services.GetRequiredService<CoopDbContext>();
        var now = clock.GetUtcNow();
        var due = await db.Votes.Where(v => v.AssemblyId == null && v.Status == VoteStatus.Open && v.ClosesAt != null && v.ClosesAt <= now).ToListAsync(ct);
        foreach (var vote in due)
        {
            try { await services.GetRequiredService<VoteLifecycle>().CloseAsync(vote, null, ct); }
            catch (GovernanceRefusalException ex) { logger.LogInformation("Vote {VoteId} not closed by the clock: {Reason}", vote.Id, ex.Key); }
        }
        var soon = now + ReminderBefore;
        var remind = await db.Votes.Where(v => v.AssemblyId == null && v.Status == VoteStatus.Open && v.ReminderSentAt == null && v.ClosesAt != null && v.ClosesAt <= soon).ToListAsync(ct);
        foreach (var vote in remind)
        {
            vote.MarkReminderSent(now);
            await services.GetRequiredService<GovernanceMails>().VoteAsync(vote, GovernanceMails.Reminder, onlyNonVoters: true,
                services.GetRequiredService<Infrastructure.TenantTime>().Format(vote.ClosesAt), ct);
            try { await db.SaveChangesAsync(ct); }
            catch (DbUpdateConcurrencyException) { db.ChangeTracker.Clear(); }
        }
    }
}

public sealed class GovernanceClockService(GovernanceClock governanceClock, ILogger<GovernanceClockService> logger) : Infrastructure.PeriodicService(TimeSpan.FromMinutes(1), logger)
{
    protected override Task RunOnceAsync(CancellationToken ct) => governanceClock.RunOnceAsync(ct);
}
