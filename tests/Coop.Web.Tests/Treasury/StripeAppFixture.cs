using Coop.Data;
using Coop.Web.Tests.Support;

namespace Coop.Web.Tests.Treasury;

/// <summary>An app fixture whose Stripe calls go to a local Stripe-like server, started before the app and stopped after it.</summary>
public abstract class StripeAppFixture(DatabaseProvider provider) : AppFixture(provider)
{
    protected FakeStripe StripeServer { get; } = FakeStripe.Start();

    protected override IReadOnlyDictionary<string, string?>? Settings => StripeServer.Settings;

    [OneTimeTearDown]
    public async Task StopStripeAsync() => await StripeServer.DisposeAsync();
}
