using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Coop.Data;
using Coop.Domain.Audience;
using Coop.Domain.Membership;
using Coop.Web.Features.Audience;
using Coop.Web.Features.Treasury;
using Coop.Web.Tests.Support;
using Coop.Web.Tests.Treasury;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Coop.Web.Tests.Audience;

/// <summary>Data-subject rights, retention, the register and the figures: what a person, an admin and the law can check.</summary>
[TestFixtureSource(typeof(AppFixture), nameof(AppFixture.Providers))]
public sealed class PrivacyTests(DatabaseProvider provider) : AppFixture(provider)
{
    [Test]
    public async Task A_member_downloads_their_data_then_erasure_leaves_the_books_balanced_and_no_trace_of_them()
    {
        var t = await TreasuryCoop.CreateAsync(App);
        var slug = t.Slug;
        var david = t.Coop.Person("David");
        var email = david.User.Email!;
        var year = DateTime.UtcNow.Year;
        var call = await t.CallOfAsync(App, "David");
        var cheque = await t.Ana.SubmitAsync($"/c/{slug}/treasury/payments/new?callId={call.Id}", $"/c/{slug}/treasury/payments", new Dictionary<string, string>
        {
            ["MemberId"] = david.Member.Id.ToString(), ["Purpose"] = "Dues", ["CallId"] = call.Id.ToString(), ["Amount"] = "20,00", ["Method"] = "Cheque",
            ["Reference"] = "Chèque 0004521", ["Date"] = $"{year}-{DateTime.UtcNow.Month:D2}-01",
        });
        Assert.That(cheque.Status, Is.EqualTo(HttpStatusCode.Redirect), cheque.Html);
        var client = await t.Coop.SignInAsync(App, "David");
        var spaces = $"/c/{slug}/spaces";
        var space = await t.Ana.SubmitAsync(spaces, spaces, new Dictionary<string, string> { ["Name"] = "Atelier", ["Visibility"] = "Members" });
        var spaceUrl = space.Location!.ToString();
        await client.SubmitAsync(spaces, $"{spaceUrl}/join", new Dictionary<string, string>());
        var posted = await client.SubmitAsync(spaceUrl, $"{spaceUrl}/posts", new Dictionary<string, string> { ["Body"] = "Ma recette secrète de confiture de coings" });
        Assert.That(posted.Status, Is.EqualTo(HttpStatusCode.Redirect), posted.Html);

        // David also signed up for the newsletter at a fair: Ana's contact is linked to him.
        var newsletter = $"/c/{slug}/audience/purposes";
        await t.Ana.SubmitAsync(newsletter, newsletter, new Dictionary<string, string> { ["Name"] = "Lettre", ["Text"] = "La lettre mensuelle." });
        var contact = await t.Ana.SubmitAsync($"/c/{slug}/audience/contacts/new", $"/c/{slug}/audience/contacts", new Dictionary<string, string>
            { ["Name"] = "David (salon)", ["Email"] = email.ToUpperInvariant() });
        Assert.That((await t.Ana.GetAsync(contact.Location!.ToString())).Contains("Membre de la coopérative : David"), Is.True);

        // Right of access: everything, as JSON.
        var download = await client.GetAsync($"/c/{slug}/privacy/me/data.json");
        Assert.That(download.Status, Is.EqualTo(HttpStatusCode.OK));
        using (var json = JsonDocument.Parse(download.Html))
        {
            Assert.That(json.RootElement.GetProperty("account").GetProperty("email").GetString(), Is.EqualTo(email));
            Assert.That(json.RootElement.GetProperty("payments").GetArrayLength(), Is.EqualTo(1));
            Assert.That(json.RootElement.GetProperty("posts")[0].GetProperty("body").GetString(), Does.Contain("confiture de coings"));
            Assert.That(json.RootElement.GetProperty("asContact")[0].GetProperty("contact").GetProperty("name").GetString(), Is.EqualTo("David (salon)"));
        }

        // David asks for erasure; Ana sees it on her desk with its deadline and carries it out.
        var asked = await client.SubmitAsync($"/c/{slug}/privacy/me", $"/c/{slug}/privacy/me/requests", new Dictionary<string, string>
            { ["Kind"] = "Erasure", ["Details"] = "Je quitte la région." });
        Assert.That(asked.Status, Is.EqualTo(HttpStatusCode.Redirect), asked.Html);
        var desk = await t.Ana.GetAsync($"/c/{slug}/privacy/admin");
        Assert.That(desk.Contains("Effacer mes données · David"), Is.True, desk.Html);
        Assert.That(desk.Contains("À traiter sous 3"), Is.True, "one month from today");
        var requestId = await t.ReadAsync(App, db => db.PrivacyRequests.Where(r => r.Kind == PrivacyRequestKind.Erasure).Select(r => r.Id).SingleAsync());
        var before = await t.ReadAsync(App, db => db.JournalLines.CountAsync(l => l.MemberId == david.Member.Id));
        var erased = await t.Ana.SubmitAsync($"/c/{slug}/privacy/admin", $"/c/{slug}/privacy/admin/requests/{requestId}/erase", new Dictionary<string, string>());
        Assert.That(erased.Status, Is.EqualTo(HttpStatusCode.Redirect), erased.Html);

        await using var scope = t.Coop.Scope(App.Services);
        var db = scope.ServiceProvider.GetRequiredService<CoopDbContext>();
        var balance = await scope.ServiceProvider.GetRequiredService<TreasuryQueries>().TrialBalanceAsync(CancellationToken.None);
        var member = await db.Members.AsNoTracking().SingleAsync(m => m.Id == david.Member.Id);
        Assert.Multiple(async () =>
        {
            Assert.That(balance.Sum(a => a.DebitMinor - a.CreditMinor), Is.Zero, "the ledger still balances");
            Assert.That(await db.JournalLines.CountAsync(l => l.MemberId == david.Member.Id), Is.EqualTo(before), "the entries stay, on the pseudonym");
            Assert.That(await scope.ServiceProvider.GetRequiredService<TreasuryQueries>().OwedByAsync(david.Member.Id, CancellationToken.None), Is.EqualTo(1000));
            Assert.That(member.DisplayName, Is.EqualTo(member.Pseudonym));
            Assert.That(member.Status, Is.EqualTo(MembershipStatus.Resigned));
            Assert.That(member.PseudonymisedAt, Is.Not.Null);
            Assert.That(await PersonalDataScan.FindAsync(db, t.Coop.Tenant.Id, "David"), Is.Empty, "no mention of the name in any table");
            Assert.That(await PersonalDataScan.FindAsync(db, t.Coop.Tenant.Id, email), Is.Empty, "no mention of the address in any table");
            Assert.That(await PersonalDataScan.FindAsync(db, t.Coop.Tenant.Id, "confiture de coings"), Is.Empty, "nor what they wrote");
            Assert.That(await db.Contacts.CountAsync(), Is.Zero, "their contact went with them");
            Assert.That(await db.PrivacyRequests.Where(r => r.Id == requestId).Select(r => r.Status).SingleAsync(), Is.EqualTo(PrivacyRequestStatus.Done));
        });
        // The register of shares and the books still show the row, under the pseudonym.
        var ledger = await t.Ana.GetAsync($"/c/{slug}/treasury/calls");
        Assert.That(ledger.Contains(member.Pseudonym), Is.True);
    }

    [Test]
    public async Task A_contact_gets_a_link_downloads_their_data_and_erases_it_leaving_the_consent_ledger()
    {
        var coop = await AudienceCoop.CreateAsync(App);
        var email = $"hugo-{Guid.NewGuid():N}@exemple.org";
        var id = await coop.AddContactAsync("Hugo Lenoir", email, "93260", "théâtre", coop.Newsletter, coop.Events);
        var visitor = App.Visitor();
        var unknown = await visitor.SubmitAsync($"{coop.Base}/privacy", $"{coop.Base}/privacy/link", new Dictionary<string, string> { ["Email"] = "personne@exemple.org" });
        var known = await visitor.SubmitAsync($"{coop.Base}/privacy", $"{coop.Base}/privacy/link", new Dictionary<string, string> { ["Email"] = email.ToUpperInvariant() });
        Assert.That(known.Contains("Si cette adresse est connue, un lien vient d'y être envoyé."), Is.True);
        Assert.That(unknown.Contains("Si cette adresse est connue, un lien vient d'y être envoyé."), Is.True, "the same answer: no one learns who is on the list");
        await AudienceCoop.DeliverAllAsync(App);
        var link = new Uri(App.Smtp.To(email).Single().Links().Single(l => l.Contains("/preferences?", StringComparison.Ordinal)));

        // Rectification and one purpose dropped, from the preference page.
        var prefs = await visitor.GetAsync(link.PathAndQuery);
        Assert.That(prefs.Contains("Hugo Lenoir"), Is.True);
        var token = System.Web.HttpUtility.ParseQueryString(link.Query)["token"]!;
        var saved = await visitor.SubmitAsync(link.PathAndQuery, $"{coop.Base}/preferences", new Dictionary<string, string>
            { ["Token"] = token, ["Name"] = "Hugo Le Noir", ["PostalCode"] = "93100", ["Purposes[0]"] = coop.Events.ToString() });
        Assert.That(saved.Status, Is.EqualTo(HttpStatusCode.Redirect), saved.Html);
        var data = await visitor.GetAsync($"{coop.Base}/preferences/data.json?token={Uri.EscapeDataString(token)}");
        using (var json = JsonDocument.Parse(data.Html))
        {
            Assert.That(json.RootElement.GetProperty("contact").GetProperty("name").GetString(), Is.EqualTo("Hugo Le Noir"));
            Assert.That(json.RootElement.GetProperty("consentLedger").GetArrayLength(), Is.EqualTo(3), "two given on paper, one withdrawn on the page");
        }

        var notConfirmed = await visitor.SubmitAsync(link.PathAndQuery, $"{coop.Base}/preferences/erase", new Dictionary<string, string> { ["token"] = token });
        Assert.That(notConfirmed.Status, Is.EqualTo(HttpStatusCode.Redirect));
        Assert.That(await coop.ReadAsync(App, db => db.Contacts.CountAsync()), Is.EqualTo(1), "nothing erased without the box ticked");
        var gone = await visitor.SubmitAsync(link.PathAndQuery, $"{coop.Base}/preferences/erase", new Dictionary<string, string> { ["token"] = token, ["confirm"] = "true" });
        Assert.That(gone.Contains("Vos données sont effacées"), Is.True, gone.Html);

        await using var scope = coop.Coop.Scope(App.Services);
        var db = scope.ServiceProvider.GetRequiredService<CoopDbContext>();
        Assert.Multiple(async () =>
        {
            Assert.That(await db.Contacts.CountAsync(), Is.Zero);
            Assert.That(await db.ConsentRecords.CountAsync(r => r.ContactId == id), Is.EqualTo(4), "the ledger keeps its lines, plus the final withdrawal");
            Assert.That(await db.ContactConsents.CountAsync(), Is.Zero);
            Assert.That(await PersonalDataScan.FindAsync(db, coop.Coop.Tenant.Id, email), Is.Empty);
            Assert.That(await PersonalDataScan.FindAsync(db, coop.Coop.Tenant.Id, "Le Noir"), Is.Empty);
        });
        Assert.That((await visitor.GetAsync(link.PathAndQuery)).Status, Is.EqualTo(HttpStatusCode.BadRequest), "the link now opens nothing");
    }

    [Test]
    public async Task Retention_asks_silent_contacts_then_erases_them_pseudonymises_former_members_and_a_second_run_changes_nothing()
    {
        var coop = await AudienceCoop.CreateAsync(App);
        var now = DateTimeOffset.UtcNow;
        await using (var scope = coop.Coop.Scope(App.Services))
        {
            var db = scope.ServiceProvider.GetRequiredService<CoopDbContext>();
            db.Contacts.Add(new Contact("Récente", "recente@exemple.org", null, null, [], "test", now.AddYears(-1)));
            db.Contacts.Add(new Contact("Silencieuse", "silencieuse@exemple.org", null, null, [], "test", now.AddYears(-4)));
            var asked = new Contact("Relancée", "relancee@exemple.org", null, null, [], "test", now.AddYears(-4));
            asked.AskedToReconsent(now.AddDays(-31));
            db.Contacts.Add(asked);
            (await db.Members.SingleAsync(m => m.DisplayName == "David")).ChangeStatus(MembershipStatus.Resigned, null, now.AddMonths(-13));
            (await db.Members.SingleAsync(m => m.DisplayName == "Chloé")).ChangeStatus(MembershipStatus.Resigned, null, now.AddMonths(-2));
            await db.SaveChangesAsync();
        }
        var run = await coop.Ana.SubmitAsync($"{coop.Base}/privacy/admin/retention", $"{coop.Base}/privacy/admin/retention/run", new Dictionary<string, string>());
        Assert.That(run.Status, Is.EqualTo(HttpStatusCode.Redirect));
        await App.Services.GetRequiredService<RetentionJob>().RunOnceAsync(CancellationToken.None);

        var (runs, contacts, members) = await coop.ReadAsync(App, async db => (
            await db.RetentionRuns.OrderBy(r => r.At).ToListAsync(),
            await db.Contacts.OrderBy(c => c.Name).ToListAsync(),
            await db.Members.OrderBy(m => m.CreatedAt).ToListAsync()));
        Assert.Multiple(() =>
        {
            Assert.That(runs.Select(r => (r.ReconsentRequested, r.ContactsDeleted, r.MembersPseudonymised)), Is.EqualTo(new[] { (1, 1, 1), (0, 0, 0) }));
            Assert.That(contacts.Select(c => c.Name), Is.EqualTo(new[] { "Récente", "Silencieuse" }));
            Assert.That(contacts.Single(c => c.Name == "Silencieuse").ReconsentRequestedAt, Is.Not.Null);
            Assert.That(members.Count(m => m.PseudonymisedAt != null), Is.EqualTo(1));
            Assert.That(members.Any(m => m.DisplayName == "Chloé"), Is.True, "left two months ago: kept");
        });
        await AudienceCoop.DeliverAllAsync(App);
        var ask = App.Smtp.To("silencieuse@exemple.org").Single();
        Assert.That(ask.Subject, Does.Contain("Voulez-vous encore recevoir nos nouvelles"));
        var visitor = App.Visitor();
        var link = new Uri(ask.Links().Single(l => l.Contains("/preferences?", StringComparison.Ordinal)));
        var page = await visitor.GetAsync(link.PathAndQuery);
        Assert.That(page.Contains("Nous n'avons pas eu de vos nouvelles depuis longtemps"), Is.True);
        var token = System.Web.HttpUtility.ParseQueryString(link.Query)["token"]!;
        await visitor.SubmitAsync(link.PathAndQuery, $"{coop.Base}/preferences", new Dictionary<string, string> { ["Token"] = token, ["Name"] = "Silencieuse" });
        var stays = await coop.ReadAsync(App, db => db.Contacts.SingleAsync(c => c.Name == "Silencieuse"));
        Assert.That(stays.ReconsentRequestedAt, Is.Null, "answering keeps the contact");
        Assert.That((await coop.Ana.GetAsync($"{coop.Base}/privacy/admin/retention")).Contains("Anciens membres pseudonymisés"), Is.True);
    }

    [Test]
    public async Task The_register_is_drafted_from_purposes_and_built_ins_edits_stick_and_the_privacy_page_names_the_officer()
    {
        var coop = await AudienceCoop.CreateAsync(App);
        var settings = $"{coop.Base}/privacy/admin/settings";
        var bad = await coop.Ana.SubmitAsync(settings, settings, new Dictionary<string, string> { ["OfficerName"] = "", ["OfficerEmail"] = "pas une adresse", ["FormerMemberMonths"] = "0" });
        Assert.That(bad.Status, Is.EqualTo(HttpStatusCode.UnprocessableEntity));
        Assert.That(bad.Contains("Saisissez une adresse e-mail valide"), Is.True);
        var ok = await coop.Ana.SubmitAsync(settings, settings, new Dictionary<string, string>
            { ["OfficerName"] = "Inès Garnier, déléguée", ["OfficerEmail"] = "dpo@lilas.coop", ["FormerMemberMonths"] = "24" });
        Assert.That(ok.Status, Is.EqualTo(HttpStatusCode.Redirect), ok.Html);

        var register = await coop.Ana.GetAsync($"{coop.Base}/privacy/admin/register");
        Assert.That(register.Contains("Gestion des membres et du registre des associés"), Is.True);
        Assert.That(register.Contains("Communication : Lettre d'information"), Is.True);
        var entryId = await coop.ReadAsync(App, db => db.ProcessingActivities.Where(a => a.Key == "community").Select(a => a.Id).SingleAsync());
        var edit = $"{coop.Base}/privacy/admin/register?edit={entryId}";
        var saved = await coop.Ana.SubmitAsync(edit, $"{coop.Base}/privacy/admin/register/{entryId}", new Dictionary<string, string>
            { ["Name"] = "Forum des membres", ["Purposes"] = "Échanges entre membres.", ["LegalBasis"] = "Contrat", ["Retention"] = "5 ans" });
        Assert.That(saved.Status, Is.EqualTo(HttpStatusCode.Redirect), saved.Html);
        var csv = await coop.Ana.GetAsync($"{coop.Base}/privacy/admin/register.csv");
        Assert.That(csv.Html, Does.Contain("Forum des membres"));
        Assert.That(csv.Html.Split('\n').Count(l => l.Length > 0), Is.EqualTo(1 + 5 + 2), "header, five built-ins, two purposes");

        var page = await App.Visitor().GetAsync($"{coop.Base}/privacy");
        Assert.That(page.Status, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(page.Contains("Inès Garnier, déléguée"), Is.True);
        Assert.That(page.Contains("dpo@lilas.coop"), Is.True);
        Assert.That(page.Contains("Forum des membres"), Is.True);
    }

    [Test]
    public async Task Page_views_are_counted_per_cooperative_and_route_and_nothing_about_the_visitor_is_kept()
    {
        var coop = await AudienceCoop.CreateAsync(App);
        var visitor = App.Visitor();
        for (var i = 0; i < 3; i++) await visitor.GetAsync($"{coop.Base}/privacy");
        await visitor.GetAsync($"{coop.Base}/subscribe");
        await visitor.GetAsync($"{coop.Base}/preferences?token=nope"); // 400: not a view
        await App.Services.GetRequiredService<PageViewCounter>().FlushAsync(CancellationToken.None);

        var rows = await coop.ReadAsync(App, db => db.PageViewCounts.OrderBy(p => p.Page).ToListAsync());
        // Ana's own visits while setting up count too; the visitor's are these.
        Assert.That(rows.Select(r => (r.Page, r.Views)), Is.SupersetOf(new[] { ("c/{tenant}/privacy", 3L), ("c/{tenant}/subscribe", 1L) }));
        Assert.That(rows.Any(r => r.Page.Contains("preferences", StringComparison.Ordinal)), Is.False, "a refused link is not a view");
        var columns = await coop.ReadAsync(App, db => Task.FromResult(db.Model.FindEntityType(typeof(PageViewCount))!.GetProperties().Select(p => p.Name).Order().ToList()));
        Assert.That(columns, Is.EqualTo(new[] { "Day", "Id", "Page", "TenantId", "Views" }), "no address, user, cookie or agent column");
        var others = await coop.ReadAsync(App, db => db.PageViewCounts.IgnoreQueryFilters().CountAsync(p => p.TenantId != coop.Coop.Tenant.Id && p.Page == "c/{tenant}/subscribe"));
        Assert.That(others, Is.Zero);
        var dashboard = await coop.Ana.GetAsync($"{coop.Base}/analytics");
        Assert.That(dashboard.Contains("/privacy"), Is.True, dashboard.Html);
        Assert.That(dashboard.Contains($"{rows.Sum(r => r.Views)} pages vues sur les 30 derniers jours."), Is.True);
        Assert.That((await (await coop.Coop.SignInAsync(App, "Bruno")).GetAsync($"{coop.Base}/analytics")).Status, Is.EqualTo(HttpStatusCode.Forbidden));
    }

    [Test]
    public async Task The_audience_api_proves_consent_refuses_duplicates_and_is_for_admins_only()
    {
        var coop = await AudienceCoop.CreateAsync(App);
        var api = await App.ApiClientAsync(coop.Coop.Admin.User.Email!);
        var email = $"api-{Guid.NewGuid():N}@exemple.org";
        using var created = await api.PostAsJsonAsync($"{coop.Base}/api/audience/contacts", new
        {
            name = "Yasmine", email, postalCode = "93260", tags = new[] { "Vélo" },
            consents = new[] { new { purposeId = coop.Events, evidence = "Formulaire partenaire 2026-11", at = DateTimeOffset.UtcNow.AddHours(-2) } },
        });
        Assert.That(created.StatusCode, Is.EqualTo(HttpStatusCode.Created));
        var detail = await created.Content.ReadFromJsonAsync<JsonElement>();
        Assert.That(detail.GetProperty("ledger")[0].GetProperty("channel").GetString(), Is.EqualTo("Api"));
        Assert.That(detail.GetProperty("contact").GetProperty("tags")[0].GetString(), Is.EqualTo("vélo"));

        using var twice = await api.PostAsJsonAsync($"{coop.Base}/api/audience/contacts", new { name = "Yasmine", email = email.ToUpperInvariant() });
        Assert.That(twice.StatusCode, Is.EqualTo(HttpStatusCode.Conflict));
        Assert.That(twice.Content.Headers.ContentType?.MediaType, Is.EqualTo("application/problem+json"));
        using var invalid = await api.PostAsJsonAsync($"{coop.Base}/api/audience/contacts", new { name = "", email = "pas-une-adresse" });
        Assert.That(invalid.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
        var problem = await invalid.Content.ReadFromJsonAsync<JsonElement>();
        Assert.That(problem.GetProperty("errors").GetProperty("Email")[0].GetString(), Does.Contain("adresse e-mail valide"));
        using var future = await api.PostAsJsonAsync($"{coop.Base}/api/audience/contacts/{detail.GetProperty("contact").GetProperty("id").GetGuid()}/consents",
            new { purposeId = coop.Newsletter, evidence = "?", at = DateTimeOffset.UtcNow.AddDays(3) });
        Assert.That(future.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));

        var list = await api.GetFromJsonAsync<JsonElement>($"{coop.Base}/api/audience/contacts?purposeId={coop.Events}");
        Assert.That(list.GetArrayLength(), Is.EqualTo(1));
        var member = await App.ApiClientAsync(coop.Coop.Person("Bruno").User.Email!);
        using var refused = await member.GetAsync($"{coop.Base}/api/audience/contacts");
        Assert.That(refused.StatusCode, Is.EqualTo(HttpStatusCode.Forbidden));
        var other = await App.ApiClientAsync(World.AdminA.Email!);
        using var elsewhere = await other.GetAsync($"{coop.Base}/api/audience/contacts");
        Assert.That(elsewhere.StatusCode, Is.EqualTo(HttpStatusCode.Forbidden));
        using var deleted = await api.DeleteAsync($"{coop.Base}/api/audience/contacts/{detail.GetProperty("contact").GetProperty("id").GetGuid()}");
        Assert.That(deleted.StatusCode, Is.EqualTo(HttpStatusCode.NoContent));
        Assert.That(await coop.ReadAsync(App, db => db.Contacts.CountAsync()), Is.Zero);
    }
}
