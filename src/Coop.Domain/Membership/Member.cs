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
