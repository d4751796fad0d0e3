using System.Net;
using System.Net.Http.Json;
using Coop.Data;
using Coop.Domain.Audience;
using Coop.Web.Features.Audience;
using Coop.Web.Tests.Support;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Coop.Web.Tests.Audience;

/// <summary>The public side: double opt-in, signed links, one-click unsubscribe, campaigns that only reach those who consent.</summary>
[TestFixtureSource(typeof(AppFixture), nameof(AppFixture.Providers))]
public sealed class SubscriptionTests(DatabaseProvider provider) : AppFixture(provider)
{
    private sealed class FixedClock(DateTimeOffset now) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => now;
    }

    [Test]
    public async Task A_visitor_subscribes_by_double_opt_in_and_the_consent_is_provable()
    {
        var coop = await AudienceCoop.CreateAsync(App);
        var visitor = App.Visitor();
        var form = await visitor.GetAsync($"{coop.Base}/subscribe");
        Assert.That(form.Contains("Je veux recevoir la lettre mensuelle de la coopérative."), Is.True, "each box shows its own text");
        Assert.That(form.Html, Does.Not.Contain("checked"), "nothing is ticked in advance");

        var sent = await visitor.SubmitAsync($"{coop.Base}/subscribe", $"{coop.Base}/subscribe", new Dictionary<string, string>
        {
            ["Email"] = "Lea.Martin@Exemple.org ", ["Name"] = "Léa Martin", ["PostalCode"] = "93260", ["Purposes[0]"] = coop.Newsletter.ToString(),
        });
        Assert.That(sent.Contains("Rien n'est enregistré tant que vous ne l'avez pas suivi."), Is.True, sent.Html);
        Assert.That(await coop.ReadAsync(App, db => db.Contacts.CountAsync()), Is.Zero, "nothing stored before confirmation");

        await AudienceCoop.DeliverAllAsync(App);
        var mail = App.Smtp.To("Lea.Martin@Exemple.org").Single();
        Assert.That(mail.Subject, Does.Contain("Confirmez votre inscription"));
        var link = new Uri(mail.Links().Single(l => l.Contains("/subscribe/confirm", StringComparison.Ordinal)));
        var confirmPage = await visitor.GetAsync(link.PathAndQuery);
        Assert.That(confirmPage.Contains("Lettre d'information"), Is.True);
        var token = System.Web.HttpUtility.ParseQueryString(link.Query)["token"]!;
        var done = await visitor.SubmitAsync(link.PathAndQuery, $"{coop.Base}/subscribe/confirm", new Dictionary<string, string> { ["token"] = token });
        Assert.That(done.Contains("C'est fait : vous êtes inscrit·e à Lettre d'information."), Is.True, done.Html);
        var again = await visitor.SubmitAsync(link.PathAndQuery, $"{coop.Base}/subscribe/confirm", new Dictionary<string, string> { ["token"] = token });
        Assert.That(again.Contains("Votre inscription était déjà confirmée."), Is.True);

        var (contact, ledger) = await coop.ReadAsync(App, async db => (await db.Contacts.SingleAsync(), await db.ConsentRecords.ToListAsync()));
        Assert.Multiple(() =>
        {
            Assert.That(contact.EmailNormalized, Is.EqualTo("lea.martin@exemple.org"));
            Assert.That(contact.PostalCode, Is.EqualTo("93260"));
            Assert.That(ledger, Has.Count.EqualTo(1), "confirming twice records once");
            Assert.That(ledger[0].Channel, Is.EqualTo(ConsentChannel.Form));
            Assert.That(ledger[0].Version, Is.EqualTo(1));
            Assert.That(ledger[0].Evidence, Does.StartWith("double opt-in"));
        });
    }

    [Test]
    public async Task Expired_and_tampered_links_get_their_own_message_and_change_nothing()
    {
        var coop = await AudienceCoop.CreateAsync(App);
        var contactId = await coop.AddContactAsync("Marc", $"marc-{Guid.NewGuid():N}@exemple.org", purposes: coop.Newsletter);
        var protection = App.Services.GetRequiredService<IDataProtectionProvider>();
        var old = new AudienceTokens(protection, new FixedClock(DateTimeOffset.UtcNow.AddDays(-61)));
        var visitor = App.Visitor();

        var expired = await visitor.GetAsync($"{coop.Base}/preferences?token={Uri.EscapeDataString(old.Preferences(coop.Coop.Tenant.Id, contactId))}");
        Assert.That(expired.Status, Is.EqualTo(HttpStatusCode.Gone));
        Assert.That(expired.Contains("Ce lien a expiré"), Is.True);

        var good = App.Services.GetRequiredService<AudienceTokens>().Preferences(coop.Coop.Tenant.Id, contactId);
        var tampered = good[..^3] + (good[^3] == 'A' ? "B" : "A") + good[^2..];
        var bad = await visitor.GetAsync($"{coop.Base}/preferences?token={Uri.EscapeDataString(tampered)}");
        Assert.That(bad.Status, Is.EqualTo(HttpStatusCode.BadRequest));
        Assert.That(bad.Contains("Ce lien n'est pas valide"), Is.True);

        // A valid link of this cooperative opens nothing at another.
        var elsewhere = await visitor.GetAsync($"/c/{World.A.Slug}/preferences?token={Uri.EscapeDataString(good)}");
        Assert.That(elsewhere.Status, Is.EqualTo(HttpStatusCode.BadRequest));
        var ok = await visitor.GetAsync($"{coop.Base}/preferences?token={Uri.EscapeDataString(good)}");
        Assert.That(ok.Status, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(await coop.ReadAsync(App, db => db.ContactConsents.CountAsync()), Is.EqualTo(1));
    }

    [Test]
    public async Task An_unsubscribed_contact_is_never_in_a_campaign()
    {
        var coop = await AudienceCoop.CreateAsync(App);
        var id = Guid.NewGuid().ToString("N")[..6];
        string Mail(string who) => $"{who}-{id}@exemple.org";
        await coop.AddContactAsync("Alice", Mail("alice"), "93260", "vélo", coop.Newsletter);
        await coop.AddContactAsync("Basile", Mail("basile"), "93100", "vélo", coop.Newsletter);
        await coop.AddContactAsync("Capucine", Mail("capucine"), "93260", "vélo", coop.Newsletter);
        await coop.AddContactAsync("Denis", Mail("denis"), "93260", "vélo", coop.Events); // another purpose: never in a newsletter
        await coop.AddContactAsync("Eve", Mail("eve"), "93260", "vélo"); // no consent at all

        var campaigns = $"{coop.Base}/audience/campaigns";
        var segment = await coop.Ana.SubmitAsync(campaigns, $"{campaigns}/segments", new Dictionary<string, string>
            { ["Name"] = "Cyclistes", ["PurposeId"] = coop.Newsletter.ToString(), ["Tag"] = "vélo" });
        Assert.That(segment.Status, Is.EqualTo(HttpStatusCode.Redirect), segment.Html);
        var segmentId = await coop.ReadAsync(App, db => db.Segments.Select(s => s.Id).SingleAsync());

        async Task<Guid> SendAsync(string subject)
        {
            var draft = await coop.Ana.SubmitAsync(campaigns, campaigns, new Dictionary<string, string>
                { ["SegmentId"] = segmentId.ToString(), ["Subject"] = subject, ["Body"] = "Bonjour ! **Atelier** samedi." });
            Assert.That(draft.Status, Is.EqualTo(HttpStatusCode.Redirect), draft.Html);
            var page = draft.Location!.ToString();
            var sent = await coop.Ana.SubmitAsync(page, $"{page}/send", new Dictionary<string, string>());
            Assert.That(sent.Status, Is.EqualTo(HttpStatusCode.Redirect));
            return Guid.Parse(page.Split('/')[^1]);
        }

        var first = await SendAsync("Atelier vélo");
        await AudienceCoop.DeliverAllAsync(App);
        var received = App.Smtp.Mails.Where(m => m.Subject == "Atelier vélo").SelectMany(m => m.To).Order().ToList();
        Assert.That(received, Is.EqualTo(new[] { Mail("alice"), Mail("basile"), Mail("capucine") }));
        var toCapucine = App.Smtp.To(Mail("capucine")).Single(m => m.Subject == "Atelier vélo");
        Assert.That(toCapucine.Text, Does.Contain("parce que vous avez accepté « Lettre d'information »"));
        var unsubscribe = new Uri(toCapucine.Links().Single(l => l.Contains("/unsubscribe?", StringComparison.Ordinal)));
        Assert.That(toCapucine.HeaderValue("List-Unsubscribe"), Is.EqualTo($"<{unsubscribe}>"));
        Assert.That(toCapucine.HeaderValue("List-Unsubscribe-Post"), Is.EqualTo("List-Unsubscribe=One-Click"));

        // Capucine follows the link: one click is enough; twice says so.
        var visitor = App.Visitor();
        Assert.That((await visitor.GetAsync(unsubscribe.PathAndQuery)).Contains("Vous êtes désinscrit·e de « Lettre d'information »"), Is.True);
        Assert.That((await visitor.GetAsync(unsubscribe.PathAndQuery)).Contains("Vous étiez déjà désinscrit·e"), Is.True);

        // A campaign is queued; Basile's mail client unsubscribes in one click (RFC 8058) before it goes out.
        var second = await SendAsync("Balade du dimanche");
        var toBasile = App.Smtp.To(Mail("basile")).Single(m => m.Subject == "Atelier vélo");
        var basileLink = new Uri(toBasile.Links().Single(l => l.Contains("/unsubscribe?", StringComparison.Ordinal)));
        using (var oneClick = new FormUrlEncodedContent(new Dictionary<string, string> { ["List-Unsubscribe"] = "One-Click" }))
        using (var response = await App.CreateClient().PostAsync(basileLink.PathAndQuery, oneClick))
            Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        await AudienceCoop.DeliverAllAsync(App);
        Assert.That(App.Smtp.Mails.Where(m => m.Subject == "Balade du dimanche").SelectMany(m => m.To), Is.EqualTo(new[] { Mail("alice") }));

        var (recorded, counts) = await coop.ReadAsync(App, async db =>
            (await db.Campaigns.OrderBy(c => c.CreatedAt).Select(c => c.Recipients).ToListAsync(),
             await db.ConsentRecords.Where(r => !r.Given).Select(r => r.Channel).ToListAsync()));
        Assert.That(recorded, Is.EqualTo(new[] { 3, 2 }), "the second campaign was queued for Alice and Basile");
        Assert.That(counts, Is.EquivalentTo(new[] { ConsentChannel.Unsubscribe, ConsentChannel.Unsubscribe }));
        var page = await coop.Ana.GetAsync($"{campaigns}/{second}");
        Assert.That(page.Contains("1 envoyé(s), 0 en attente, 0 en échec"), Is.True, page.Html);
        Assert.That((await coop.Ana.GetAsync($"{campaigns}/{first}")).Contains("3 envoyé(s)"), Is.True);

        // Sending twice sends once.
        await coop.Ana.SubmitAsync($"{campaigns}/{first}", $"{campaigns}/{first}/send", new Dictionary<string, string>());
        await AudienceCoop.DeliverAllAsync(App);
        Assert.That(App.Smtp.Mails.Count(m => m.Subject == "Atelier vélo"), Is.EqualTo(3));
    }

    [Test]
    public async Task Consent_is_provable_for_every_contact_a_campaign_can_reach()
    {
        var coop = await AudienceCoop.CreateAsync(App);
        await coop.AddContactAsync("Paul", $"paul-{Guid.NewGuid():N}@exemple.org", purposes: [coop.Newsletter, coop.Events]);
        var api = await App.ApiClientAsync(coop.Coop.Admin.User.Email!);
        using var created = await api.PostAsJsonAsync($"{coop.Base}/api/audience/contacts", new
        {
            name = "Rosa", email = $"rosa-{Guid.NewGuid():N}@exemple.org",
            consents = new[] { new { purposeId = coop.Newsletter, evidence = "Bulletin papier n° 12", at = DateTimeOffset.UtcNow.AddDays(-1) } },
        });
        Assert.That(created.StatusCode, Is.EqualTo(HttpStatusCode.Created));

        var unproven = await coop.ReadAsync(App, db => db.ContactConsents
            .Where(c => !db.ConsentRecords.Any(r => r.Id == c.RecordId && r.Given && r.ContactId == c.ContactId && r.PurposeId == c.PurposeId && r.Evidence != ""
                && db.PurposeTexts.Any(t => t.PurposeId == r.PurposeId && t.Version == r.Version)))
            .CountAsync());
        Assert.That(unproven, Is.Zero);
        Assert.That(await coop.ReadAsync(App, db => db.ContactConsents.CountAsync()), Is.EqualTo(3));
    }
}
