using System.Globalization;
using Coop.Domain.Governance;
using Microsoft.Extensions.Localization;

namespace Coop.Web.Features.Governance;

/// <summary>The arithmetic of a resolution in sentences a member can follow, shared by the results page and the minutes.</summary>
public static class ResultsText
{
    public static string Percent(decimal share) => (share * 100m).ToString("0.##", CultureInfo.CurrentCulture) + " %";

    public static IEnumerable<string> Arithmetic(Vote vote, ResolutionResult r, IStringLocalizer l)
    {
        ArgumentNullException.ThrowIfNull(vote);
        ArgumentNullException.ThrowIfNull(r);
        ArgumentNullException.ThrowIfNull(l);
        var rule = vote.Rule!;
        yield return l[r.QuorumReached ? "Results.QuorumReached" : "Results.QuorumNotReached", r.Participants, r.Eligible, rule.Quorum.ToString()];
        yield return r.Colleges.Count == 0
            ? l["Results.HeadCount", r.Counts.For, r.MajorityBase, Percent(r.ForShare), l["MajorityBase." + rule.MajorityBase]]
            : l["Results.Weighted", Percent(r.ForShare), l["Weighting." + rule.Weighting]];
        yield return l[rule.StrictMajority ? "Results.NeedMoreThan" : "Results.NeedAtLeast", rule.Majority.ToString(),
            l[r.MajorityReached ? "Results.MajorityReached" : "Results.MajorityNotReached"]];
        if (!rule.AbstentionsCountAsCast || !rule.BlanksCountAsCast) yield return l["Results.AbstentionsNotCast"];
    }
}
