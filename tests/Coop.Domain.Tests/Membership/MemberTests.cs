using Coop.Domain.Membership;

namespace Coop.Domain.Tests.Membership;

public sealed class MemberTests
{
    [Test]
    public void Every_member_holds_the_member_role()
    {
        var member = new Member(Guid.NewGuid(), "Alice", MemberRoles.Treasurer, DateTimeOffset.UnixEpoch);
        Assert.That(member.Grants(MemberRoles.Member), Is.True);
        Assert.That(member.Grants(MemberRoles.Treasurer), Is.True);
        Assert.That(member.Grants(MemberRoles.Admin), Is.False);
    }

    [TestCase(MembershipStatus.Suspended)]
    [TestCase(MembershipStatus.Resigned)]
    [TestCase(MembershipStatus.Excluded)]
    [TestCase(MembershipStatus.Applicant)]
    public void Roles_grant_nothing_unless_the_membership_is_active(MembershipStatus status)
    {
        var admin = new Member(Guid.NewGuid(), "Amina", MemberRoles.Admin, DateTimeOffset.UnixEpoch);
        admin.ChangeStatus(status, "test", DateTimeOffset.UnixEpoch);
        Assert.That(admin.Grants(MemberRoles.Admin), Is.False);
        Assert.That(admin.Grants(MemberRoles.Member), Is.False);
    }

    [Test]
    public void Changing_roles_never_removes_membership_itself()
    {
        var member = new Member(Guid.NewGuid(), "Bruno", MemberRoles.Admin, DateTimeOffset.UnixEpoch);
        member.ChangeRoles(MemberRoles.None);
        Assert.That(member.Roles, Is.EqualTo(MemberRoles.Member));
    }
}
