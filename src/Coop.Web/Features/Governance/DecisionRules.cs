using Coop.Data;
using Coop.Data.Tenancy;
using Coop.Domain.Governance;
using Microsoft.EntityFrameworkCore;

namespace Coop.Web.Features.Governance;

/// <summary>
/// The cooperative's stored rules per decision type and convocation; where an admin has not yet set one, the
/// preset for its legal form (not saved until an admin edits it).
/// </summary>
public sealed class DecisionRules(CoopDbContext db, TenantContext tenant)
{
    public async Task<IReadOnlyList<StatutoryRule>> AllAsync(CancellationToken ct)
    {
        var stored = await db.StatutoryRules.AsNoTracking().ToListAsync(ct);
        var hasColleges = await db.VotingColleges.AnyAsync(ct);
        return GovernancePresets.For(tenant.Current!.LegalForm, hasColleges)
            .Select(p => stored.FirstOrDefault(s => s.DecisionType == p.DecisionType && s.Convocation == p.Convocation) ?? p)
            .ToList();
    }

    public async Task<StatutoryRule> ForAsync(DecisionType type, Convocation convocation, CancellationToken ct) =>
        (await AllAsync(ct)).Single(r => r.DecisionType == type && r.Convocation == convocation);
}
