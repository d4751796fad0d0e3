using System.Net;
using Coop.Data;
using Coop.Domain.Community;
using Coop.Domain.Membership;
using Coop.Domain.Tenancy;
using Coop.Web.Tests.Governance;
using Coop.Web.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Coop.Web.Tests.Community;

/// <summary>Spaces, posts and the chronological feed: who reads and writes where, order and pages, edits with history, bad input.</summary>
[TestFixtureSource(typeof(AppFixture), nameof(AppFixture.Providers))]
public sealed class CommunityTests(DatabaseProvider provider) : AppFixture(provider)
{
    private static readonly (string, string)[] People = [("Ana", "Salariés"), ("Bruno", "Salariés"), ("Chloé", "Usagers"), ("David", "Soutiens")];

    private static async Task<Dictionary<SpaceVisibility, Guid>> SpacesAsync(Scic coop, IServiceProvider services)
    {
        await using var scope = coop.Scope(services);
        var db = scope.ServiceProvider.GetRequiredService<CoopDbContext>();
        var spaces = Enum.GetValues<SpaceVisibility>().ToDictionary(v => v, v => new Space($"Espace {v}", null, v, coop.Admin.Member.Id, DateTimeOffset.UtcNow));
        db.Spaces.AddRange(spaces.Values);
        // Bruno belongs to the invite-only space.
        db.SpaceMemberships.Add(new SpaceMembership(spaces[SpaceVisibility.InviteOnly].Id, coop.Person("Bruno").Member.Id, false, DateTimeOffset.UtcNow));
        await db.SaveChangesAsync();
        return spaces.ToDictionary(s => s.Key, s => s.Value.Id);
    }

    [Test]
    public async Task Who_reads_and_who_writes_follows_each_spaces_visibility()
    {
        var coop = await Scic.CreateAsync(App.Services, LegalForm.Scic, People);
        var spaces = await SpacesAsync(coop, App.Services);
        await using (var scope = coop.Scope(App.Services))
        {
            // David is a moderator of the cooperative.
            var db = scope.ServiceProvider.GetRequiredService<CoopDbContext>();
            var david = await db.Members.SingleAsync(m => m.Id == coop.Person("David").Member.Id);
            david.ChangeRoles(MemberRoles.Moderator);
            await db.SaveChangesAsync();
        }
        var clients = new Dictionary<string, PageClient>();
        foreach (var name in new[] { "Bruno", "Chloé", "David" }) clients[name] = await coop.SignInAsync(App, name);
        var outsider = App.Visitor();
        await outsider.SignInAsync(World.MemberB.Email!, World.Password);

        // (space, person) → can read, can post
        var expected = new (SpaceVisibility Space, string Who, bool Read, bool Post)[]
        {
            (SpaceVisibility.Public, "Chloé", true, true), (SpaceVisibility.Members, "Chloé", true, true), (SpaceVisibility.InviteOnly, "Chloé", false, false),
            (SpaceVisibility.InviteOnly, "Bruno", true, true), (SpaceVisibility.InviteOnly, "David", true, false),
        };
        foreach (var (space, who, read, post) in expected)
        {
            var url = $"/c/{coop.Slug}/spaces/{spaces[space]}";
            var page = await clients[who].GetAsync(url);
            Assert.That(page.Status, Is.EqualTo(read ? HttpStatusCode.OK : HttpStatusCode.NotFound), $"{who} reading {space}");
            var form = read ? url : $"/c/{coop.Slug}/spaces";
            var posted = await clients[who].SubmitAsync(form, $"{url}/posts", new Dictionary<string, string> { ["Body"] = $"Bonjour de {who}" });
            Assert.That(posted.Status, Is.EqualTo(post ? HttpStatusCode.Redirect : read ? HttpStatusCode.UnprocessableEntity : HttpStatusCode.NotFound), $"{who} posting in {space}");
        }
        foreach (var space in spaces.Values)
            Assert.That((await outsider.GetAsync($"/c/{coop.Slug}/spaces/{space}")).Status, Is.EqualTo(HttpStatusCode.Forbidden), "another cooperative's member");

        // The feed across spaces shows Chloé nothing from the invite-only space.
        var feed = await clients["Chloé"].GetAsync($"/c/{coop.Slug}/feed");
        Assert.That(feed.Contains("Bonjour de Chloé"), Is.True);
        Assert.That(feed.Contains("Bonjour de Bruno"), Is.False);

        // A moderator lets Chloé into the invite-only space; Chloé herself could not.
        var inviteOnly = $"/c/{coop.Slug}/spaces/{spaces[SpaceVisibility.InviteOnly]}";
        var chloeId = coop.Person("Chloé").Member.Id.ToString();
        Assert.That((await clients["Bruno"].SubmitAsync(inviteOnly, $"{inviteOnly}/members", new Dictionary<string, string> { ["memberId"] = chloeId })).Status,
            Is.EqualTo(HttpStatusCode.Forbidden), "a plain member of the space cannot add people");
        Assert.That((await clients["David"].SubmitAsync(inviteOnly, $"{inviteOnly}/members", new Dictionary<string, string> { ["memberId"] = chloeId })).Status,
            Is.EqualTo(HttpStatusCode.Redirect));
        Assert.That((await clients["Chloé"].GetAsync(inviteOnly)).Status, Is.EqualTo(HttpStatusCode.OK));
    }

    [Test]
    public async Task The_feed_is_chronological_and_its_pages_neither_repeat_nor_skip_posts_of_the_same_instant()
    {
        var coop = await Scic.CreateAsync(App.Services, LegalForm.Scic, People);
        var spaces = await SpacesAsync(coop, App.Services);
        var instant = DateTimeOffset.UtcNow.AddMinutes(-5);
        await using (var scope = coop.Scope(App.Services))
        {
            var db = scope.ServiceProvider.GetRequiredService<CoopDbContext>();
            for (var i = 0; i < 45; i++)
                db.Posts.Add(new Post(spaces[SpaceVisibility.Members], coop.Person("Chloé").Member.Id, null, $"Message numéro {i:00}", i < 30 ? instant : instant.AddSeconds(i)));
            await db.SaveChangesAsync();
        }
        var chloe = await coop.SignInAsync(App, "Chloé");
        var seen = new List<string>();
        var url = $"/c/{coop.Slug}/spaces/{spaces[SpaceVisibility.Members]}";
        for (var pages = 0; url is not null && pages < 10; pages++)
        {
            var page = await chloe.GetAsync(url);
            Assert.That(page.Status, Is.EqualTo(HttpStatusCode.OK));
            seen.AddRange(System.Text.RegularExpressions.Regex.Matches(page.Html, "Message numéro (\\d\\d)").Select(m => m.Groups[1].Value));
            var next = System.Text.RegularExpressions.Regex.Match(page.Html, "href=\"[^\"]*/spaces/[^\"]*\\?before=([0-9a-f]{51})\"");
            url = next.Success ? $"/c/{coop.Slug}/spaces/{spaces[SpaceVisibility.Members]}?before={next.Groups[1].Value}" : null;
        }
        Assert.That(seen, Has.Count.EqualTo(45), "every post once");
        Assert.That(seen.Distinct().Count(), Is.EqualTo(45));
        Assert.That(seen.Take(15), Is.EqualTo(Enumerable.Range(30, 15).Reverse().Select(i => i.ToString("00", System.Globalization.CultureInfo.InvariantCulture))), "newest first");
    }

    [Test]
    public async Task The_feed_across_spaces_shows_the_spaces_one_reads_in_ones_own_cooperative_only()
    {
        // Two cooperatives in one app: the feed's queries are compiled once and run for both, so each run must
        // carry its own cooperative.
        var a = await Scic.CreateAsync(App.Services, LegalForm.Scic, People);
        var b = await Scic.CreateAsync(App.Services, LegalForm.Scic, People);
        foreach (var (coop, tag) in new[] { (a, "A"), (b, "B") })
        {
            var spaces = await SpacesAsync(coop, App.Services);
            await using var scope = coop.Scope(App.Services);
            var db = scope.ServiceProvider.GetRequiredService<CoopDbContext>();
            db.Posts.Add(new Post(spaces[SpaceVisibility.Members], coop.Person("Ana").Member.Id, null, $"Ouvert {tag}", DateTimeOffset.UtcNow.AddMinutes(-2)));
            db.Posts.Add(new Post(spaces[SpaceVisibility.InviteOnly], coop.Person("Bruno").Member.Id, null, $"Sur invitation {tag}", DateTimeOffset.UtcNow.AddMinutes(-1)));
            var david = await db.Members.SingleAsync(m => m.Id == coop.Person("David").Member.Id);
            david.ChangeRoles(MemberRoles.Moderator);
            await db.SaveChangesAsync();
        }

        static string[] Shown(string html) =>
            System.Text.RegularExpressions.Regex.Matches(html, "(Ouvert|Sur invitation) [AB]").Select(m => m.Value).ToArray();
        foreach (var (coop, tag) in new[] { (a, "A"), (b, "B"), (a, "A") })
        {
            var chloe = await (await coop.SignInAsync(App, "Chloé")).GetAsync($"/c/{coop.Slug}/feed");
            Assert.That(Shown(chloe.Html), Is.EqualTo(new[] { $"Ouvert {tag}" }), $"a member of {tag}, outside the invite-only space");
            var bruno = await (await coop.SignInAsync(App, "Bruno")).GetAsync($"/c/{coop.Slug}/feed");
            Assert.That(Shown(bruno.Html), Is.EqualTo(new[] { $"Sur invitation {tag}", $"Ouvert {tag}" }), $"a member of {tag}'s invite-only space");
            var david = await (await coop.SignInAsync(App, "David")).GetAsync($"/c/{coop.Slug}/feed");
            Assert.That(Shown(david.Html), Is.EqualTo(new[] { $"Sur invitation {tag}", $"Ouvert {tag}" }), $"a moderator of {tag}");
        }
    }

    [Test]
    public async Task A_space_marks_what_is_new_since_the_last_visit()
    {
        var coop = await Scic.CreateAsync(App.Services, LegalForm.Scic, People);
        var spaces = await SpacesAsync(coop, App.Services);
        var space = spaces[SpaceVisibility.InviteOnly]; // Bruno belongs to it
        async Task PostAsync(string body, DateTimeOffset at)
        {
            await using var scope = coop.Scope(App.Services);
            var db = scope.ServiceProvider.GetRequiredService<CoopDbContext>();
            db.Posts.Add(new Post(space, coop.Person("Ana").Member.Id, null, body, at));
            await db.SaveChangesAsync();
        }
        await PostAsync("Ancien un", DateTimeOffset.UtcNow.AddMinutes(-20));
        await PostAsync("Ancien deux", DateTimeOffset.UtcNow.AddMinutes(-10));
        var bruno = await coop.SignInAsync(App, "Bruno");
        var url = $"/c/{coop.Slug}/spaces/{space}";
        await bruno.GetAsync(url); // the visit
        await PostAsync("Récent un", DateTimeOffset.UtcNow);
        await PostAsync("Récent deux", DateTimeOffset.UtcNow);

        static string Shape(string html) => string.Join(" ", System.Text.RegularExpressions.Regex
            .Matches(html, "(Ancien|Récent) (un|deux)|<span class=\"badge\">|Déjà vu lors de votre dernière visite")
            .Select(m => m.Value.StartsWith('<') ? "[nouveau]" : m.Value.StartsWith("Déjà", StringComparison.Ordinal) ? "|" : m.Value));
        var page = await bruno.GetAsync(url);
        Assert.That(page.Status, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(Shape(page.Html), Is.EqualTo("[nouveau] Récent deux [nouveau] Récent un | Ancien deux Ancien un"),
            "the two new posts marked, then the marker, then what was seen");
        var again = await bruno.GetAsync(url);
        Assert.That(Shape(again.Html), Is.EqualTo("Récent deux Récent un Ancien deux Ancien un"), "nothing new: no badge and no marker");
    }

    [Test]
    public async Task Editing_keeps_a_visible_history_and_bad_posts_change_nothing()
    {
        var coop = await Scic.CreateAsync(App.Services, LegalForm.Scic, People);
        var spaces = await SpacesAsync(coop, App.Services);
        var chloe = await coop.SignInAsync(App, "Chloé");
        var space = $"/c/{coop.Slug}/spaces/{spaces[SpaceVisibility.Members]}";
        var created = await chloe.SubmitAsync(space, $"{space}/posts", new Dictionary<string, string>
            { ["Title"] = "Atelier vélo", ["Body"] = "Samedi à 10 h <script>alert('x')</script> [lien](javascript:alert(1))" });
        Assert.That(created.Status, Is.EqualTo(HttpStatusCode.Redirect));
        var post = created.Location!.ToString();
        var shown = await chloe.GetAsync(post);
        Assert.That(shown.Html, Does.Not.Contain("<script>alert"));
        Assert.That(shown.Html, Does.Not.Contain("javascript:alert"));

        var edited = await chloe.SubmitAsync($"{post}/edit", $"{post}/edit", new Dictionary<string, string> { ["Title"] = "Atelier vélo", ["Body"] = "Samedi à 11 h" });
        Assert.That(edited.Status, Is.EqualTo(HttpStatusCode.Redirect));
        var history = await chloe.GetAsync($"{post}/history");
        Assert.That(history.Contains("Samedi à 10 h"), Is.True, "the previous text stays visible");
        Assert.That((await chloe.GetAsync(post)).Contains("modifié"), Is.True);

        var bruno = await coop.SignInAsync(App, "Bruno");
        Assert.That((await bruno.SubmitAsync(post, $"{post}/edit", new Dictionary<string, string> { ["Body"] = "pirate" })).Status, Is.EqualTo(HttpStatusCode.Forbidden));
        Assert.That((await bruno.SubmitAsync(post, $"{post}/delete", new Dictionary<string, string>())).Status, Is.EqualTo(HttpStatusCode.Forbidden));
        var empty = await bruno.SubmitAsync(space, $"{space}/posts", new Dictionary<string, string> { ["Body"] = "   " });
        Assert.That(empty.Status, Is.EqualTo(HttpStatusCode.UnprocessableEntity));
        Assert.That(empty.Contains("Votre message est vide."), Is.True);
        var huge = await bruno.SubmitAsync(space, $"{space}/posts", new Dictionary<string, string> { ["Body"] = new string('a', Post.MaxBodyLength + 1) });
        Assert.That(huge.Contains("Le texte dépasse 20000 caractères."), Is.True);
        var comment = await bruno.SubmitAsync(post, $"{post}/comments", new Dictionary<string, string> { ["Body"] = "J'apporte des rustines." });
        Assert.That(comment.Status, Is.EqualTo(HttpStatusCode.Redirect));

        await using var scope = coop.Scope(App.Services);
        var db = scope.ServiceProvider.GetRequiredService<CoopDbContext>();
        Assert.That(await db.Posts.CountAsync(), Is.EqualTo(1), "the refused posts stored nothing");
        Assert.That((await db.Posts.SingleAsync()).Body, Is.EqualTo("Samedi à 11 h"));
        Assert.That(await db.Comments.CountAsync(), Is.EqualTo(1));
    }

    [Test]
    public async Task Visitors_read_public_spaces_and_their_atom_feed_only_when_the_cooperative_opens_them()
    {
        var coop = await Scic.CreateAsync(App.Services, LegalForm.Scic, People);
        var spaces = await SpacesAsync(coop, App.Services);
        var chloe = await coop.SignInAsync(App, "Chloé");
        var publicSpace = $"/c/{coop.Slug}/spaces/{spaces[SpaceVisibility.Public]}";
        await chloe.SubmitAsync(publicSpace, $"{publicSpace}/posts", new Dictionary<string, string> { ["Title"] = "Portes ouvertes", ["Body"] = "Samedi, **entrée libre** <script>x</script>" });
        var visitor = App.Visitor();
        var page = $"/c/{coop.Slug}/public/spaces/{spaces[SpaceVisibility.Public]}";
        Assert.That((await visitor.GetAsync(page)).Status, Is.EqualTo(HttpStatusCode.NotFound), "closed until the cooperative opens it");

        var ana = await coop.SignInAsync(App, "Ana");
        var settings = await ana.SubmitAsync($"/c/{coop.Slug}/admin/settings", $"/c/{coop.Slug}/admin/settings", new Dictionary<string, string>
        {
            ["Name"] = "SCIC des Lilas", ["Locale"] = "fr-FR", ["TimeZoneId"] = "Europe/Paris", ["Currency"] = "EUR", ["LegalForm"] = "Scic", ["PublicCommunity"] = "true",
        });
        Assert.That(settings.Status, Is.EqualTo(HttpStatusCode.Redirect), settings.Html);
        var read = await visitor.GetAsync(page);
        Assert.That(read.Status, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(read.Contains("Portes ouvertes"), Is.True);
        Assert.That((await visitor.GetAsync($"/c/{coop.Slug}/public/spaces/{spaces[SpaceVisibility.Members]}")).Status, Is.EqualTo(HttpStatusCode.NotFound), "members-only stays closed");

        var atom = await visitor.GetAsync($"{page}/atom.xml");
        Assert.That(atom.Response.Content.Headers.ContentType?.MediaType, Is.EqualTo("application/atom+xml"));
        var xml = System.Xml.Linq.XDocument.Parse(atom.Html);
        System.Xml.Linq.XNamespace a = "http://www.w3.org/2005/Atom";
        var entry = xml.Root!.Elements(a + "entry").Single();
        Assert.That(entry.Element(a + "title")!.Value, Is.EqualTo("Portes ouvertes"));
        Assert.That(entry.Element(a + "content")!.Value, Does.Contain("<strong>entrée libre</strong>"));
        Assert.That(entry.Element(a + "content")!.Value, Does.Not.Contain("<script>"));
    }

    [Test]
    public async Task The_message_after_posting_is_shown_once_and_pages_without_one_set_no_cookie()
    {
        var coop = await Scic.CreateAsync(App.Services, LegalForm.Scic, People);
        var spaces = await SpacesAsync(coop, App.Services);
        var chloe = await coop.SignInAsync(App, "Chloé");
        var space = $"/c/{coop.Slug}/spaces/{spaces[SpaceVisibility.Members]}";
        static string[] TempDataCookies(Page page) =>
            page.Response.Headers.TryGetValues("Set-Cookie", out var values) ? values.Where(v => v.StartsWith(".AspNetCore.Mvc.CookieTempDataProvider=", StringComparison.Ordinal)).ToArray() : [];

        var quiet = await chloe.GetAsync(space);
        Assert.That(TempDataCookies(quiet), Is.Empty, "no message, no cookie to delete");
        var posted = await chloe.SubmitAsync(space, $"{space}/posts", new Dictionary<string, string> { ["Body"] = "Bonjour" });
        Assert.That(TempDataCookies(posted), Has.Length.EqualTo(1), "the message travels in a cookie");
        var shown = await chloe.GetAsync(posted.Location!.ToString());
        Assert.That(shown.Contains("Votre message est publié."), Is.True);
        Assert.That(TempDataCookies(shown).Single(), Does.Contain("expires=Thu, 01 Jan 1970"), "read once, then deleted");
        var next = await chloe.GetAsync(space);
        Assert.That(next.Contains("Votre message est publié."), Is.False);
        Assert.That(TempDataCookies(next), Is.Empty);
    }
}
