using Coop.Data;
using Coop.Domain.Governance;
using Microsoft.EntityFrameworkCore;

namespace Coop.Web.Features.Governance;

/// <summary>
/// Counts a vote from the database. Resolutions and proposals are grouped by college and choice in SQL over the
/// current ballots (an index covers it), so a 100,000-ballot box is tallied without being loaded; polls are small
/// and counted in memory.
/// </summary>
public sealed class VoteCounting(CoopDbContext db)
{
    public async Task<VoteResult> CountAsync(Vote vote, int? participants, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(vote);
        var perCollege = await EligiblePerCollegeAsync(vote, ct);
        if (vote.Method is VoteMethod.Resolution or VoteMethod.Proposal)
        {
            var groups = await db.Ballots.Where(b => b.VoteId == vote.Id && b.IsCurrent && b.Choice != null)
                .GroupBy(b => new { b.CollegeId, b.Choice }).Select(g => new { g.Key.CollegeId, g.Key.Choice, Count = g.Count() }).ToListAsync(ct);
            return VoteResults.FromGroups(vote, groups.Select(g => (g.CollegeId, g.Choice!.Value, g.Count)).ToList(), perCollege, participants ?? vote.Participants);
        }
        var answers = await db.Ballots.Where(b => b.VoteId == vote.Id && b.IsCurrent).Select(b => new { b.Answer, b.CollegeId }).ToListAsync(ct);
        return VoteResults.Count(vote, answers.Select(a => (a.Answer, a.CollegeId)).ToList(), perCollege, participants);
    }

    /// <summary>The frozen voters per college (empty when the vote is not weighted by college).</summary>
    public async Task<IReadOnlyDictionary<Guid, int>> EligiblePerCollegeAsync(Vote vote, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(vote);
        if (vote.Colleges.Count == 0) return new Dictionary<Guid, int>();
        return await db.VoterRoll.Where(r => r.VoteId == vote.Id && r.CollegeId != null)
            .GroupBy(r => r.CollegeId!.Value).Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(x => x.Key, x => x.Count, ct);
    }

    /// <summary>The whole box in chain order, for verification and, after the close, publication.</summary>
    public async Task<IReadOnlyList<Ballot>> BoxAsync(Guid voteId, CancellationToken ct) =>
        await db.Ballots.AsNoTracking().Where(b => b.VoteId == voteId).OrderBy(b => b.Sequence).ToListAsync(ct);
}
