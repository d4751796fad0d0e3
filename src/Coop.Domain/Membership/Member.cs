using Coop.Domain.Tenancy;

namespace Coop.Domain.Membership;

/// <summary>
/// A person's place in one cooperative: their status and roles there. One user account can hold memberships in
/// several cooperatives; each lives in its own tenant.
/// </summary>
public sealed class Member : ITenantOwned
{
    private Member() => DisplayName = string.Empty;

    public Member(Guid userId, string displayName, MemberRoles roles, DateTimeOffset now)
    {
        Id = Guid.CreateVersion7(now);
        UserId = userId;
        DisplayName = displayName;
        Roles = roles | MemberRoles.Member;
        Status = MembershipStatus.Active;
        StatusChangedAt = now;
        CreatedAt = now;
    }

    public Guid TenantId { get; private set; }
    public Guid Id { get; private set; }
    public Guid UserId { get; private set; }
    public string DisplayName { get; private set; }
    public MemberRoles Roles { get; private set; }
    public MembershipStatus Status { get; private set; }
    public string? StatusReason { get; private set; }
    public DateTimeOffset StatusChangedAt { get; private set; }
    public DateTimeOffset CreatedAt { get; private set; }
    public Guid? CategoryId { get; private set; }
    /// <summary>Why the person wants to join (their application).</summary>
    public string? Motivation { get; private set; }
    /// <summary>Whether other members see this person in the member directory (the member's own choice).</summary>
    public bool ListedInDirectory { get; private set; } = true;
    /// <summary>
    /// When the person's data here was erased (their request, or the retention period after leaving). The row stays,
    /// under a pseudonym, because the register of associates, the books and the minutes must keep pointing at it.
    /// </summary>
    public DateTimeOffset? PseudonymisedAt { get; private set; }

    /// <summary>"Ancien·ne associé·e 7F3A2C": stable for the row, meaningless outside it.</summary>
    public string Pseudonym => "#" + Id.ToString("N")[^6..].ToUpperInvariant();

    /// <summary>A visitor's application: status <see cref="MembershipStatus.Applicant"/> until an admin decides.</summary>
    public static Member Apply(Guid userId, string displayName, Guid? categoryId, string motivation, DateTimeOffset now)
    {
        var member = new Member(userId, displayName, MemberRoles.Member, now) { CategoryId = categoryId, Motivation = motivation.Trim() };
        member.Status = MembershipStatus.Applicant;
        return member;
    }

    public void Approve(DateTimeOffset now)
    {
        if (Status != MembershipStatus.Applicant) throw new InvalidOperationException("Only an application can be approved.");
        ChangeStatus(MembershipStatus.Active, null, now);
    }

    public void Refuse(string message, DateTimeOffset now)
    {
        if (Status != MembershipStatus.Applicant) throw new InvalidOperationException("Only an application can be refused.");
        ChangeStatus(MembershipStatus.Refused, message, now);
    }

    public void Leave(DateTimeOffset now)
    {
        if (Status is not (MembershipStatus.Active or MembershipStatus.Suspended)) throw new InvalidOperationException("Only a member can leave.");
        ChangeStatus(MembershipStatus.Resigned, null, now);
    }

    /// <summary>
    /// Replaces what names or describes the person with a pseudonym. A member who is still active leaves first:
    /// erasure ends the membership.
    /// </summary>
    public void Pseudonymise(string pseudonymLabel, DateTimeOffset now)
    {
        if (PseudonymisedAt is not null) return;
        if (Status is MembershipStatus.Active or MembershipStatus.Suspended or MembershipStatus.Applicant)
            ChangeStatus(Status == MembershipStatus.Applicant ? MembershipStatus.Refused : MembershipStatus.Resigned, null, now);
        DisplayName = pseudonymLabel;
        Motivation = null;
        StatusReason = null;
        ListedInDirectory = false;
        Roles = MemberRoles.Member;
        PseudonymisedAt = now;
    }

    public void ChooseCategory(Guid? categoryId) => CategoryId = categoryId;

    public void ListInDirectory(bool listed) => ListedInDirectory = listed;

    /// <summary>An independent copy (every field is a value or a string), for a cache that hands out rows it keeps.</summary>
    public Member Copy() => (Member)MemberwiseClone();

    /// <summary>Roles only grant rights while the membership is active: a suspended admin is no admin.</summary>
    public bool Grants(MemberRoles role) => Status == MembershipStatus.Active && (Roles & role) == role;

    public void ChangeRoles(MemberRoles roles) => Roles = roles | MemberRoles.Member;

    public void ChangeStatus(MembershipStatus status, string? reason, DateTimeOffset now)
    {
        Status = status;
        StatusReason = reason;
        StatusChangedAt = now;
    }
}
