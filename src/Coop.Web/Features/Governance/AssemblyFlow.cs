using Coop.Data;
using Coop.Domain.Governance;
using Microsoft.EntityFrameworkCore;

namespace Coop.Web.Features.Governance;

/// <summary>Who takes part in an assembly right now, and whether that meets the quorum of its rule.</summary>
public sealed record AssemblyQuorum(int Eligible, int Present, int Remote, int Represented, int Correspondence, Fraction Required)
{
    public int Participants => Present + Remote + Represented + Correspondence;
    public bool Reached => Required.IsMetBy(Participants, Eligible);

    /// <summary>Present and remote attendees, absent ones with an active proxy (represented), and absent correspondence voters.</summary>
    public static AssemblyQuorum From(int eligible, IReadOnlyCollection<AssemblyAttendee> attendees, IReadOnlySet<Guid> proxyGivers, Fraction required)
    {
        ArgumentNullException.ThrowIfNull(attendees);
        ArgumentNullException.ThrowIfNull(proxyGivers);
        var absent = attendees.Where(a => a.Attendance == Attendance.Absent).ToList();
        return new AssemblyQuorum(eligible,
            attendees.Count(a => a.Attendance == Attendance.Present),
            attendees.Count(a => a.Attendance == Attendance.Remote),
            absent.Count(a => proxyGivers.Contains(a.MemberId)),
            absent.Count(a => !proxyGivers.Contains(a.MemberId) && a.VotedByCorrespondence),
            required);
    }
}

/// <summary>
/// A general assembly from convocation to signed minutes: convening freezes the voter list and the agenda's rules
/// and mails the convocation; proxies within the statutes' cap; attendance and live quorum; resolutions opened and
/// closed by the chair; a second convocation when the quorum fails; minutes at the close.
/// </summary>
public sealed class AssemblyFlow(CoopDbContext db, DecisionRules rules, Eligibility eligibility, VoteLifecycle votes,
    GovernanceMails mails, MinutesWriter minutes, AssemblyLive live, TimeProvider clock)
{
    private const int Attempts = 8;

    /// <summary>Sends the convocation. Returns true when the statutory notice period is not met (the page warns).</summary>
    public async Task<bool> ConveneAsync(Assembly assembly, string when, string where, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(assembly);
        var now = clock.GetUtcNow();
        var agenda = await db.Votes.Where(v => v.AssemblyId == assembly.Id).ToListAsync(ct);
        if (agenda.Count == 0) throw new GovernanceRefusalException("Governance.Assembly.EmptyAgenda");
        var voters = await eligibility.ListAsync(assembly.Type, ct);
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        try { assembly.Convene(voters.Count, now); }
        catch (AssemblyStateException ex) { throw Refusal(ex); }
        db.AssemblyAttendees.AddRange(voters.Select(v => new AssemblyAttendee(assembly.Id, v.MemberId, v.CollegeId)));
        foreach (var resolution in agenda) await votes.FreezeAsync(resolution, assembly.Convocation, voters, ct);
        await SaveAsync(ct);
        await mails.ConvocationAsync(assembly, when, where, ct);
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        return assembly.NoticeShort(now);
    }

    public async Task<AssemblyQuorum> QuorumAsync(Assembly assembly, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(assembly);
        var attendees = await db.AssemblyAttendees.AsNoTracking().Where(a => a.AssemblyId == assembly.Id).ToListAsync(ct);
        var givers = (await db.ProxyGrants.AsNoTracking().Where(p => p.AssemblyId == assembly.Id && p.RevokedAt == null).Select(p => p.GiverId).ToListAsync(ct)).ToHashSet();
        var rule = await rules.ForAsync(assembly.Type, assembly.Convocation, ct);
        return AssemblyQuorum.From(assembly.EligibleCount, attendees, givers, rule.ToDecisionRule().Quorum);
    }

    /// <summary>Gives (or changes) a proxy: to a member, or blank (holder null). The holder's count is a concurrency token, so the cap holds under races.</summary>
    public async Task GrantProxyAsync(Guid assemblyId, Guid giverId, Guid? holderId, CancellationToken ct)
    {
        for (var attempt = 1; ; attempt++)
        {
            db.ChangeTracker.Clear();
            try
            {
                await TryGrantProxyAsync(assemblyId, giverId, holderId, ct);
                await live.ChangedAsync(db.TenantId!.Value, assemblyId);
                return;
            }
            catch (DbUpdateException) when (attempt < Attempts) { }
            catch (DbUpdateException) { throw new GovernanceRefusalException("Governance.State.Busy"); }
        }
    }

    private async Task TryGrantProxyAsync(Guid assemblyId, Guid giverId, Guid? holderId, CancellationToken ct)
    {
        var assembly = await db.Assemblies.AsNoTracking().FirstOrDefaultAsync(a => a.Id == assemblyId, ct) ?? throw new GovernanceRefusalException("Governance.NotFound");
        if (assembly.Status is not (AssemblyStatus.Convened or AssemblyStatus.InSession))
            throw new GovernanceRefusalException(assembly.Status == AssemblyStatus.Draft ? "Governance.State.NotConvened" : "Governance.State.Closed");
        var rule = await rules.ForAsync(assembly.Type, assembly.Convocation, ct);
        var attendees = await db.AssemblyAttendees.Where(a => a.AssemblyId == assemblyId && (a.MemberId == giverId || a.MemberId == holderId)).ToListAsync(ct);
        var giver = attendees.FirstOrDefault(a => a.MemberId == giverId) ?? throw Proxy(ProxyRefusal.GiverNotEligible);
        if (rule.ProxyCap == ProxyCap.Forbidden) throw Proxy(ProxyRefusal.ProxiesForbidden);
        if (giver.Attendance != Attendance.Absent) throw new GovernanceRefusalException("Governance.Proxy.GiverAttends");
        var voted = await db.VoterRoll.AnyAsync(r => r.MemberId == giverId && r.HasVoted && db.Votes.Any(v => v.Id == r.VoteId && v.AssemblyId == assemblyId), ct);
        if (voted) throw Proxy(ProxyRefusal.GiverAlreadyVoted);
        var active = await db.ProxyGrants.Where(p => p.AssemblyId == assemblyId && p.RevokedAt == null && (p.GiverId == giverId || p.GiverId == holderId)).ToListAsync(ct);
        var current = active.FirstOrDefault(p => p.GiverId == giverId);
        if (current is not null && current.HolderId == holderId) return;

        var now = clock.GetUtcNow();
        if (holderId is { } h)
        {
            var holder = attendees.FirstOrDefault(a => a.MemberId == h) ?? throw Proxy(h == giverId ? ProxyRefusal.ToSelf : ProxyRefusal.HolderNotEligible);
            if (active.Any(p => p.GiverId == h)) throw new GovernanceRefusalException("Governance.Proxy.HolderGaveProxy");
            var refusal = ProxyRules.Check(rule.ProxyCap, rule.ProxyFixedCap, assembly.EligibleCount, giverId, h,
                new HashSet<Guid> { giverId, h }, holder.ProxiesHeld, voted);
            if (refusal != ProxyRefusal.None)
                throw refusal == ProxyRefusal.CapReached
                    ? new GovernanceRefusalException("Governance.Proxy.CapReached", ProxyRules.MaxPerHolder(rule.ProxyCap, rule.ProxyFixedCap, assembly.EligibleCount))
                    : Proxy(refusal);
            holder.HoldProxy();
        }
        if (current is not null) await ReleaseAsync(current, now, ct);
        db.ProxyGrants.Add(new ProxyGrant(assemblyId, giverId, holderId, now));
        await db.SaveChangesAsync(ct);
    }

    public async Task RevokeProxyAsync(Guid assemblyId, Guid giverId, CancellationToken ct)
    {
        var proxy = await db.ProxyGrants.FirstOrDefaultAsync(p => p.AssemblyId == assemblyId && p.GiverId == giverId && p.RevokedAt == null, ct);
        if (proxy is null) return;
        await ReleaseAsync(proxy, clock.GetUtcNow(), ct);
        await SaveAsync(ct);
        await live.ChangedAsync(db.TenantId!.Value, assemblyId);
    }

    /// <summary>Records attendance during the session. Attending revokes a proxy the member had given.</summary>
    public async Task CheckInAsync(Assembly assembly, Guid memberId, Attendance attendance, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(assembly);
        if (assembly.Status != AssemblyStatus.InSession) throw new GovernanceRefusalException("Governance.State.NotInSession");
        var attendee = await db.AssemblyAttendees.FirstOrDefaultAsync(a => a.AssemblyId == assembly.Id && a.MemberId == memberId, ct)
            ?? throw new GovernanceRefusalException("Governance.NotEligible");
        attendee.CheckIn(attendance, clock.GetUtcNow());
        if (attendance != Attendance.Absent)
        {
            var proxy = await db.ProxyGrants.FirstOrDefaultAsync(p => p.AssemblyId == assembly.Id && p.GiverId == memberId && p.RevokedAt == null, ct);
            if (proxy is not null) await ReleaseAsync(proxy, clock.GetUtcNow(), ct);
        }
        await SaveAsync(ct);
        await live.ChangedAsync(assembly.TenantId, assembly.Id);
    }

    public async Task OpenSessionAsync(Assembly assembly, Guid chairId, Guid secretaryId, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(assembly);
        try { assembly.OpenSession(chairId, secretaryId, clock.GetUtcNow()); }
        catch (AssemblyStateException ex) { throw Refusal(ex); }
        await SaveAsync(ct);
        await live.ChangedAsync(assembly.TenantId, assembly.Id);
    }

    public async Task OpenResolutionAsync(Assembly assembly, Vote resolution, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(assembly);
        ArgumentNullException.ThrowIfNull(resolution);
        if (assembly.Status != AssemblyStatus.InSession) throw new GovernanceRefusalException("Governance.State.NotInSession");
        try { resolution.Open(clock.GetUtcNow()); }
        catch (VoteStateException ex) { throw VoteLifecycle.Refusal(ex); }
        await SaveAsync(ct);
        await live.ChangedAsync(assembly.TenantId, assembly.Id);
    }

    public async Task<VoteResult> CloseResolutionAsync(Assembly assembly, Vote resolution, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(assembly);
        if (assembly.Status != AssemblyStatus.InSession) throw new GovernanceRefusalException("Governance.State.NotInSession");
        var quorum = await QuorumAsync(assembly, ct);
        var result = await votes.CloseAsync(resolution, quorum.Participants, ct);
        await live.ChangedAsync(assembly.TenantId, assembly.Id);
        return result;
    }

    /// <summary>Ends the meeting and writes the minutes. Every resolution put to the vote must be closed first.</summary>
    public async Task CloseAsync(Assembly assembly, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(assembly);
        if (await db.Votes.AnyAsync(v => v.AssemblyId == assembly.Id && v.Status == VoteStatus.Open, ct))
            throw new GovernanceRefusalException("Governance.Assembly.ResolutionStillOpen");
        var text = await minutes.WriteAsync(assembly, await QuorumAsync(assembly, ct), null, ct);
        try { assembly.Close(text, clock.GetUtcNow()); }
        catch (AssemblyStateException ex) { throw Refusal(ex); }
        await SaveAsync(ct);
        await live.ChangedAsync(assembly.TenantId, assembly.Id);
    }

    /// <summary>The quorum failed: the meeting is adjourned and a second convocation, with the same agenda, is prepared as a draft.</summary>
    public async Task<Assembly> AdjournAsync(Assembly assembly, DateTimeOffset secondDate, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(assembly);
        var quorum = await QuorumAsync(assembly, ct);
        if (quorum.Reached) throw new GovernanceRefusalException("Governance.Assembly.QuorumReached");
        if (assembly.Convocation == Convocation.Second) throw new GovernanceRefusalException("Governance.Assembly.AlreadySecond");
        var now = clock.GetUtcNow();
        var second = new Assembly(assembly.Title, assembly.Type, Convocation.Second, secondDate, assembly.Place, assembly.OnlineLink,
            assembly.Documents, assembly.CorrespondenceVoting, assembly.NoticeDays, assembly.Id, now);
        db.Assemblies.Add(second);
        var agenda = await db.Votes.AsNoTracking().Where(v => v.AssemblyId == assembly.Id).OrderBy(v => v.Position).ToListAsync(ct);
        foreach (var r in agenda)
            db.Votes.Add(new Vote(second.Id, r.Position, r.Title, r.Body, r.Method, r.DecisionType, r.Options, r.MaxChoicesOrScore, r.Secret,
                r.HideResultsUntilClose, r.ElectsPeople, r.BackedByBoard, null, r.CreatedById, now));
        var text = await minutes.WriteAsync(assembly, quorum, second, ct);
        try { assembly.Adjourn(second.Id, text, now); }
        catch (AssemblyStateException ex) { throw Refusal(ex); }
        await SaveAsync(ct);
        await live.ChangedAsync(assembly.TenantId, assembly.Id);
        return second;
    }

    public async Task SignAsync(Assembly assembly, Guid memberId, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(assembly);
        try { assembly.Sign(memberId, clock.GetUtcNow()); }
        catch (AssemblyStateException ex) { throw Refusal(ex); }
        await SaveAsync(ct);
    }

    private async Task ReleaseAsync(ProxyGrant proxy, DateTimeOffset now, CancellationToken ct)
    {
        proxy.Revoke(now);
        if (proxy.HolderId is { } holder)
            (await db.AssemblyAttendees.FirstAsync(a => a.AssemblyId == proxy.AssemblyId && a.MemberId == holder, ct)).ReleaseProxy();
    }

    private async Task SaveAsync(CancellationToken ct)
    {
        try { await db.SaveChangesAsync(ct); }
        catch (DbUpdateConcurrencyException) { throw new GovernanceRefusalException("Governance.State.Changed"); }
    }

    private static GovernanceRefusalException Proxy(ProxyRefusal refusal) => new("Governance.Proxy." + refusal);

    public static GovernanceRefusalException Refusal(AssemblyStateException ex) => new("Governance.State." + ex.Error);
}
