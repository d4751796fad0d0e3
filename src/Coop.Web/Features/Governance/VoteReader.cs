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
        var vote = await db.Votes.AsNoTracking().FirstOrDefaultAsync(v => v.Id == voteId, ct);
        if (vote is null) return null;
        var assembly = vote.AssemblyId is { } a ? await db.Assemblies.AsNoTracking().SingleAsync(x => x.Id == a, ct) : null;
        var roll = await db.VoterRoll.AsNoTracking().FirstOrDefaultAsync(r => r.VoteId == voteId && r.MemberId == memberId, ct);
        var mine = vote.Secret ? null : await db.Ballots.AsNoTracking().FirstOrDefaultAsync(b => b.VoteId == voteId && b.VoterId == memberId && b.IsCurrent, ct);

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
            result = await counting.CountAsync(vote, vote.Participants, ct);
            if (!vote.Secret)
                named.AddRange((await db.Ballots.AsNoTracking().Where(b => b.VoteId == voteId && b.IsCurrent && b.VoterId != null)
                    .Join(db.Members, b => b.VoterId!.Value, m => m.Id, (b, m) => new { m.DisplayName, b.Answer, b.Reason }).ToListAsync(ct))
                    .OrderBy(x => x.DisplayName, StringComparer.CurrentCulture).Select(x => (x.DisplayName, x.Answer, x.Reason)));
        }
        return new VoteView(vote, assembly, BallotCasting.Window(vote, assembly, clock.GetUtcNow()), roll is not null, roll?.HasVoted ?? false,
            mine, represented, result, named);
    }
}
