using System.Net;
using Coop.Data;
using Coop.Web.Tests.Support;

namespace Coop.Web.Tests.Api;

/// <summary>Health, security headers and antiforgery: what every page and probe relies on.</summary>
[TestFixtureSource(typeof(AppFixture), nameof(AppFixture.Providers))]
public sealed class PlatformTests(DatabaseProvider provider) : AppFixture(provider)
{
    [TestCase("/health/live")]
    [TestCase("/health/ready")]
    public async Task Health_probes_answer_healthy(string path)
    {
        using var response = await App.CreateClient().GetAsync(path);
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(await response.Content.ReadAsStringAsync(), Is.EqualTo("Healthy"));
    }

    [Test]
    public async Task Pages_carry_the_security_headers()
    {
        using var response = await App.CreateClient().GetAsync("/");
        var csp = response.Headers.GetValues("Content-Security-Policy").Single();
        Assert.That(csp, Does.Contain("default-src 'self'").And.Contain("frame-ancestors 'none'").And.Contain("script-src 'self'"));
        Assert.That(csp, Does.Not.Contain("unsafe-inline"));
        Assert.That(response.Headers.GetValues("X-Content-Type-Options").Single(), Is.EqualTo("nosniff"));
        Assert.That(response.Headers.GetValues("X-Frame-Options").Single(), Is.EqualTo("DENY"));
    }

    [Test]
    public async Task A_form_posted_without_its_antiforgery_token_is_refused()
    {
        var browser = App.Visitor();
        await browser.SignInAsync(World.AdminA.Email!, World.Password);
        using var content = new FormUrlEncodedContent(new Dictionary<string, string> { ["roles"] = "Admin" });
        using var response = await browser.Http.PostAsync($"/c/{World.A.Slug}/admin/members/{World.MemberAInA.Id}/roles", content);
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
    }

    [Test]
    public async Task An_admin_changes_a_members_roles_through_the_form()
    {
        var browser = App.Visitor();
        await browser.SignInAsync(World.AdminA.Email!, World.Password);
        var target = World.MemberAInA.Id;
        var saved = await browser.SubmitAsync($"/c/{World.A.Slug}/admin/members/{target}", $"/c/{World.A.Slug}/admin/members/{target}/roles",
            new Dictionary<string, string> { ["roles"] = "Treasurer" });
        Assert.That(saved.Status, Is.EqualTo(HttpStatusCode.Redirect));
        var page = await browser.GetAsync($"/c/{World.A.Slug}/admin/members");
        Assert.That(page.Contains("membre, trésorerie"), Is.True);
    }

    [Test]
    public async Task The_development_mailbox_does_not_exist_outside_development()
    {
        var page = await App.Visitor().GetAsync("/dev/mail");
        Assert.That(page.Status, Is.EqualTo(HttpStatusCode.NotFound));
    }
}
