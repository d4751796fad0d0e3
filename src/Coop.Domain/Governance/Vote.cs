using Coop.Domain.Tenancy;

namespace Coop.Domain.Governance;

/// <summary>How a vote asks its question. Each method's count and tie-breaking is described in README.md.</summary>
public enum VoteMethod
{
    /// <summary>An assembly resolution: for, against, abstain, blank; statutory quorum, majority and weights.</summary>
    Resolution = 1,
    /// <summary>Agree, abstain, disagree, block (consent); any block is reported.</summary>
    Proposal = 2,
    SingleChoice = 3,
    MultipleChoice = 4,
    Score = 5,
    RankedChoice = 6,
    MajorityJudgment = 7,
    /// <summary>Each voter ticks every time slot that suits them; the slot most ticked wins.</summary>
    TimePoll = 8,
}

public enum VoteStatus
{
    Draft = 1,
    Open = 2,
    Closed = 3,
}

public enum VoteOutcome
{
    None = 0,
    Adopted = 1,
    Rejected = 2,
    NoQuorum = 3,
    Blocked = 4,
    /// <summary>A poll: the results are the outcome.</summary>
    Counted = 5,
}

/// <summary>
/// A question put to the members: an assembly resolution or a poll outside assemblies. When it opens, the voter list,
/// the college weights and the rule are frozen into it, so later changes to the registry or the statutes cannot
/// change a vote under way.
/// </summary>
public sealed class Vote : ITenantOwned
{
    public const int MaxOptions = 20;
    public const int MaxScore = 10;

    private Vote()
    {
        Title = Body = string.Empty;
        Options = [];
        Colleges = [];
    }

    public Vote(Guid? assemblyId, int position, string title, string body, VoteMethod method, DecisionType decisionType,
        IReadOnlyList<string> options, int maxChoicesOrScore, bool secret, bool hideResultsUntilClose, bool electsPeople,
        bool backedByBoard, DateTimeOffset? closesAt, Guid createdById, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(options);
        Id = Guid.CreateVersion7(now);
        AssemblyId = assemblyId;
        Position = position;
        Title = title.Trim();
        Body = body.Trim();
        Method = method;
        DecisionType = decisionType;
        Options = NeedsOptions(method) ? options.Select(o => o.Trim()).ToList() : [];
        MaxChoicesOrScore = method switch
        {
            VoteMethod.MultipleChoice => Math.Clamp(maxChoicesOrScore, 1, Options.Count),
            VoteMethod.TimePoll => Options.Count,
            VoteMethod.Score => Math.Clamp(maxChoicesOrScore, 1, MaxScore),
            _ => 1,
        };
        Secret = secret;
        HideResultsUntilClose = hideResultsUntilClose;
        ElectsPeople = electsPeople;
        BackedByBoard = backedByBoard;
        ClosesAt = closesAt;
        CreatedById = createdById;
        CreatedAt = now;
        Status = VoteStatus.Draft;
        Colleges = [];
    }

    public Guid TenantId { get; private set; }
    public Guid Id { get; private set; }
    /// <summary>The assembly whose agenda holds this resolution; null for a poll.</summary>
    public Guid? AssemblyId { get; private set; }
    public int Position { get; private set; }
    public string Title { get; private set; }
    public string Body { get; private set; }
    public VoteMethod Method { get; private set; }
    public DecisionType DecisionType { get; private set; }
    public IReadOnlyList<string> Options { get; private set; }
    public int MaxChoicesOrScore { get; private set; }
    /// <summary>Fixed at creation: who voted is stored apart from what was voted, and nothing links them.</summary>
    public bool Secret { get; private set; }
    public bool HideResultsUntilClose { get; private set; }
    /// <summary>An election of people, which the statutes may require to be secret.</summary>
    public bool ElectsPeople { get; private set; }
    /// <summary>Backed by the board (agréée par le conseil): what blank proxies follow.</summary>
    public bool BackedByBoard { get; private set; }
    public DateTimeOffset? ClosesAt { get; private set; }
    public Guid CreatedById { get; private set; }
    public DateTimeOffset CreatedAt { get; private set; }
    public VoteStatus Status { get; private set; }
    public Convocation Convocation { get; private set; } = Convocation.First;
    /// <summary>The rule frozen at the opening (null until frozen).</summary>
    public DecisionRule? Rule { get; private set; }
    public BlankProxyRule BlankProxy { get; private set; } = BlankProxyRule.FollowBoard;
    public IReadOnlyList<College> Colleges { get; private set; }
    public int EligibleCount { get; private set; }
    public DateTimeOffset? FrozenAt { get; private set; }
    public DateTimeOffset? OpenedAt { get; private set; }
    public DateTimeOffset? ClosedAt { get; private set; }
    public VoteOutcome Outcome { get; private set; }
    /// <summary>The hash at the head of the ballot box when it closed; the verification recomputes it.</summary>
    public string? ClosingDigest { get; private set; }
    public int BallotCount { get; private set; }
    /// <summary>For a resolution: those present, remote, represented or voting by correspondence when it closed.</summary>
    public int? Participants { get; private set; }
    public DateTimeOffset? ReminderSentAt { get; private set; }

    public bool IsFrozen => FrozenAt is not null;
    public bool IsPoll => AssemblyId is null;

    public static bool NeedsOptions(VoteMethod method) => method is not (VoteMethod.Resolution or VoteMethod.Proposal);

    /// <summary>Freezes the rule, the colleges and the number of eligible voters (the list itself is stored beside it).</summary>
    public void Freeze(DecisionRule rule, BlankProxyRule blankProxy, Convocation convocation, IReadOnlyList<College> colleges, int eligible, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(rule);
        ArgumentNullException.ThrowIfNull(colleges);
        if (IsFrozen || Status != VoteStatus.Draft) throw new VoteStateException(VoteStateError.AlreadyOpen);
        Rule = rule;
        BlankProxy = blankProxy;
        Convocation = convocation;
        Colleges = colleges.ToList();
        EligibleCount = eligible;
        FrozenAt = now;
    }

    public void Open(DateTimeOffset now)
    {
        if (Status == VoteStatus.Closed) throw new VoteStateException(VoteStateError.Closed);
        if (Status == VoteStatus.Open) throw new VoteStateException(VoteStateError.AlreadyOpen);
        if (!IsFrozen) throw new InvalidOperationException("Freeze the voter list before opening.");
        Status = VoteStatus.Open;
        OpenedAt = now;
    }

    public bool AcceptsBallots(DateTimeOffset now) => Status == VoteStatus.Open && (ClosesAt is null || now < ClosesAt);

    public void Close(VoteOutcome outcome, string digest, int ballots, int? participants, DateTimeOffset now)
    {
        if (Status == VoteStatus.Closed) throw new VoteStateException(VoteStateError.Closed);
        if (Status != VoteStatus.Open) throw new VoteStateException(VoteStateError.NotOpen);
        Status = VoteStatus.Closed;
        Outcome = outcome;
        ClosingDigest = digest;
        BallotCount = ballots;
        Participants = participants;
        ClosedAt = now;
    }

    public void MarkReminderSent(DateTimeOffset now) => ReminderSentAt = now;

    /// <summary>Whether a member may see the counts now: always after the close, before only when not hidden.</summary>
    public bool ResultsVisible => Status == VoteStatus.Closed || (Status == VoteStatus.Open && !HideResultsUntilClose);
}

public enum VoteStateError
{
    AlreadyOpen = 1,
    NotOpen = 2,
    Closed = 3,
}

/// <summary>A vote asked to do what its state forbids (close twice, ballot after the close...). The interface translates the code.</summary>
public sealed class VoteStateException(VoteStateError error) : InvalidOperationException($"Vote state: {error}.")
{
    public VoteStateError Error { get; } = error;
}
