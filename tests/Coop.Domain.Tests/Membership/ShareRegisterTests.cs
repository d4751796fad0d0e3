using Coop.Domain.Membership;

namespace Coop.Domain.Tests.Membership;

public sealed class ShareRegisterTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 21, 12, 0, 0, TimeSpan.Zero);
    private static readonly Guid Alice = Guid.NewGuid();
    private static readonly Guid Bruno = Guid.NewGuid();

    private static ShareMovement Line(Guid member, ShareMovementKind kind, int shares, int day, long nominal = 2000) =>
        new(member, kind, shares, nominal, kind == ShareMovementKind.Subscription ? shares * nominal : shares * nominal,
            new DateOnly(2026, 1, day), "ref", Guid.NewGuid(), Now.AddMinutes(day));

    [Test]
    public void The_register_keeps_running_totals_per_member_and_for_the_cooperative()
    {
        var lines = ShareRegister.Build([Line(Bruno, ShareMovementKind.Subscription, 5, 2), Line(Alice, ShareMovementKind.Subscription, 10, 1),
            Line(Alice, ShareMovementKind.Refund, 4, 3)]);
        Assert.That(lines.Select(l => (l.MemberSharesAfter, l.TotalSharesAfter, l.CapitalAfterMinor)), Is.EqualTo(new[]
        {
            (10, 10, 20_000L), (5, 15, 30_000L), (6, 11, 22_000L),
        }));
    }

    [Test]
    public void A_refund_cannot_exceed_the_shares_held()
    {
        var movements = new[] { Line(Alice, ShareMovementKind.Subscription, 3, 1) };
        Assert.That(ShareRegister.CanRefund(movements, Alice, 3), Is.True);
        Assert.That(ShareRegister.CanRefund(movements, Alice, 4), Is.False);
        Assert.That(ShareRegister.CanRefund(movements, Bruno, 1), Is.False);
        Assert.That(ShareRegister.CanRefund(movements, Alice, 0), Is.False);
    }

    [Test]
    public void A_line_refuses_absurd_amounts()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new ShareMovement(Alice, ShareMovementKind.Subscription, 0, 2000, 0, new DateOnly(2026, 1, 1), "", Guid.NewGuid(), Now));
        Assert.Throws<ArgumentOutOfRangeException>(() => new ShareMovement(Alice, ShareMovementKind.Subscription, 1, 2000, 2001, new DateOnly(2026, 1, 1), "", Guid.NewGuid(), Now));
        Assert.Throws<ArgumentOutOfRangeException>(() => new ShareMovement(Alice, ShareMovementKind.Subscription, 1, 2000, -1, new DateOnly(2026, 1, 1), "", Guid.NewGuid(), Now));
        var partlyPaid = new ShareMovement(Alice, ShareMovementKind.Subscription, 2, 2000, 1000, new DateOnly(2026, 1, 1), " VIR-12 ", Guid.NewGuid(), Now);
        Assert.That(partlyPaid.Reference, Is.EqualTo("VIR-12"));
    }
}
