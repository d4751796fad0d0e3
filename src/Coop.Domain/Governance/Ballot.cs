using Coop.Domain.Tenancy;

namespace Coop.Domain.Governance;

/// <summary>How a ballot came into the box.</summary>
public enum BallotSource
{
    /// <summary>Cast by the voter.</summary>
    Voter = 1,
    /// <summary>Cast by a proxy holder for the member they represent.</summary>
    Proxy = 2,
    /// <summary>Added at the close for a blank proxy, as the statutes say.</summary>
    BlankProxy = 3,
}

/// <summary>
/// One entry of a ballot box, append-only and hash-chained: each entry's hash covers the previous one, so removing,
/// reordering or editing an entry breaks the chain. For a secret vote the entry holds no voter, no time and no
/// author; the voter's "has voted" mark lives in <see cref="VoterRollEntry"/> and nothing links the two. A changed
/// ballot is a new entry; <see cref="IsCurrent"/> marks the latest per voter (or per receipt for a secret vote).
/// </summary>
public sealed class Ballot : ITenantOwned
{
    private Ballot() => Answer = Receipt = PreviousHash = Hash = string.Empty;

    public Ballot(Guid voteId, long sequence, Guid? voterId, Guid? castById, Guid? collegeId, string answer, string? reason,
        string receipt, string? replaces, BallotSource source, DateTimeOffset? castAt, string previousHash)
    {
        Id = Guid.CreateVersion7();
        VoteId = voteId;
        Sequence = sequence;
        VoterId = voterId;
        CastById = castById;
        CollegeId = collegeId;
        Answer = answer;
        Choice = BallotContent.ChoiceOf(answer);
        Reason = string.IsNullOrWhiteSpace(reason) ? null : reason.Trim();
        Receipt = receipt;
        Replaces = replaces;
        Source = source;
        CastAt = castAt;
        PreviousHash = previousHash;
        IsCurrent = true;
        Hash = BallotChain.HashOf(this);
    }

    public Guid TenantId { get; private set; }
    public Guid Id { get; private set; }
    public Guid VoteId { get; private set; }
    /// <summary>1, 2, 3... per vote, unique: two submissions racing for the same place cannot both be stored.</summary>
    public long Sequence { get; private set; }
    /// <summary>Who the ballot counts for; null in a secret vote.</summary>
    public Guid? VoterId { get; private set; }
    /// <summary>Who cast it (the voter or their proxy holder); null in a secret vote.</summary>
    public Guid? CastById { get; private set; }
    /// <summary>The college the ballot counts in (kept in secret votes too: results are given per college).</summary>
    public Guid? CollegeId { get; private set; }
    /// <summary>The ballot's content in its canonical text form (see <see cref="BallotContent"/>).</summary>
    public string Answer { get; private set; }
    /// <summary>For resolutions and proposals, the choice (so the database can count without parsing).</summary>
    public Choice? Choice { get; private set; }
    public string? Reason { get; private set; }
    /// <summary>A random code given to the voter, published after the close so they can find their ballot.</summary>
    public string Receipt { get; private set; }
    /// <summary>In a secret vote, the receipt of the ballot this one replaces.</summary>
    public string? Replaces { get; private set; }
    public BallotSource Source { get; private set; }
    public DateTimeOffset? CastAt { get; private set; }
    public bool IsCurrent { get; private set; }
    public string PreviousHash { get; private set; }
    public string Hash { get; private set; }

    public void Supersede() => IsCurrent = false;
}

/// <summary>A voter frozen onto a vote's list when it opens, with their college; and whether they have voted.</summary>
public sealed class VoterRollEntry : ITenantOwned
{
    private VoterRollEntry() { }

    public VoterRollEntry(Guid voteId, Guid memberId, Guid? collegeId)
    {
        Id = Guid.CreateVersion7();
        VoteId = voteId;
        MemberId = memberId;
        CollegeId = collegeId;
    }

    public Guid TenantId { get; private set; }
    public Guid Id { get; private set; }
    public Guid VoteId { get; private set; }
    public Guid MemberId { get; private set; }
    public Guid? CollegeId { get; private set; }
    /// <summary>Set with the first ballot. In a secret vote it is the only trace of who voted, and it carries no time.</summary>
    public bool HasVoted { get; private set; }
}
