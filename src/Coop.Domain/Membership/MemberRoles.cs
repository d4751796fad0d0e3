namespace Coop.Domain.Membership;

/// <summary>What a member may do inside one cooperative. Stored on the membership, read from the database per request.</summary>
[Flags]
public enum MemberRoles
{
    None = 0,
    Member = 1,
    Moderator = 2,
    Treasurer = 4,
    Admin = 8,
}
