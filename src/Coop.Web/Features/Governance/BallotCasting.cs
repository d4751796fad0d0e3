using Coop.Data;
using Coop.Data.Work;
using Coop.Domain.Governance;
using Microsoft.EntityFrameworkCore;

namespace Coop.Web.Features.Governance;

public enum BallotWindow
{
    NotOpen = 1,
    Open,
    Correspondence,
    NoCorrespondence,
    Closed,
}

/// <summary>
/// Puts a ballot in the box: one transaction that locks the box (<see cref="VoteLock"/>), checks the vote accepts
/// it, supersedes the voter's previous ballot and appends the new one to the hash chain. Should two submissions
/// still meet, the unique indexes (one place per sequence, one current ballot per voter, one replacement per
/// receipt) refuse the second, whose unit of work runs again; however many arrive at once, exactly one ballot is current. Secret ballots carry no voter, author or time; the voter's
/// "has voted" mark is set in the voter list, in the same transaction, and nothing links the two.
/// </summary>
public sealed class BallotCasting(CoopDbContext db, UnitOfWork unitOfWork, TimeProvider clock)
{
    public sealed record Cast(string Receipt, long Sequence, bool ByCorrespondence);

    /// <param name="castBy">The member submitting.</param>
    /// <param name="forMember">The member the ballot counts for: themselves, or someone whose proxy they hold.</param>
    /// <param name="replaces">In a secret vote, the receipt of the ballot being changed (null for a first ballot).</param>
    public async Task<Cast> CastAsync(Guid voteId, Guid castBy, Guid forMember, BallotInput input, string? reason, string? replaces, CancellationToken ct)
    {
        // Another submission may take the same place in the chain (or supersede the same ballot): the unit of work
        // then runs the cast again on what the winner left.
        try { return await unitOfWork.RunAsync(token => TryCastAsync(voteId, castBy, forMember, input, reason, replaces, token), ct); }
        catch (ConcurrentChangeException) { throw new GovernanceRefusalException("Governance.State.Busy"); }
    }

    private async Task<Cast> TryCastAsync(Guid voteId, Guid castBy, Guid forMember, BallotInput input, string? reason, string? replaces, CancellationToken ct)
    {
        await VoteLock.AcquireAsync(db, voteId, ct);
        var now = clock.GetUtcNow();
        var vote = await db.Votes.AsNoTracking().FirstOrDefaultAsync(v => v.Id == voteId, ct) ?? throw new GovernanceRefusalException("Governance.NotFound");
        var correspondence = await CheckAcceptsAsync(vote, now, ct);
        var roll = await db.VoterRoll.AsNoTracking().FirstOrDefaultAsync(r => r.VoteId == voteId && r.MemberId == forMember, ct)
            ?? throw new GovernanceRefusalException("Governance.NotEligible");
        if (castBy != forMember) await CheckProxyAsync(vote, castBy, forMember, ct);
        else if (vote.AssemblyId is { } assemblyId) await RevokeOwnProxyAsync(assemblyId, forMember, now, ct);

        string answer;
        try { answer = BallotContent.Canonical(vote, input); }
        catch (BallotRejectedException ex) { throw new GovernanceRefusalException("Governance.Ballot." + ex.Error); }

        var (last, previous) = await TailAsync(db, voteId, ct);
        var sequence = last + 1;
        var receipt = Receipts.New();
        var source = castBy == forMember ? BallotSource.Voter : BallotSource.Proxy;

        Ballot ballot;
        if (vote.Secret)
        {
            string? replaced = null;
            if (string.IsNullOrWhiteSpace(replaces))
            {
                var marked = await db.VoterRoll.Where(r => r.Id == roll.Id && !r.HasVoted)
                    .ExecuteUpdateAsync(s => s.SetProperty(r => r.HasVoted, true), ct);
                if (marked == 0) throw new GovernanceRefusalException("Governance.State.AlreadyVotedSecret");
            }
            else
            {
                replaced = Receipts.Normalise(replaces);
                var old = await db.Ballots.FirstOrDefaultAsync(b => b.VoteId == voteId && b.Receipt == replaced && b.IsCurrent, ct);
                // A receipt from another college would move a ballot between colleges: refuse it like an unknown one.
                if (old is null || old.CollegeId != roll.CollegeId || !roll.HasVoted) throw new GovernanceRefusalException("Governance.ReceiptUnknown");
                old.Supersede();
            }
            ballot = new Ballot(voteId, sequence, null, null, roll.CollegeId, answer, null, receipt, replaced, source, null, previous);
        }
        else
        {
            var old = await db.Ballots.FirstOrDefaultAsync(b => b.VoteId == voteId && b.VoterId == forMember && b.IsCurrent, ct);
            old?.Supersede();
            if (!roll.HasVoted) await db.VoterRoll.Where(r => r.Id == roll.Id).ExecuteUpdateAsync(s => s.SetProperty(r => r.HasVoted, true), ct);
            ballot = new Ballot(voteId, sequence, forMember, castBy, roll.CollegeId, answer, reason, receipt, null, source, now, previous);
        }
        db.Ballots.Add(ballot);
        if (correspondence)
            await db.AssemblyAttendees.Where(a => a.AssemblyId == vote.AssemblyId && a.MemberId == forMember)
                .ExecuteUpdateAsync(s => s.SetProperty(a => a.VotedByCorrespondence, true), ct);
        return new Cast(receipt, sequence, correspondence);
    }

    /// <summary>The chain's last place and hash (0 and the genesis hash for an empty box): where the next ballot goes.</summary>
    public static async Task<(long Sequence, string Hash)> TailAsync(CoopDbContext db, Guid voteId, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        var last = await db.Ballots.Where(b => b.VoteId == voteId).OrderByDescending(b => b.Sequence)
            .Select(b => new { b.Sequence, b.Hash }).FirstOrDefaultAsync(ct);
        return last is null ? (0, BallotChain.Genesis(voteId)) : (last.Sequence, last.Hash);
    }

    /// <summary>Returns whether the ballot is a vote by correspondence (before the meeting); throws when the vote takes none.</summary>
    private async Task<bool> CheckAcceptsAsync(Vote vote, DateTimeOffset now, CancellationToken ct)
    {
        var assembly = vote.AssemblyId is { } assemblyId ? await db.Assemblies.AsNoTracking().SingleAsync(a => a.Id == assemblyId, ct) : null;
        return Window(vote, assembly, now) switch
        {
            BallotWindow.Open => false,
            BallotWindow.Correspondence => true,
            BallotWindow.NoCorrespondence => throw new GovernanceRefusalException("Governance.State.NoCorrespondence"),
            BallotWindow.Closed => throw new GovernanceRefusalException("Governance.State.Closed"),
            _ => throw new GovernanceRefusalException("Governance.State.NotOpen"),
        };
    }

    /// <summary>
    /// When a vote takes ballots: a poll between its opening and its deadline; an assembly resolution before the
    /// meeting by correspondence (when the convocation allows it) and during the meeting while the chair has it open.
    /// </summary>
    public static BallotWindow Window(Vote vote, Assembly? assembly, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(vote);
        if (vote.Status == VoteStatus.Closed || assembly?.Status == AssemblyStatus.Closed) return BallotWindow.Closed;
        if (assembly is null)
            return vote.AcceptsBallots(now) ? BallotWindow.Open : vote.Status == VoteStatus.Open ? BallotWindow.Closed : BallotWindow.NotOpen;
        if (assembly.Status == AssemblyStatus.Convened && vote.Status == VoteStatus.Draft && vote.IsFrozen)
            return assembly.CorrespondenceVoting ? BallotWindow.Correspondence : BallotWindow.NoCorrespondence;
        return assembly.Status == AssemblyStatus.InSession && vote.Status == VoteStatus.Open ? BallotWindow.Open : BallotWindow.NotOpen;
    }

    private async Task CheckProxyAsync(Vote vote, Guid holder, Guid giver, CancellationToken ct)
    {
        var holds = vote.AssemblyId is { } assemblyId
            && await db.ProxyGrants.AnyAsync(p => p.AssemblyId == assemblyId && p.GiverId == giver && p.HolderId == holder && p.RevokedAt == null, ct);
        if (!holds) throw new GovernanceRefusalException("Governance.Proxy.NotHeld");
    }

    /// <summary>Voting in person revokes a proxy the voter had given.</summary>
    private async Task RevokeOwnProxyAsync(Guid assemblyId, Guid member, DateTimeOffset now, CancellationToken ct)
    {
        var proxy = await db.ProxyGrants.FirstOrDefaultAsync(p => p.AssemblyId == assemblyId && p.GiverId == member && p.RevokedAt == null, ct);
        if (proxy is null) return;
        proxy.Revoke(now);
        if (proxy.HolderId is { } holder)
        {
            var attendee = await db.AssemblyAttendees.FirstAsync(a => a.AssemblyId == assemblyId && a.MemberId == holder, ct);
            attendee.ReleaseProxy();
        }
    }
}
