using System.Net;
using Coop.Data;
using Coop.Data.Tenancy;
using Coop.Domain.Tenancy;
using Coop.Web.Features.Tenancy;
using Coop.Web.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace Coop.Web.Tests.Tenancy;

[TestFixtureSource(typeof(AppFixture), nameof(AppFixture.Providers))]
public sealed class TenantResolutionTests(DatabaseProvider provider) : AppFixture(provider)
{
    [Test]
    public async Task A_cooperative_is_reached_by_its_path_prefix()
    {
        var page = await App.Visitor().GetAsync($"/c/{World.A.Slug}");
        Assert.That(page.Status, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(page.Contains("Coopérative A"), Is.True);
        Assert.That(page.Contains("Coopérative B"), Is.False);
    }

    [TestCase("fr-FR", "Page introuvable")]
    [TestCase("en", "Page not found")]
    public async Task An_unknown_slug_is_a_404_page_in_the_visitors_language(string language, string heading)
    {
        var page = await App.Visitor().GetAsync("/c/does-not-exist", language);
        Assert.That(page.Status, Is.EqualTo(HttpStatusCode.NotFound));
        Assert.That(page.Contains(heading), Is.True);
    }

    [Test]
    public async Task A_malformed_slug_is_the_same_404()
    {
        var page = await App.Visitor().GetAsync("/c/%3Cscript%3E/admin");
        Assert.That(page.Status, Is.EqualTo(HttpStatusCode.NotFound));
    }

    [Test]
    public async Task Suspended_and_provisioning_cooperatives_explain_themselves()
    {
        var suspended = await NewTenantAsync(t => t.Suspend("Cotisation d'hébergement impayée"));
        var provisioning = await NewTenantAsync(_ => { });

        var page = await App.Visitor().GetAsync($"/c/{suspended.Slug}");
        Assert.That(page.Status, Is.EqualTo(HttpStatusCode.Forbidden));
        Assert.That(page.Contains("Coopérative suspendue"), Is.True);
        Assert.That(page.Contains("Cotisation d'hébergement impayée"), Is.True);

        page = await App.Visitor().GetAsync($"/c/{provisioning.Slug}", "en");
        Assert.That(page.Status, Is.EqualTo(HttpStatusCode.ServiceUnavailable));
        Assert.That(page.Contains("being set up"), Is.True);
    }

    [Test]
    public async Task A_mapped_host_serves_its_cooperative_and_only_it()
    {
        var host = $"{Guid.NewGuid():N}.example.org";
        var mapped = await NewTenantAsync(t => { t.Activate(); t.MapHost(host); });
        var client = App.Visitor();
        client.Http.DefaultRequestHeaders.Host = host;

        var home = await client.GetAsync("/");
        Assert.That(home.Status, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(home.Contains(mapped.Name), Is.True);

        // Another cooperative's path on this cooperative's domain is not served.
        var other = await client.GetAsync($"/c/{World.A.Slug}");
        Assert.That(other.Status, Is.EqualTo(HttpStatusCode.NotFound));
        Assert.That(other.Contains("Coopérative A"), Is.False);

        // Platform pages still work on the custom domain.
        Assert.That((await client.GetAsync("/account/login")).Status, Is.EqualTo(HttpStatusCode.OK));
    }

    [Test]
    public async Task Spoofed_host_or_forwarded_headers_never_switch_the_cooperative()
    {
        var host = $"{Guid.NewGuid():N}.example.org";
        await NewTenantAsync(t => { t.Activate(); t.MapHost(host); });
        var client = App.Visitor();
        client.Http.DefaultRequestHeaders.Add("X-Forwarded-Host", host);
        client.Http.DefaultRequestHeaders.Add("X-Original-Host", host);

        var page = await client.GetAsync($"/c/{World.A.Slug}");
        Assert.That(page.Status, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(page.Contains("Coopérative A"), Is.True);

        var root = await client.GetAsync("/");
        Assert.That(root.Contains("Les coopératives de nos territoires"), Is.True, "the platform home, not the mapped cooperative");
    }

    [Test]
    public async Task The_platform_home_lists_open_cooperatives_by_territory()
    {
        var page = await App.Visitor().GetAsync("/");
        Assert.That(page.Status, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(page.Contains("Coopérative A"), Is.True);
        Assert.That(page.Contains("Île-de-France"), Is.True);
        Assert.That(page.Contains("Canada"), Is.True);
    }

    [TestCase("coopérative a", true)]
    [TestCase("PARIS", true)]
    [TestCase("ile-de-france", true)]
    [TestCase("limoilou", false)]
    public async Task The_directory_search_ignores_case_and_accents(string query, bool findsA)
    {
        var page = await App.Visitor().GetAsync("/?q=" + Uri.EscapeDataString(query));
        Assert.That(page.Contains("Coopérative A"), Is.EqualTo(findsA));
    }

    private async Task<Tenant> NewTenantAsync(Action<Tenant> shape)
    {
        var tenant = new Tenant($"t-{Guid.NewGuid():N}"[..20], "Coop " + Guid.NewGuid().ToString("N")[..5], LegalForm.Scop,
            Territory.Of("FR", "Bretagne", "Rennes"), TenantLocale.FrenchFrance, "Europe/Paris", TenantCurrency.Euro, DateTimeOffset.UtcNow);
        shape(tenant);
        await using var scope = App.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<CoopDbContext>();
        db.Tenants.Add(tenant);
        await db.SaveChangesAsync();
        return tenant;
    }
}
