using System.Net;
using Coop.Data;
using Coop.Data.Accounts;
using Coop.Domain.Tenancy;
using Coop.Web.Tests.Support;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Coop.Web.Tests.Membership;

/// <summary>
/// From an empty territory to a living cooperative: the operator onboards it, the invited admin sets colleges and
/// publishes a charter, a visitor applies, the admin approves, and a new charter version asks for a new acceptance.
/// </summary>
[TestFixtureSource(typeof(AppFixture), nameof(AppFixture.Providers))]
public sealed class RegistryFlowTests(DatabaseProvider provider) : AppFixture(provider)
{
    private static string Unique(string prefix) => $"{prefix}-{Guid.NewGuid():N}"[..(prefix.Length + 9)];

    private Task<PageClient> OperatorAsync() => World.OperatorAsync(App);

    private static Dictionary<string, string> Onboarding(string slug, string adminEmail, LegalForm form = LegalForm.Scic) => new()
    {
        ["Name"] = "Tiers-lieu des Lilas", ["Slug"] = slug, ["LegalForm"] = form.ToString(), ["CountryCode"] = "fr",
        ["Region"] = "Île-de-France", ["Locality"] = "Les Lilas", ["Locale"] = "fr-FR", ["TimeZoneId"] = "Europe/Paris",
        ["Currency"] = "EUR", ["AdminEmail"] = adminEmail,
    };

    private async Task<(string Slug, PageClient Admin)> OnboardAndAcceptAsync(LegalForm form = LegalForm.Scic)
    {
        var op = await OperatorAsync();
        var slug = Unique("lilas");
        var adminEmail = $"{Unique("adm")}@test.coop";
        var created = await op.SubmitAsync("/platform/onboard", "/platform/onboard", Onboarding(slug, adminEmail, form));
        Assert.That(created.Status, Is.EqualTo(HttpStatusCode.Redirect), created.Html);

        await App.DeliverMailAsync();
        var invitation = new Uri(App.Smtp.To(adminEmail).Single().FirstLink()).PathAndQuery;
        await World.UserAsync(App.Services, adminEmail, "Première Admin");
        var admin = App.Visitor();
        await admin.SignInAsync(adminEmail, World.Password);
        var accepted = await admin.SubmitAsync(invitation, invitation, new Dictionary<string, string>());
        Assert.That(accepted.Location?.ToString(), Is.EqualTo($"/c/{slug}"));
        return (slug, admin);
    }

    private static Dictionary<string, string> Colleges(params (string Name, int Weight)[] colleges)
    {
        var fields = new Dictionary<string, string> { ["ShareNominalValue"] = "20", ["ProxiesAllowed"] = "true" };
        for (var i = 0; i < colleges.Length; i++)
        {
            fields[$"Colleges[{i}].Name"] = colleges[i].Name;
            fields[$"Colleges[{i}].Weight"] = colleges[i].Weight.ToString(System.Globalization.CultureInfo.InvariantCulture);
        }
        string[] categories = ["Salariés", "Usagers", "Soutiens"];
        for (var i = 0; i < categories.Length; i++)
        {
            fields[$"Categories[{i}].Name"] = categories[i];
            fields[$"Categories[{i}].Kind"] = "User";
            fields[$"Categories[{i}].MinimumShares"] = "1";
            fields[$"Categories[{i}].College"] = colleges[Math.Min(i, colleges.Length - 1)].Name;
        }
        return fields;
    }

    private static Task<Page> PublishAsync(PageClient admin, string slug, string text, string summary) =>
        admin.SubmitAsync($"/c/{slug}/admin/charter", $"/c/{slug}/admin/charter",
            new Dictionary<string, string> { ["Markdown"] = text, ["ChangeSummary"] = summary, ["publish"] = "1" });

    [Test]
    public async Task A_territory_goes_from_onboarding_to_members_who_accepted_the_current_charter()
    {
        var (slug, admin) = await OnboardAndAcceptAsync();
        Assert.That((await App.Visitor().GetAsync($"/c/{slug}")).Status, Is.EqualTo(HttpStatusCode.OK), "accepting opened it");

        // Colleges that break the SCIC rule are refused with the rule, and nothing changes.
        var refused = await admin.SubmitAsync($"/c/{slug}/admin/settings/statutes", $"/c/{slug}/admin/settings/statutes",
            Colleges(("Salariés", 60), ("Usagers", 20), ("Soutiens", 20)));
        Assert.That(refused.Contains("Rien n'a été enregistré"), Is.True);
        Assert.That(refused.Contains("Le collège « Salariés » doit peser entre 10 % et 50 %."), Is.True);
        Assert.That((await admin.GetAsync($"/c/{slug}/admin/settings/statutes")).Html, Does.Not.Contain("value=\"60\""));

        var saved = await admin.SubmitAsync($"/c/{slug}/admin/settings/statutes", $"/c/{slug}/admin/settings/statutes",
            Colleges(("Salariés", 40), ("Usagers", 30), ("Soutiens", 30)));
        Assert.That(saved.Status, Is.EqualTo(HttpStatusCode.Redirect), saved.Html);
        Assert.That((await admin.GetAsync($"/c/{slug}/admin/settings/statutes")).Html, Does.Contain("value=\"40\""));

        Assert.That((await PublishAsync(admin, slug, "# Notre charte\n\nNous décidons ensemble.", "Première version")).Status, Is.EqualTo(HttpStatusCode.Redirect));
        Assert.That((await App.Visitor().GetAsync($"/c/{slug}/charter")).Contains("Nous décidons ensemble."), Is.True);

        // A visitor applies: the charter must be accepted, and only once per person.
        var email = $"{Unique("zoe")}@test.coop";
        await World.UserAsync(App.Services, email, "Zoé Candidate");
        var zoe = App.Visitor();
        await zoe.SignInAsync(email, World.Password);
        var joinPage = await zoe.GetAsync($"/c/{slug}/join");
        var category = System.Text.RegularExpressions.Regex.Match(joinPage.Html, "name=\"CategoryId\" value=\"([0-9a-f-]+)\"").Groups[1].Value;
        var noCharter = await zoe.SubmitAsync($"/c/{slug}/join", $"/c/{slug}/join", new Dictionary<string, string> { ["CategoryId"] = category, ["Motivation"] = "Habitante du quartier" });
        Assert.That(noCharter.Contains("Pour adhérer, acceptez la charte."), Is.True);
        var applied = await zoe.SubmitAsync($"/c/{slug}/join", $"/c/{slug}/join",
            new Dictionary<string, string> { ["CategoryId"] = category, ["Motivation"] = "Habitante du quartier", ["AcceptCharter"] = "true" });
        Assert.That(applied.Contains("Candidature envoyée"), Is.True);
        var twice = await zoe.SubmitAsync($"/c/{slug}/join", $"/c/{slug}/join",
            new Dictionary<string, string> { ["CategoryId"] = category, ["Motivation"] = "Encore", ["AcceptCharter"] = "true" });
        Assert.That(twice.Contains("Une seule candidature par personne."), Is.True);
        Assert.That((await zoe.GetAsync($"/c/{slug}/members")).Status, Is.EqualTo(HttpStatusCode.Forbidden), "not a member yet");

        // The admin approves; approving again (another tab) changes nothing and says so.
        var applications = await admin.GetAsync($"/c/{slug}/admin/applications");
        Assert.That(applications.Contains("Habitante du quartier"), Is.True);
        var applicationId = System.Text.RegularExpressions.Regex.Match(applications.Html, "admin/applications/([0-9a-f-]+)/approve").Groups[1].Value;
        var approveUrl = $"/c/{slug}/admin/applications/{applicationId}/approve";
        await admin.SubmitAsync($"/c/{slug}/admin/applications", approveUrl, new Dictionary<string, string>());
        var again = await admin.SubmitAsync($"/c/{slug}/admin/applications", approveUrl, new Dictionary<string, string>());
        Assert.That(again.Status, Is.EqualTo(HttpStatusCode.Redirect), again.Html[..Math.Min(3000, again.Html.Length)]);
        Assert.That((await admin.GetAsync(again.Location!.ToString())).Contains("Cette candidature a déjà été traitée"), Is.True);
        await App.DeliverMailAsync();
        Assert.That(App.Smtp.To(email).Select(m => m.Subject), Does.Contain("Bienvenue dans Tiers-lieu des Lilas"));
        Assert.That((await zoe.GetAsync($"/c/{slug}/members")).Contains("Zoé Candidate"), Is.True);

        // A second charter version: taking part asks for a new acceptance, then lets her through.
        await PublishAsync(admin, slug, "# Notre charte\n\nNous décidons ensemble.\n\nNous prenons soin du lieu.", "Ajout du soin du lieu");
        var blocked = await zoe.GetAsync($"/c/{slug}/members");
        Assert.That(blocked.Status, Is.EqualTo(HttpStatusCode.Redirect));
        Assert.That(blocked.Location!.ToString(), Does.StartWith($"/c/{slug}/charter/accept"));
        var interstitial = await zoe.GetAsync(blocked.Location.ToString());
        Assert.That(interstitial.Contains("La charte a changé depuis la version 1"), Is.True);
        var versionId = System.Text.RegularExpressions.Regex.Match(interstitial.Html, "name=\"versionId\" value=\"([0-9a-f-]+)\"").Groups[1].Value;
        var accepted = await zoe.SubmitAsync(blocked.Location.ToString(), $"/c/{slug}/charter/accept",
            new Dictionary<string, string> { ["versionId"] = versionId, ["returnUrl"] = $"/c/{slug}/members" });
        Assert.That(accepted.Location!.ToString(), Is.EqualTo($"/c/{slug}/members"));
        Assert.That((await zoe.GetAsync($"/c/{slug}/members")).Status, Is.EqualTo(HttpStatusCode.OK));

        var diff = await App.Visitor().GetAsync($"/c/{slug}/charter/diff/2");
        Assert.That(diff.Html, Does.Contain("<ins>").And.Contain("Nous prenons soin du lieu."));

        var audit = await admin.GetAsync($"/c/{slug}/admin/audit");
        Assert.That(audit.Contains("Coopérative ouverte par l'opérateur"), Is.True);
        Assert.That(audit.Contains("Candidature acceptée"), Is.True);
        Assert.That(audit.Contains("Charte publiée"), Is.True);
        Assert.That(audit.Contains("Statuts (collèges, catégories) modifiés"), Is.True);
    }

    [Test]
    public async Task An_invitation_works_once()
    {
        var op = await OperatorAsync();
        var slug = Unique("once");
        var adminEmail = $"{Unique("adm")}@test.coop";
        await op.SubmitAsync("/platform/onboard", "/platform/onboard", Onboarding(slug, adminEmail));
        await App.DeliverMailAsync();
        var link = new Uri(App.Smtp.To(adminEmail).Single().FirstLink()).PathAndQuery;
        await World.UserAsync(App.Services, adminEmail, "Admin");
        var admin = App.Visitor();
        await admin.SignInAsync(adminEmail, World.Password);
        var form = await admin.GetAsync(link);
        Assert.That(form.Contains("Accepter l'invitation"), Is.True);
        await admin.SubmitAsync(link, link, new Dictionary<string, string>());
        Assert.That((await admin.GetAsync(link)).Contains("Cette invitation ne peut plus servir"), Is.True);
        Assert.That((await App.Visitor().GetAsync(link[..^4] + "0000")).Contains("Cette invitation ne peut plus servir"), Is.True);
    }

    [Test]
    public async Task Onboarding_refuses_taken_reserved_and_malformed_slugs_and_keeps_what_was_typed()
    {
        var op = await OperatorAsync();
        foreach (var (slug, message) in new[]
                 {
                     (World.A.Slug, "Cette adresse est déjà prise par une autre coopérative."),
                     ("platform", "Cette adresse est réservée par la plateforme."),
                     ("Les Lilas!", "De 3 à 40 caractères"),
                 })
        {
            var page = await op.SubmitAsync("/platform/onboard", "/platform/onboard", Onboarding(slug, "x@test.coop"));
            Assert.That(page.Status, Is.EqualTo(HttpStatusCode.OK), slug);
            Assert.That(page.Contains(message), Is.True, slug);
            Assert.That(page.Contains("Tiers-lieu des Lilas"), Is.True, "the name typed is kept");
        }
    }

    [Test]
    public async Task The_operator_suspends_and_reactivates_and_the_cooperatives_admins_see_it()
    {
        var (slug, admin) = await OnboardAndAcceptAsync();
        Guid id;
        await using (var scope = App.Services.CreateAsyncScope())
            id = await scope.ServiceProvider.GetRequiredService<CoopDbContext>().Tenants.Where(t => t.Slug == slug).Select(t => t.Id).SingleAsync();
        var op = await OperatorAsync();
        var noReason = await op.SubmitAsync("/platform", $"/platform/{id}/suspend", new Dictionary<string, string> { ["Reason"] = "" });
        Assert.That((await App.Visitor().GetAsync($"/c/{slug}")).Status, Is.EqualTo(HttpStatusCode.OK), "no reason, no suspension");
        Assert.That((await op.GetAsync(noReason.Location!.ToString())).Contains("Indiquez un motif."), Is.True);

        await op.SubmitAsync("/platform", $"/platform/{id}/suspend", new Dictionary<string, string> { ["Reason"] = "Demande du conseil" });
        var closed = await App.Visitor().GetAsync($"/c/{slug}");
        Assert.That(closed.Status, Is.EqualTo(HttpStatusCode.Forbidden));
        Assert.That(closed.Contains("Demande du conseil"), Is.True);

        await op.SubmitAsync("/platform", $"/platform/{id}/reactivate", new Dictionary<string, string> { ["Reason"] = "Réglé" });
        Assert.That((await App.Visitor().GetAsync($"/c/{slug}")).Status, Is.EqualTo(HttpStatusCode.OK));
        var audit = await admin.GetAsync($"/c/{slug}/admin/audit");
        Assert.That(audit.Contains("Coopérative suspendue par l'opérateur"), Is.True);
        Assert.That(audit.Contains("Demande du conseil"), Is.True);
    }

    [Test]
    public async Task Support_access_is_reasoned_read_only_per_cooperative_visible_and_revocable()
    {
        var op = await OperatorAsync();
        Assert.That((await op.GetAsync($"/c/{World.A.Slug}/admin/members")).Status, Is.EqualTo(HttpStatusCode.Forbidden), "no content by default");

        var opened = await op.SubmitAsync("/platform", $"/platform/{World.A.Id}/support", new Dictionary<string, string> { ["Reason"] = "Aide à l'import des membres", ["hours"] = "2" });
        Assert.That(opened.Location!.ToString(), Is.EqualTo($"/c/{World.A.Slug}/admin/members"));
        Assert.That((await op.GetAsync($"/c/{World.A.Slug}/admin/members")).Contains("Membre A"), Is.True);
        var write = await op.SubmitAsync($"/c/{World.A.Slug}/admin/members/{World.MemberAInA.Id}", $"/c/{World.A.Slug}/admin/members/{World.MemberAInA.Id}/roles",
            new Dictionary<string, string> { ["roles"] = "Admin" });
        Assert.That(write.Status, Is.EqualTo(HttpStatusCode.Forbidden), "read-only");
        Assert.That((await op.GetAsync($"/c/{World.B.Slug}/admin/members")).Status, Is.EqualTo(HttpStatusCode.Forbidden), "only that cooperative");

        var admin = App.Visitor();
        await admin.SignInAsync(World.AdminA.Email!, World.Password);
        var audit = await admin.GetAsync($"/c/{World.A.Slug}/admin/audit");
        Assert.That(audit.Contains("Accès de support ouvert par l'opérateur (lecture seule)"), Is.True);
        Assert.That(audit.Contains("Aide à l'import des membres"), Is.True);
        var revoke = System.Text.RegularExpressions.Regex.Match(audit.Html, "action=\"(/c/[^\"]+/revoke)\"").Groups[1].Value;
        await admin.SubmitAsync($"/c/{World.A.Slug}/admin/audit", revoke, new Dictionary<string, string>());
        Assert.That((await op.GetAsync($"/c/{World.A.Slug}/admin/members")).Status, Is.EqualTo(HttpStatusCode.Forbidden));
    }

    [Test]
    public async Task Only_operators_reach_the_console()
    {
        var member = App.Visitor();
        await member.SignInAsync(World.AdminA.Email!, World.Password);
        Assert.That((await member.GetAsync("/platform")).Status, Is.EqualTo(HttpStatusCode.Forbidden));
        var op = await OperatorAsync();
        var console = await op.GetAsync("/platform?q=coop%C3%A9rative");
        Assert.That(console.Contains("Coopérative A"), Is.True);
        Assert.That((await op.GetAsync("/platform?country=CA")).Contains("Coopérative A"), Is.False);
    }

    [Test]
    public async Task A_quebec_cooperative_cannot_allow_proxies_or_have_a_single_kind_of_member()
    {
        var (slug, admin) = await OnboardAndAcceptAsync(LegalForm.QuebecSolidarityCoop);
        var fields = new Dictionary<string, string>
        {
            ["ShareNominalValue"] = "10", ["ProxiesAllowed"] = "true",
            ["Categories[0].Name"] = "Utilisateurs", ["Categories[0].Kind"] = "User", ["Categories[0].MinimumShares"] = "1",
        };
        var page = await admin.SubmitAsync($"/c/{slug}/admin/settings/statutes", $"/c/{slug}/admin/settings/statutes", fields);
        Assert.That(page.Contains("Le vote par procuration n'est pas permis"), Is.True);
        Assert.That(page.Contains("au moins deux catégories parmi les membres utilisateurs, travailleurs et de soutien"), Is.True);
    }

    [Test]
    public async Task Charter_markdown_cannot_carry_script_or_dangerous_links()
    {
        var (slug, admin) = await OnboardAndAcceptAsync();
        await PublishAsync(admin, slug, "<script>alert('x')</script>\n\n[clic](javascript:alert(1)) [ok](https://example.org) ![img](https://tracker.example/p.gif)\n\n<img src=x onerror=alert(1)>", "XSS");
        var page = await App.Visitor().GetAsync($"/c/{slug}/charter");
        Assert.That(page.Html, Does.Not.Contain("<script>alert"));
        Assert.That(page.Html, Does.Not.Contain("javascript:"));
        Assert.That(page.Html, Does.Not.Contain("<img src=x"));
        Assert.That(page.Html, Does.Not.Contain("<img src=\"https://tracker.example"));
        Assert.That(page.Html, Does.Contain("href=\"https://example.org\" rel=\"nofollow ugc noopener\""));
    }

    [Test]
    public async Task Concurrent_publications_never_give_two_versions_the_same_number()
    {
        var (slug, admin) = await OnboardAndAcceptAsync();
        var second = App.Visitor();
        await second.Http.GetAsync("/"); // a second admin session for the same person
        var adminEmail = await AdminEmailAsync(slug);
        await second.SignInAsync(adminEmail, World.Password);
        var pages = await Task.WhenAll(
            PublishAsync(admin, slug, "# Version de la première", "une"),
            PublishAsync(second, slug, "# Version de la seconde", "deux"));
        foreach (var page in pages)
            Assert.That(page.Status == HttpStatusCode.Redirect || page.Contains("Une autre personne vient de publier"), Is.True, page.Html);
        await using var scope = App.Services.CreateAsyncScope();
        var tenant = await scope.ServiceProvider.GetRequiredService<CoopDbContext>().Tenants.AsNoTracking().SingleAsync(t => t.Slug == slug);
        await using var tenantScope = App.Services.GetRequiredService<Data.Tenancy.TenantScopeFactory>().Begin(Data.Tenancy.TenantInfo.From(tenant), "test");
        var numbers = await tenantScope.ServiceProvider.GetRequiredService<CoopDbContext>().CharterVersions
            .Where(v => v.Number != null).Select(v => v.Number!.Value).OrderBy(n => n).ToListAsync();
        Assert.That(numbers, Is.EqualTo(Enumerable.Range(1, numbers.Count)));
    }

    private async Task<string> AdminEmailAsync(string slug)
    {
        await using var scope = App.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<CoopDbContext>();
        var tenant = await db.Tenants.AsNoTracking().SingleAsync(t => t.Slug == slug);
        await using var tenantScope = App.Services.GetRequiredService<Data.Tenancy.TenantScopeFactory>().Begin(Data.Tenancy.TenantInfo.From(tenant), "test");
        var userId = await tenantScope.ServiceProvider.GetRequiredService<CoopDbContext>().Members.Select(m => m.UserId).FirstAsync();
        return await db.Users.Where(u => u.Id == userId).Select(u => u.Email!).SingleAsync();
    }
}
