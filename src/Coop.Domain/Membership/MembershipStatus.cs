namespace Coop.Domain.Membership;

public enum MembershipStatus
{
    Applicant = 1,
    Active = 2,
    Suspended = 3,
    Resigned = 4,
    Excluded = 5,
    /// <summary>An application the admins declined, kept with their message.</summary>
    Refused = 6,
}
