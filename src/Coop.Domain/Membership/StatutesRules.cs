using Coop.Domain.Tenancy;

namespace Coop.Domain.Membership;

/// <summary>A statutes rule that a cooperative's settings break, as a code the interface translates.</summary>
public sealed record StatutesViolation(string Code, params object[] Arguments);

/// <summary>
/// What the law asks of each legal form's categories, colleges and proxies (see shared DOMAIN notes):
/// <list type="bullet">
/// <item>SCIC: at least three categories of associates; voting colleges are optional, but when there are any there
/// are at least three, each weighs between 10 % and 50 %, and the weights sum to 100 %.</item>
/// <item>Québec solidarity co-op: at least two categories among user, worker and supporting members; no proxy voting.</item>
/// <item>SCOP: one associate, one vote: no voting colleges.</item>
/// </list>
/// </summary>
public static class StatutesRules
{
    public const int MinimumCollegeWeight = 10;
    public const int MaximumCollegeWeight = 50;

    public static IReadOnlyList<StatutesViolation> Check(LegalForm form, IReadOnlyCollection<MemberCategory> categories,
        IReadOnlyCollection<VotingCollege> colleges, bool proxiesAllowed)
    {
        ArgumentNullException.ThrowIfNull(categories);
        ArgumentNullException.ThrowIfNull(colleges);
        var violations = new List<StatutesViolation>();
        if (categories.Select(c => c.Name.ToUpperInvariant()).Distinct().Count() != categories.Count)
            violations.Add(new("Statutes.DuplicateCategory"));
        if (colleges.Select(c => c.Name.ToUpperInvariant()).Distinct().Count() != colleges.Count)
            violations.Add(new("Statutes.DuplicateCollege"));
        foreach (var orphan in categories.Where(c => c.CollegeId is { } id && colleges.All(k => k.Id != id)))
            violations.Add(new("Statutes.UnknownCollege", orphan.Name));

        switch (form)
        {
            case LegalForm.Scic:
                if (categories.Count < 3) violations.Add(new("Statutes.Scic.ThreeCategories"));
                if (colleges.Count > 0) CheckColleges(colleges, violations);
                break;
            case LegalForm.QuebecSolidarityCoop:
                var kinds = categories.Select(c => c.Kind).Where(k => k is CategoryKind.User or CategoryKind.Worker or CategoryKind.Supporting).Distinct().Count();
                if (kinds < 2) violations.Add(new("Statutes.Quebec.TwoKinds"));
                if (proxiesAllowed) violations.Add(new("Statutes.Quebec.NoProxies"));
                if (colleges.Count > 0) CheckColleges(colleges, violations);
                break;
            case LegalForm.Scop:
                if (colleges.Count > 0) violations.Add(new("Statutes.Scop.NoColleges"));
                break;
            default:
                if (colleges.Count > 0) CheckWeightsOnly(colleges, violations);
                break;
        }
        return violations;
    }

    private static void CheckColleges(IReadOnlyCollection<VotingCollege> colleges, List<StatutesViolation> violations)
    {
        if (colleges.Count < 3) violations.Add(new("Statutes.Colleges.AtLeastThree"));
        foreach (var college in colleges.Where(c => c.WeightPercent is < MinimumCollegeWeight or > MaximumCollegeWeight))
            violations.Add(new("Statutes.Colleges.WeightBounds", college.Name, MinimumCollegeWeight, MaximumCollegeWeight));
        CheckWeightsOnly(colleges, violations);
    }

    private static void CheckWeightsOnly(IReadOnlyCollection<VotingCollege> colleges, List<StatutesViolation> violations)
    {
        var sum = colleges.Sum(c => c.WeightPercent);
        if (sum != 100) violations.Add(new("Statutes.Colleges.SumTo100", sum));
        foreach (var college in colleges.Where(c => c.WeightPercent <= 0))
            violations.Add(new("Statutes.Colleges.Positive", college.Name));
    }
}
