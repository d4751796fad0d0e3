using Coop.Data;
using Coop.Domain.Governance;
using Coop.Domain.Membership;
using Coop.Web.Features.Charter;
using Microsoft.EntityFrameworkCore;

namespace Coop.Web.Features.Governance;

/// <summary>
/// Who may vote, computed when a vote opens (and then frozen): active members who accepted the current charter
/// (when one is published), each with the college of their category. A board decision is for the board, which
/// here is the cooperative's admins.
/// </summary>
public sealed class Eligibility(CoopDbContext db, CharterQueries charter)
{
    public sealed record EligibleVoter(Guid MemberId, Guid? CollegeId);

    public async Task<IReadOnlyList<EligibleVoter>> ListAsync(DecisionType type, CancellationToken ct)
    {
        var members = db.Members.AsNoTracking().Where(m => m.Status == MembershipStatus.Active);
        if (type == DecisionType.Board) members = members.Where(m => (m.Roles & MemberRoles.Admin) == MemberRoles.Admin);
        var current = await charter.CurrentAsync(ct);
        if (current is not null)
            members = members.Where(m => db.CharterAcceptances.Any(a => a.MemberId == m.Id && a.CharterVersionId == current.Id));
        var colleges = await CollegesAsync(ct);
        var categoryCollege = await db.MemberCategories.AsNoTracking().ToDictionaryAsync(c => c.Id, c => c.CollegeId, ct);
        return (await members.Select(m => new { m.Id, m.CategoryId }).ToListAsync(ct))
            .Select(m => new EligibleVoter(m.Id, colleges.Count > 0 && m.CategoryId is { } c ? categoryCollege.GetValueOrDefault(c) : null))
            .ToList();
    }

    public async Task<IReadOnlyList<College>> CollegesAsync(CancellationToken ct) =>
        (await db.VotingColleges.AsNoTracking().OrderBy(c => c.Name).ToListAsync(ct)).Select(c => new College(c.Id, c.Name, c.WeightPercent)).ToList();
}
