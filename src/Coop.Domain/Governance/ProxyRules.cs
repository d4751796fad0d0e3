namespace Coop.Domain.Governance;

public enum ProxyCap
{
    /// <summary>No proxies at all (Québec co-ops; statutes that forbid them).</summary>
    Forbidden = 1,
    /// <summary>A fixed number of proxies per holder, from the statutes.</summary>
    Fixed = 2,
    /// <summary>The usual SCOP clause: under 20 associates, one proxy per holder; from 20, at most 1/20 of the associates.</summary>
    ScopStatutory = 3,
}

/// <summary>Why a proxy cannot be given, as a code the interface translates.</summary>
public enum ProxyRefusal
{
    None = 0,
    ProxiesForbidden,
    ToSelf,
    HolderNotEligible,
    GiverNotEligible,
    CapReached,
    GiverAlreadyVoted,
}

/// <summary>Who may carry whose vote. Only another eligible member may hold a proxy, within the statutes' cap.</summary>
public static class ProxyRules
{
    public static int MaxPerHolder(ProxyCap cap, int fixedCap, int associates) => cap switch
    {
        ProxyCap.Forbidden => 0,
        ProxyCap.Fixed => Math.Max(0, fixedCap),
        _ => associates < 20 ? 1 : associates / 20,
    };

    public static ProxyRefusal Check(ProxyCap cap, int fixedCap, int associates, Guid giver, Guid holder,
        IReadOnlySet<Guid> eligible, int proxiesHolderHas, bool giverHasVoted)
    {
        ArgumentNullException.ThrowIfNull(eligible);
        if (cap == ProxyCap.Forbidden) return ProxyRefusal.ProxiesForbidden;
        if (giver == holder) return ProxyRefusal.ToSelf;
        if (!eligible.Contains(giver)) return ProxyRefusal.GiverNotEligible;
        if (!eligible.Contains(holder)) return ProxyRefusal.HolderNotEligible;
        if (giverHasVoted) return ProxyRefusal.GiverAlreadyVoted;
        return proxiesHolderHas >= MaxPerHolder(cap, fixedCap, associates) ? ProxyRefusal.CapReached : ProxyRefusal.None;
    }
}
