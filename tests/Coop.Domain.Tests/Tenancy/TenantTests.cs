using Coop.Domain.Tenancy;

namespace Coop.Domain.Tests.Tenancy;

public sealed class TenantTests
{
    private static Tenant NewTenant() => new("belleville", "Tiers-lieu", LegalForm.Scic, Territory.Of("fr", " Île-de-France ", "Paris"),
        TenantLocale.FrenchFrance, "Europe/Paris", TenantCurrency.Euro, DateTimeOffset.UnixEpoch);

    [Test]
    public void A_new_cooperative_is_provisioning_and_not_open()
    {
        var tenant = NewTenant();
        Assert.That(tenant.State, Is.EqualTo(TenantState.Provisioning));
        Assert.That(tenant.IsOpen, Is.False);
        Assert.That(tenant.Territory, Is.EqualTo(new Territory("FR", "Île-de-France", "Paris")));
    }

    [Test]
    public void Activation_opens_it_and_suspension_closes_it_with_a_reason()
    {
        var tenant = NewTenant();
        tenant.Activate();
        Assert.That(tenant.IsOpen, Is.True);
        tenant.Suspend("Unpaid hosting");
        Assert.That(tenant.IsOpen, Is.False);
        Assert.That(tenant.StateReason, Is.EqualTo("Unpaid hosting"));
        tenant.Activate();
        Assert.That(tenant.StateReason, Is.Null);
    }

    [Test]
    public void An_archived_cooperative_cannot_come_back()
    {
        var tenant = NewTenant();
        tenant.Archive("Dissolved");
        Assert.Throws<InvalidOperationException>(tenant.Activate);
        Assert.Throws<InvalidOperationException>(() => tenant.Suspend("x"));
    }

    [Test]
    public void Invalid_slug_locale_or_currency_cannot_build_a_tenant()
    {
        Assert.Throws<ArgumentException>(() => new Tenant("api", "x", LegalForm.Scop, Territory.Of("FR", "", ""), "fr-FR", "Europe/Paris", "EUR", DateTimeOffset.UnixEpoch));
        Assert.Throws<ArgumentException>(() => new Tenant("okay", "x", LegalForm.Scop, Territory.Of("FR", "", ""), "de-DE", "Europe/Paris", "EUR", DateTimeOffset.UnixEpoch));
        Assert.Throws<ArgumentException>(() => new Tenant("okay", "x", LegalForm.Scop, Territory.Of("FR", "", ""), "fr-FR", "Europe/Paris", "USD", DateTimeOffset.UnixEpoch));
    }

    [Test]
    public void Host_names_are_normalised_and_mapped_once()
    {
        var tenant = NewTenant();
        var host = tenant.MapHost(" Coop.Example.ORG. ");
        Assert.That(host.HostName, Is.EqualTo("coop.example.org"));
        Assert.Throws<InvalidOperationException>(() => tenant.MapHost("coop.example.org"));
    }
}
