using Coop.Domain.Charter;
using Coop.Domain.Membership;

namespace Coop.Domain.Tests.Membership;

public sealed class InvitationAndCharterTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 21, 12, 0, 0, TimeSpan.Zero);

    [Test]
    public void An_invitation_stores_only_a_hash_and_works_once_before_it_expires()
    {
        var (invitation, secret) = Invitation.Create("Admin@Example.org ", MemberRoles.Admin, null, Now);
        Assert.That(invitation.SecretHash, Is.EqualTo(Invitation.Hash(secret)).And.Not.Contains(secret));
        Assert.That(invitation.Roles, Is.EqualTo(MemberRoles.Admin | MemberRoles.Member));
        Assert.That(invitation.IsUsable(Now + Invitation.Lifetime - TimeSpan.FromSeconds(1)), Is.True);
        Assert.That(invitation.IsUsable(Now + Invitation.Lifetime), Is.False);
        invitation.Accept(Guid.NewGuid(), Now);
        Assert.That(invitation.IsUsable(Now), Is.False);
        Assert.Throws<InvalidOperationException>(() => invitation.Accept(Guid.NewGuid(), Now));
    }

    [Test]
    public void A_published_charter_version_is_frozen()
    {
        var version = new CharterVersion("# Charte", Guid.NewGuid(), Now);
        version.Edit("# Charte v1", Now);
        version.Publish(1, " Première version ", Guid.NewGuid(), Now);
        Assert.That(version.Number, Is.EqualTo(1));
        Assert.That(version.ChangeSummary, Is.EqualTo("Première version"));
        Assert.Throws<InvalidOperationException>(() => version.Edit("changed", Now));
        Assert.Throws<InvalidOperationException>(() => version.Publish(2, "again", Guid.NewGuid(), Now));
    }

    [Test]
    public void The_line_diff_shows_what_was_removed_and_added()
    {
        var diff = LineDiff.Compare("a\nb\nc", "a\nc\nd");
        Assert.That(diff.Select(d => (d.Kind, d.Text)), Is.EqualTo(new[]
        {
            (DiffKind.Same, "a"), (DiffKind.Removed, "b"), (DiffKind.Same, "c"), (DiffKind.Added, "d"),
        }));
    }

    [Test]
    public void Applications_are_approved_or_refused_once()
    {
        var applicant = Member.Apply(Guid.NewGuid(), "Zoé", null, "Je veux participer", Now);
        Assert.That(applicant.Status, Is.EqualTo(MembershipStatus.Applicant));
        Assert.That(applicant.Grants(MemberRoles.Member), Is.False);
        applicant.Approve(Now);
        Assert.That(applicant.Grants(MemberRoles.Member), Is.True);
        Assert.Throws<InvalidOperationException>(() => applicant.Approve(Now));
        Assert.Throws<InvalidOperationException>(() => applicant.Refuse("non", Now));
        applicant.Leave(Now);
        Assert.That(applicant.Status, Is.EqualTo(MembershipStatus.Resigned));
    }
}
