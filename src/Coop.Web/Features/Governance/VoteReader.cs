using Coop.Data;
using Coop.Domain.Governance;
using Microsoft.EntityFrameworkCore;

namespace Coop.Web.Features.Governance;

/// <summary>What one member sees of one vote: whether they can vote (and for whom), their ballot, the results when visible.</summary>
public sealed record VoteView(
    Vote Vote,
    Assembly? Assembly,
    BallotWindow Window,
    bool Eligible,
    bool HasVoted,
    Ballot? MyBallot,
    IReadOnlyList<(Guid MemberId, string Name, bool HasVoted)> Represented,
    VoteResult? Result,
    IReadOnlyList<(string Name, string Answer, string? Reason)> NamedBallots);

public sealed class VoteReader(CoopDbContext db, VoteCounting counting, TimeProvider clock)
{
    public async Task<VoteView?> ReadAsync(Guid voteId, Guid memberId, CancellationToken ct)
    {
        // One round trip for the vote, the member's line on the list and their current ballot (secret ballots carry no
        // voter). The ballot is a LEFT JOIN (one current ballot per voter), which SQLite translates as well as PostgreSQL.
        var head = await (
            from v in db.Votes.AsNoTracking()
            where v.Id == voteId
            from b in db.Ballots.AsNoTracking().Where(b => b.VoteId == v.Id && b.VoterId == memberId && b.IsCurrent).DefaultIfEmpty()
            select new
            {
                Vote = v,
                Mine = b,
                OnRoll = db.VoterRoll.Any(r => r.VoteId == voteId && r.MemberId == memberId),
                HasVoted = db.VoterRoll.Where(r => r.VoteId == voteId && r.MemberId == memberId).Select(r => r.HasVoted).FirstOrDefault(),
            }).FirstOrDefaultAsync(ct);
        if (head is null) return null;
        var vote = head.Vote;
        var mine = vote.Secret ? null : head.Mine;
        var assembly = vote.AssemblyId is { } a ? await db.Assemblies.AsNoTracking().SingleAsync(x => x.Id == a, ct) : null;

        var represented = new List<(Guid, string, bool)>();
        if (assembly is not null)
        {
            var givers = await db.ProxyGrants.AsNoTracking().Where(p => p.AssemblyId == assembly.Id && p.HolderId == memberId && p.RevokedAt == null)
                .Join(db.Members, p => p.GiverId, m => m.Id, (p, m) => new { m.Id, m.DisplayName }).ToListAsync(ct);
            var giverIds = givers.Select(g => g.Id).ToList();
            var voted = (await db.VoterRoll.AsNoTracking().Where(r => r.VoteId == voteId && r.HasVoted && giverIds.Contains(r.MemberId))
                .Select(r => r.MemberId).ToListAsync(ct)).ToHashSet();
            represented.AddRange(givers.Select(g => (g.Id, g.DisplayName, voted.Contains(g.Id))));
        }

        // Results: visible after the close, or during the vote when the creator did not hide them; the board and
        // admins see no more than anyone else (no early peeking).
        VoteResult? result = null;
        var named = new List<(string, string, string?)>();
        if (vote.IsFrozen && vote.ResultsVisible)
        {
            if (vote.Secret || vote.Method is not (VoteMethod.Resolution or VoteMethod.Proposal)) result = await counting.CountAsync(vote, vote.Participants, ct);
            if (!vote.Secret)
            {
                // Every current ballot of an open vote names its voter, so the named list is the whole box: the counts
                // come from the same rows (one round trip instead of two).
                var rows = await db.Ballots.AsNoTracking().Where(b => b.VoteId == voteId && b.IsCurrent)
                    .Select(b => new { Name = db.Members.Where(m => m.Id == b.VoterId).Select(m => m.DisplayName).FirstOrDefault(), b.Answer, b.Reason, b.CollegeId, b.Choice })
                    .ToListAsync(ct);
                result ??= VoteResults.FromGroups(vote,
                    rows.Where(r => r.Choice != null).GroupBy(r => (r.CollegeId, r.Choice!.Value)).Select(g => (g.Key.CollegeId, g.Key.Value, g.Count())).ToList(),
                    await counting.EligiblePerCollegeAsync(vote, ct), vote.Participants);
                named.AddRange(rows.Where(r => r.Name is not null).OrderBy(r => r.Name, StringComparer.CurrentCulture).Select(r => (r.Name!, r.Answer, r.Reason)));
            }
        }
        return new VoteView(vote, assembly, BallotCasting.Window(vote, assembly, clock.GetUtcNow()), head.OnRoll, head.HasVoted,
            mine, represented, result, named);
    }
}
