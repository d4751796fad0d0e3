using System.Net;
using System.Text;
using Coop.Data;
using Coop.Domain.Audience;
using Coop.Web.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace Coop.Web.Tests.Audience;

/// <summary>Contacts from a spreadsheet and back: every bad line named, nothing half-imported, consents only with proof, formulas defused.</summary>
[TestFixtureSource(typeof(AppFixture), nameof(AppFixture.Providers))]
public sealed class ImportExportTests(DatabaseProvider provider) : AppFixture(provider)
{
    private static byte[] Utf8(string text) => Encoding.UTF8.GetBytes(text);

    /// <summary>Uploads the file, then runs the mapping page's button; returns the result page.</summary>
    private static async Task<Page> ImportAsync(AudienceCoop coop, byte[] file, string action, Dictionary<string, string>? choices = null, string encoding = "Utf8")
    {
        var import = $"{coop.Base}/audience/import";
        var uploaded = await coop.Ana.UploadAsync(import, import, new Dictionary<string, string> { ["encoding"] = encoding }, "file", "salon.csv", file);
        Assert.That(uploaded.Status, Is.EqualTo(HttpStatusCode.Redirect), uploaded.Html);
        var mapping = uploaded.Location!.ToString();
        var page = await coop.Ana.GetAsync(mapping);
        var fields = new Dictionary<string, string>(choices ?? []) { ["Action"] = action, ["Encoding"] = encoding };
        foreach (var (field, column) in Guessed(page.Html)) fields.TryAdd(field, column);
        fields.TryAdd("Source", "Salon du livre 2026");
        return await coop.Ana.SubmitAsync(mapping, mapping.Split('?')[0], fields);
    }

    // The columns the mapping page pre-selected, as the browser would send them.
    private static IEnumerable<(string, string)> Guessed(string html)
    {
        foreach (var field in new[] { "Email", "Name", "Phone", "PostalCode", "Tags", "ConsentDate", "ConsentSource" })
        {
            var select = System.Text.RegularExpressions.Regex.Match(html, $"<select id=\"m-{field}\" name=\"{field}\">(.*?)</select>", System.Text.RegularExpressions.RegexOptions.Singleline);
            var chosen = System.Text.RegularExpressions.Regex.Match(select.Groups[1].Value, "<option value=\"(\\d+)\" selected=\"selected\">");
            if (chosen.Success) yield return (field, chosen.Groups[1].Value);
        }
    }

    private const string Header = "Courriel;Nom;Code postal;Étiquettes;Date consentement;Source consentement\n";

    [Test]
    public async Task A_file_with_bad_lines_is_all_or_nothing_unless_the_admin_skips_them()
    {
        var coop = await AudienceCoop.CreateAsync(App);
        var future = DateTime.UtcNow.AddDays(10).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        var csv = Header +
            "anne@exemple.org;Anne Dupont;93260;vélo, bénévole;2026-03-12;Fiche papier salon\n" +     // line 2: good, with proof
            "BRUNO@exemple.org ;Bruno;93100;;;\n" +                                                    // line 3: good, no proof
            "pas-une-adresse;Claire;;;;\n" +                                                          // line 4: bad address
            "anne@EXEMPLE.org;Anne bis;;;;\n" +                                                       // line 5: duplicate of line 2
            $"dora@exemple.org;Dora;;;{future};Salon\n" +                                              // line 6: consent in the future
            "emile@exemple.org;Émile;;;2026-01-02;\n" +                                               // line 7: proof incomplete
            "\"=HYPERLINK(\"\"http://evil\"\")\"@exemple.org;Fred;;;;\n" +                           // line 8: not an address
            "gaston@exemple.org;=1+2;;;;\n";                                                          // line 9: a formula as a name
        var choices = new Dictionary<string, string> { ["PurposeId"] = coop.Newsletter.ToString() };

        var dry = await ImportAsync(coop, Utf8(csv), "check", choices);
        Assert.That(dry.Status, Is.EqualTo(HttpStatusCode.OK), dry.Html);
        Assert.Multiple(() =>
        {
            Assert.That(dry.Contains("Vérification (rien n'a été enregistré)"), Is.True);
            Assert.That(dry.Contains("8 lignes lues : 3 nouveaux contacts, 0 déjà connus, 1 lignes avec preuve de consentement."), Is.True, dry.Html);
            Assert.That(dry.Contains("« pas-une-adresse » n'est pas une adresse e-mail"), Is.True);
            Assert.That(dry.Contains("même adresse qu'à la ligne 2"), Is.True);
            Assert.That(dry.Contains("est dans le futur"), Is.True);
            Assert.That(dry.Contains("preuve incomplète : il faut la date et la source du consentement"), Is.True);
        });
        Assert.That(await coop.ReadAsync(App, db => db.Contacts.CountAsync()), Is.Zero);

        var refused = await ImportAsync(coop, Utf8(csv), "import", choices);
        Assert.That(refused.Status, Is.EqualTo(HttpStatusCode.UnprocessableEntity));
        Assert.That(refused.Contains("5 ligne(s) en erreur"), Is.True, refused.Html);
        Assert.That(await coop.ReadAsync(App, db => db.Contacts.CountAsync()), Is.Zero, "all or nothing");

        choices["SkipBadLines"] = "true";
        var done = await ImportAsync(coop, Utf8(csv), "import", choices);
        Assert.That(done.Contains("8 lignes lues : 3 contacts créés, 0 mis à jour, 1 consentements enregistrés."), Is.True, done.Html);
        var (contacts, ledger) = await coop.ReadAsync(App, async db => (await db.Contacts.OrderBy(c => c.EmailNormalized).ToListAsync(), await db.ConsentRecords.ToListAsync()));
        Assert.That(contacts.Select(c => c.EmailNormalized), Is.EqualTo(new[] { "anne@exemple.org", "bruno@exemple.org", "gaston@exemple.org" }));
        Assert.That(contacts[0].TagList, Is.EqualTo(new[] { "bénévole", "vélo" }));
        Assert.That(contacts[0].Source, Is.EqualTo("Salon du livre 2026"));
        Assert.That(ledger, Has.Count.EqualTo(1));
        Assert.Multiple(() =>
        {
            Assert.That(ledger[0].ContactId, Is.EqualTo(contacts[0].Id));
            Assert.That(ledger[0].Channel, Is.EqualTo(ConsentChannel.Import));
            Assert.That(ledger[0].At.UtcDateTime.Date, Is.EqualTo(new DateTime(2026, 3, 12)));
            Assert.That(ledger[0].Evidence, Is.EqualTo("Fiche papier salon (salon.csv, ligne 2)"));
        });

        // The same file again: known addresses are completed, never duplicated.
        var again = await ImportAsync(coop, Utf8(Header + "anne@exemple.org;Anne Dupont;93260;jardin;;\n"), "import", new Dictionary<string, string> { ["PurposeId"] = coop.Newsletter.ToString() });
        Assert.That(again.Contains("1 lignes lues : 0 contacts créés, 1 mis à jour"), Is.True, again.Html);
        var anne = await coop.ReadAsync(App, db => db.Contacts.SingleAsync(c => c.EmailNormalized == "anne@exemple.org"));
        Assert.That(anne.TagList, Is.EqualTo(new[] { "bénévole", "jardin", "vélo" }));

        // The export defuses the formula a spreadsheet would otherwise run.
        var export = await coop.Ana.GetAsync($"{coop.Base}/audience/contacts.csv");
        var line = export.Html.Split('\n').Single(l => l.Contains("gaston@exemple.org", StringComparison.Ordinal));
        Assert.That(line, Does.Not.Contain(",=1+2"));
        Assert.That(line, Does.Contain("'=1+2"));
    }

    [Test]
    public async Task A_file_that_is_not_utf8_is_refused_clearly_and_read_when_its_encoding_is_named()
    {
        var coop = await AudienceCoop.CreateAsync(App);
        System.Text.Encoding.RegisterProvider(System.Text.CodePagesEncodingProvider.Instance);
        var latin = System.Text.Encoding.GetEncoding(1252).GetBytes(Header + "zoe@exemple.org;Zoé Lefèvre — Œuvres;;;;\n");
        var import = $"{coop.Base}/audience/import";
        var refused = await coop.Ana.UploadAsync(import, import, new Dictionary<string, string> { ["encoding"] = "Utf8" }, "file", "excel.csv", latin);
        Assert.That(refused.Status, Is.EqualTo(HttpStatusCode.UnprocessableEntity));
        Assert.That(refused.Contains("Ce fichier n'est pas en UTF-8"), Is.True, refused.Html);

        var done = await ImportAsync(coop, latin, "import", new Dictionary<string, string> { ["PurposeId"] = coop.Events.ToString() }, encoding: "Windows1252");
        Assert.That(done.Contains("1 contacts créés"), Is.True, done.Html);
        Assert.That(await coop.ReadAsync(App, db => db.Contacts.Select(c => c.Name).SingleAsync()), Is.EqualTo("Zoé Lefèvre — Œuvres"));
    }

    [Test]
    public async Task A_ten_megabyte_line_or_unbalanced_quotes_are_named_and_nothing_is_lost()
    {
        var coop = await AudienceCoop.CreateAsync(App);
        var huge = Header + "ok@exemple.org;Ok;;;;\n" + "long@exemple.org;" + new string('x', 10 * 1024 * 1024) + ";;;;\n";
        var purpose = new Dictionary<string, string> { ["PurposeId"] = coop.Events.ToString() };
        var page = await ImportAsync(coop, Utf8(huge), "check", purpose);
        Assert.That(page.Contains("ligne de plus de 64 Ko"), Is.True, page.Html.Length > 3000 ? page.Html[..3000] : page.Html);
        Assert.That(page.Html.Length, Is.LessThan(200_000), "the refused line is not echoed back");

        var quotes = Header + "quote@exemple.org;\"Jean \"le grand\" ;;;;\nnext@exemple.org;Next;;;;\n";
        var result = await ImportAsync(coop, Utf8(quotes), "check", purpose);
        Assert.That(result.Status, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(result.Contains("guillemets mal fermés : la ligne n'est pas lisible"), Is.True, result.Html);
        Assert.That(result.Contains("2 lignes lues : 1 nouveaux contacts"), Is.True, "the line after the bad quotes is still read");
        Assert.That(await coop.ReadAsync(App, db => db.Contacts.CountAsync()), Is.Zero);
    }

    [Test]
    public async Task A_file_without_an_address_column_asks_for_one_and_keeps_the_upload()
    {
        var coop = await AudienceCoop.CreateAsync(App);
        var page = await ImportAsync(coop, Utf8("Nom;Ville\nAnne;Paris\n"), "check");
        Assert.That(page.Status, Is.EqualTo(HttpStatusCode.UnprocessableEntity));
        Assert.That(page.Contains("Choisissez la colonne de l'adresse e-mail."), Is.True, page.Html);
        Assert.That(page.Html, Does.Contain("<option value=\"1\">Ville</option>"), "the file is still there to map");
        var empty = await coop.Ana.UploadAsync($"{coop.Base}/audience/import", $"{coop.Base}/audience/import", new Dictionary<string, string> { ["encoding"] = "Utf8" }, "file", "vide.csv", []);
        Assert.That(empty.Contains("Le fichier est vide."), Is.True);
    }

    [Test]
    public async Task An_import_never_subscribes_again_someone_who_withdrew()
    {
        var coop = await AudienceCoop.CreateAsync(App);
        var id = await coop.AddContactAsync("Iris", "iris@exemple.org", purposes: coop.Newsletter);
        var withdrawn = await coop.Ana.SubmitAsync($"{coop.Base}/audience/contacts/{id}", $"{coop.Base}/audience/contacts/{id}/consents/{coop.Newsletter}/withdraw",
            new Dictionary<string, string>());
        Assert.That(withdrawn.Status, Is.EqualTo(HttpStatusCode.Redirect));
        var page = await ImportAsync(coop, Utf8(Header + "iris@exemple.org;Iris;;;2026-01-05;Ancien fichier\n"), "import",
            new Dictionary<string, string> { ["PurposeId"] = coop.Newsletter.ToString() });
        Assert.That(page.Contains("1 consentement(s) non enregistré(s)"), Is.True, page.Html);
        Assert.That(await coop.ReadAsync(App, db => db.ContactConsents.CountAsync()), Is.Zero);
    }

    [Test]
    public async Task Exports_hold_this_cooperatives_contacts_only_and_are_logged()
    {
        var coop = await AudienceCoop.CreateAsync(App);
        var other = await AudienceCoop.CreateAsync(App);
        await coop.AddContactAsync("Ici", $"ici-{Guid.NewGuid():N}@exemple.org", purposes: coop.Newsletter);
        var secret = $"ailleurs-{Guid.NewGuid():N}@exemple.org";
        await other.AddContactAsync("Ailleurs", secret, purposes: other.Newsletter);

        var csv = await coop.Ana.GetAsync($"{coop.Base}/audience/contacts.csv");
        var json = await coop.Ana.GetAsync($"{coop.Base}/audience/contacts.json");
        var api = await App.ApiClientAsync(coop.Coop.Admin.User.Email!);
        var viaApi = await api.GetStringAsync($"{coop.Base}/api/audience/export?format=json");
        Assert.Multiple(() =>
        {
            Assert.That(csv.Html, Does.Contain("ici-"));
            Assert.That(json.Html, Does.Contain("\"purpose\":\"Lettre d'information\"").Or.Contain("\"purpose\":\"Lettre d\\u0027information\""));
            foreach (var body in new[] { csv.Html, json.Html, viaApi }) Assert.That(body, Does.Not.Contain(secret));
        });
        // Ana of the first cooperative cannot read the other's audience at all.
        Assert.That((await coop.Ana.GetAsync($"{other.Base}/audience/contacts.csv")).Status, Is.AnyOf(HttpStatusCode.Forbidden, HttpStatusCode.NotFound, HttpStatusCode.Redirect));
        var access = await coop.Ana.GetAsync($"{coop.Base}/privacy/admin/access");
        Assert.That(access.Contains("données exportées"), Is.True, access.Html);
    }
}
