using Coop.Domain.Tenancy;

namespace Coop.Domain.Tests.Tenancy;

public sealed class SupportGrantTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 21, 12, 0, 0, TimeSpan.Zero);

    [Test]
    public void A_support_access_is_reasoned_bounded_and_ends()
    {
        Assert.Throws<ArgumentException>(() => new SupportGrant(Guid.NewGuid(), " ", TimeSpan.FromHours(1), Now));
        Assert.Throws<ArgumentOutOfRangeException>(() => new SupportGrant(Guid.NewGuid(), "x", TimeSpan.FromHours(73), Now));
        var grant = new SupportGrant(Guid.NewGuid(), "Import bloqué", TimeSpan.FromHours(2), Now);
        Assert.That(grant.IsActive(Now.AddHours(1)), Is.True);
        Assert.That(grant.IsActive(Now.AddHours(2)), Is.False);
        grant.Revoke(Now.AddMinutes(5));
        Assert.That(grant.IsActive(Now.AddMinutes(10)), Is.False);
    }
}
