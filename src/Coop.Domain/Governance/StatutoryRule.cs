using Coop.Domain.Tenancy;

namespace Coop.Domain.Governance;

/// <summary>What a proxy given without naming a holder (to the chair) does, as the statutes say.</summary>
public enum BlankProxyRule
{
    /// <summary>The usual model clause: for the resolutions the board backs, against the others.</summary>
    FollowBoard = 1,
    /// <summary>The giver counts as represented for the quorum but no ballot is cast.</summary>
    CountForQuorumOnly = 2,
}

/// <summary>
/// One cooperative's rule for one decision type and convocation, as its statutes write it. Stored flat so admins
/// edit it field by field; <see cref="ToDecisionRule"/> gives the engine's view, frozen into a vote when it opens.
/// </summary>
public sealed class StatutoryRule : ITenantOwned
{
    private StatutoryRule() { }

    public StatutoryRule(DecisionType type, Convocation convocation, DecisionRule rule, ProxyCap proxyCap, int proxyFixedCap,
        BlankProxyRule blankProxy, bool secretForElections)
    {
        Id = Guid.CreateVersion7();
        DecisionType = type;
        Convocation = convocation;
        Change(rule, proxyCap, proxyFixedCap, blankProxy, secretForElections);
    }

    public Guid TenantId { get; private set; }
    public Guid Id { get; private set; }
    public DecisionType DecisionType { get; private set; }
    public Convocation Convocation { get; private set; }
    public int QuorumNumerator { get; private set; }
    public int QuorumDenominator { get; private set; }
    public int MajorityNumerator { get; private set; }
    public int MajorityDenominator { get; private set; }
    public bool StrictMajority { get; private set; }
    public MajorityBase MajorityBase { get; private set; }
    public bool AbstentionsCountAsCast { get; private set; }
    public bool BlanksCountAsCast { get; private set; }
    public Weighting Weighting { get; private set; }
    public int BlocNumerator { get; private set; }
    public int BlocDenominator { get; private set; }
    public ProxyCap ProxyCap { get; private set; }
    public int ProxyFixedCap { get; private set; }
    public BlankProxyRule BlankProxy { get; private set; }
    public bool SecretForElections { get; private set; }

    public DecisionRule ToDecisionRule() => new(
        new Fraction(QuorumNumerator, QuorumDenominator), new Fraction(MajorityNumerator, MajorityDenominator), StrictMajority,
        MajorityBase, AbstentionsCountAsCast, BlanksCountAsCast, Weighting, new Fraction(BlocNumerator, BlocDenominator));

    public void Change(DecisionRule rule, ProxyCap proxyCap, int proxyFixedCap, BlankProxyRule blankProxy, bool secretForElections)
    {
        ArgumentNullException.ThrowIfNull(rule);
        QuorumNumerator = checked((int)rule.Quorum.Numerator);
        QuorumDenominator = checked((int)rule.Quorum.Denominator);
        MajorityNumerator = checked((int)rule.Majority.Numerator);
        MajorityDenominator = checked((int)rule.Majority.Denominator);
        StrictMajority = rule.StrictMajority;
        MajorityBase = rule.MajorityBase;
        AbstentionsCountAsCast = rule.AbstentionsCountAsCast;
        BlanksCountAsCast = rule.BlanksCountAsCast;
        Weighting = rule.Weighting;
        var bloc = rule.BlocThreshold ?? new Fraction(3, 5);
        BlocNumerator = checked((int)bloc.Numerator);
        BlocDenominator = checked((int)bloc.Denominator);
        ProxyCap = proxyCap;
        ProxyFixedCap = Math.Max(0, proxyFixedCap);
        BlankProxy = blankProxy;
        SecretForElections = secretForElections;
    }
}

/// <summary>
/// Starting rules per legal form (see the shared domain notes: usual floors, to be adjusted to each cooperative's
/// statutes). SCIC with colleges weighs by college shares; everyone else counts heads. Québec co-ops have no proxies.
/// </summary>
public static class GovernancePresets
{
    public static IReadOnlyList<StatutoryRule> For(LegalForm form, bool hasColleges)
    {
        var weighting = form == LegalForm.Scic && hasColleges ? Weighting.CollegeShares : Weighting.OneMemberOneVote;
        var proxy = form switch
        {
            LegalForm.QuebecSolidarityCoop => ProxyCap.Forbidden,
            LegalForm.Scop => ProxyCap.ScopStatutory,
            _ => ProxyCap.Fixed,
        };
        var secret = form is LegalForm.Scop or LegalForm.Scic or LegalForm.QuebecSolidarityCoop;
        StatutoryRule Rule(DecisionType type, Convocation convocation, DecisionRule rule, ProxyCap cap) =>
            new(type, convocation, rule, cap, cap == ProxyCap.Fixed ? 2 : 0, BlankProxyRule.FollowBoard, secret);

        var extraordinarySecond = DecisionRule.ExtraordinaryFirst(weighting) with { Quorum = new Fraction(1, 5) };
        var board = DecisionRule.OrdinaryFirst() with { Quorum = Fraction.Half };
        var consultation = DecisionRule.OrdinarySecond(weighting);
        return
        [
            Rule(DecisionType.OrdinaryAssembly, Convocation.First, DecisionRule.OrdinaryFirst(weighting), proxy),
            Rule(DecisionType.OrdinaryAssembly, Convocation.Second, DecisionRule.OrdinarySecond(weighting), proxy),
            Rule(DecisionType.ExtraordinaryAssembly, Convocation.First, DecisionRule.ExtraordinaryFirst(weighting), proxy),
            Rule(DecisionType.ExtraordinaryAssembly, Convocation.Second, extraordinarySecond, proxy),
            Rule(DecisionType.Board, Convocation.First, board, ProxyCap.Forbidden),
            Rule(DecisionType.Board, Convocation.Second, board, ProxyCap.Forbidden),
            Rule(DecisionType.Consultation, Convocation.First, consultation, ProxyCap.Forbidden),
            Rule(DecisionType.Consultation, Convocation.Second, consultation, ProxyCap.Forbidden),
        ];
    }
}
