namespace Coop.Domain.Governance;

/// <summary>The kinds of decision whose rules the statutes set apart.</summary>
public enum DecisionType
{
    OrdinaryAssembly = 1,
    ExtraordinaryAssembly = 2,
    Board = 3,
    Consultation = 4,
}

public enum Convocation
{
    First = 1,
    Second = 2,
}

/// <summary>What a majority is measured against.</summary>
public enum MajorityBase
{
    /// <summary>Votes cast (abstentions and blanks count as cast only when the rule says so).</summary>
    VotesCast = 1,
    /// <summary>Everyone present or represented, voting or not.</summary>
    PresentAndRepresented = 2,
    /// <summary>Every eligible voter.</summary>
    AllEligible = 3,
}

public enum Weighting
{
    /// <summary>One member, one vote (SCOP, Québec co-ops, most boards).</summary>
    OneMemberOneVote = 1,
    /// <summary>SCIC colleges: each college's share of "for" among its votes cast, weighted by the college's weight.</summary>
    CollegeShares = 2,
    /// <summary>SCIC variant: a college whose internal majority passes the bloc threshold casts its whole weight that way.</summary>
    CollegeBloc = 3,
}

/// <summary>
/// The rule for one decision type and convocation, as the statutes write it: quorum (a share of the eligible
/// voters who take part), majority (fraction, strict or not, base, whether abstentions and blanks count as cast),
/// and weighting.
/// </summary>
public sealed record DecisionRule(
    Fraction Quorum,
    Fraction Majority,
    bool StrictMajority,
    MajorityBase MajorityBase,
    bool AbstentionsCountAsCast,
    bool BlanksCountAsCast,
    Weighting Weighting,
    Fraction? BlocThreshold = null)
{
    /// <summary>Ordinary assembly, first convocation, common preset: quorum 1/4, more than half of votes cast.</summary>
    public static DecisionRule OrdinaryFirst(Weighting weighting = Weighting.OneMemberOneVote) =>
        new(new Fraction(1, 4), Fraction.Half, StrictMajority: true, MajorityBase.VotesCast, false, false, weighting);

    /// <summary>Ordinary assembly, second convocation: no quorum.</summary>
    public static DecisionRule OrdinarySecond(Weighting weighting = Weighting.OneMemberOneVote) =>
        OrdinaryFirst(weighting) with { Quorum = Fraction.Zero };

    /// <summary>Extraordinary assembly, first convocation, common preset: quorum 1/3, two thirds of votes cast.</summary>
    public static DecisionRule ExtraordinaryFirst(Weighting weighting = Weighting.OneMemberOneVote) =>
        new(new Fraction(1, 3), new Fraction(2, 3), StrictMajority: false, MajorityBase.VotesCast, false, false, weighting);
}
