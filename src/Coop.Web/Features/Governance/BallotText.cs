using Coop.Domain.Governance;
using Microsoft.Extensions.Localization;

namespace Coop.Web.Features.Governance;

/// <summary>A ballot's canonical answer as a person reads it ("Pour", "Atelier vélo &gt; Jardin", "Jardin : très bien"...).</summary>
public static class BallotText
{
    public static string ChoiceLabel(VoteMethod method, Choice choice, IStringLocalizer l)
    {
        ArgumentNullException.ThrowIfNull(l);
        return l[(method == VoteMethod.Proposal ? "Proposal." : "Choice.") + choice];
    }

    public static string Describe(Vote vote, string answer, IStringLocalizer l)
    {
        ArgumentNullException.ThrowIfNull(vote);
        ArgumentNullException.ThrowIfNull(answer);
        if (BallotContent.ChoiceOf(answer) is { } choice) return ChoiceLabel(vote.Method, choice, l);
        var numbers = BallotContent.Numbers(answer);
        string Option(int i) => i >= 0 && i < vote.Options.Count ? vote.Options[i] : "?";
        return vote.Method switch
        {
            VoteMethod.RankedChoice => string.Join(" > ", numbers.Select(Option)),
            VoteMethod.Score => string.Join(" · ", numbers.Select((v, i) => $"{Option(i)} : {v}")),
            VoteMethod.MajorityJudgment => string.Join(" · ", numbers.Select((g, i) => $"{Option(i)} : {l["Grade." + g]}")),
            _ => string.Join(", ", numbers.Select(Option)),
        };
    }
}
