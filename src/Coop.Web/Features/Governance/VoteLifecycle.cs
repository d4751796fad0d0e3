using System.Globalization;
using Coop.Data;
using Coop.Domain.Governance;
using Microsoft.EntityFrameworkCore;

namespace Coop.Web.Features.Governance;

/// <summary>
/// Opening and closing votes. Opening freezes the rule, the colleges and the voter list. Closing adds the
/// ballots blank proxies call for, counts, records the outcome and the head of the hash chain, in one
/// transaction; the vote's status is a concurrency token, so closing twice at once fails for the second.
/// </summary>
public sealed class VoteLifecycle(CoopDbContext db, DecisionRules rules, Eligibility eligibility, VoteCounting counting,
    GovernanceMails mails, TimeProvider clock)
{
    /// <summary>Freezes a vote onto the given list (an assembly's, or computed now for a poll).</summary>
    public async Task FreezeAsync(Vote vote, Convocation convocation, IReadOnlyList<Eligibility.EligibleVoter>? voters, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(vote);
        voters ??= await eligibility.ListAsync(vote.DecisionType, ct);
        var rule = await rules.ForAsync(vote.DecisionType, convocation, ct);
        var colleges = rule.Weighting == Weighting.OneMemberOneVote ? [] : await eligibility.CollegesAsync(ct);
        try { vote.Freeze(rule.ToDecisionRule(), rule.BlankProxy, convocation, colleges, voters.Count, clock.GetUtcNow()); }
        catch (VoteStateException ex) { throw Refusal(ex); }
        db.VoterRoll.AddRange(voters.Select(v => new VoterRollEntry(vote.Id, v.MemberId, colleges.Count > 0 ? v.CollegeId : null)));
    }

    public async Task OpenPollAsync(Vote vote, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(vote);
        await FreezeAsync(vote, Convocation.First, null, ct);
        vote.Open(clock.GetUtcNow());
        await db.SaveChangesAsync(ct);
        await mails.VoteAsync(vote, GovernanceMails.Opened, onlyNonVoters: false, Format(vote.ClosesAt), ct);
        await db.SaveChangesAsync(ct);
    }

    /// <summary>Closes an open vote (tracked by this context). Returns the result as counted.</summary>
    public async Task<VoteResult> CloseAsync(Vote vote, int? participants, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(vote);
        if (vote.Status != VoteStatus.Open) throw Refusal(new VoteStateException(vote.Status == VoteStatus.Closed ? VoteStateError.Closed : VoteStateError.NotOpen));
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        await VoteLock.AcquireAsync(db, vote.Id, ct);
        if (vote.AssemblyId is { } assemblyId && vote.BlankProxy == BlankProxyRule.FollowBoard && vote.Method == VoteMethod.Resolution)
            await CastBlankProxiesAsync(vote, assemblyId, ct);
        var result = await counting.CountAsync(vote, participants, ct);
        var check = BallotChain.Verify(vote.Id, await counting.BoxAsync(vote.Id, ct));
        if (!check.Valid) throw new InvalidOperationException($"The ballot box of vote {vote.Id} is broken at {check.FirstBrokenSequence}.");
        try { vote.Close(result.Outcome, check.Head, result.Ballots, participants, clock.GetUtcNow()); }
        catch (VoteStateException ex) { throw Refusal(ex); }
        try { await db.SaveChangesAsync(ct); }
        catch (DbUpdateConcurrencyException) { throw new GovernanceRefusalException("Governance.State.Closed"); }
        if (vote.IsPoll)
        {
            await mails.VoteAsync(vote, GovernanceMails.Results, onlyNonVoters: false, null, ct);
            await db.SaveChangesAsync(ct);
        }
        await tx.CommitAsync(ct);
        return result;
    }

    /// <summary>A blank proxy's giver who has not voted gets the ballot the statutes give: for what the board backs, against the rest.</summary>
    private async Task CastBlankProxiesAsync(Vote vote, Guid assemblyId, CancellationToken ct)
    {
        var givers = await db.ProxyGrants.Where(p => p.AssemblyId == assemblyId && p.HolderId == null && p.RevokedAt == null)
            .Select(p => p.GiverId).ToListAsync(ct);
        var pending = await db.VoterRoll.Where(r => r.VoteId == vote.Id && givers.Contains(r.MemberId) && !r.HasVoted).ToListAsync(ct);
        if (pending.Count == 0) return;
        var (sequence, previous) = await BallotCasting.TailAsync(db, vote.Id, ct);
        var answer = BallotContent.OfChoice(vote.BackedByBoard ? Choice.For : Choice.Against);
        foreach (var entry in pending)
        {
            var ballot = new Ballot(vote.Id, ++sequence, vote.Secret ? null : entry.MemberId, null, entry.CollegeId, answer, null,
                Receipts.New(), null, BallotSource.BlankProxy, null, previous);
            previous = ballot.Hash;
            db.Ballots.Add(ballot);
            await db.VoterRoll.Where(r => r.Id == entry.Id).ExecuteUpdateAsync(s => s.SetProperty(r => r.HasVoted, true), ct);
        }
        await db.SaveChangesAsync(ct);
    }

    public static GovernanceRefusalException Refusal(VoteStateException ex) => new("Governance.State." + ex.Error);

    public static string? Format(DateTimeOffset? at) => at?.ToString("g", CultureInfo.CurrentCulture);
}
