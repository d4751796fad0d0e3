using System.Net;
using System.Net.Http.Json;
using Coop.Data;
using Coop.Domain.Community;
using Coop.Domain.Tenancy;
using Coop.Web.Tests.Governance;
using Coop.Web.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Coop.Web.Tests.Community;

/// <summary>Private thanks instead of public counters, and the posting limit for new members; both set by the cooperative.</summary>
[TestFixtureSource(typeof(AppFixture), nameof(AppFixture.Providers))]
public sealed class ThanksAndLimitsTests(DatabaseProvider provider) : AppFixture(provider)
{
    private static async Task<(Scic Coop, Guid Space)> CoopWithSpaceAsync(IServiceProvider services)
    {
        var coop = await Scic.CreateAsync(services, LegalForm.Scic, ("Ana", "Salariés"), ("Bruno", "Salariés"), ("Chloé", "Usagers"));
        await using var scope = coop.Scope(services);
        var db = scope.ServiceProvider.GetRequiredService<CoopDbContext>();
        var space = new Space("Quartier", null, SpaceVisibility.Members, coop.Admin.Member.Id, DateTimeOffset.UtcNow);
        db.Spaces.Add(space);
        await db.SaveChangesAsync();
        return (coop, space.Id);
    }

    private static Task<Page> SettingsAsync(PageClient admin, Scic coop, bool thanks, int dailyPosts, int days)
    {
        var fields = new Dictionary<string, string>
        {
            ["Name"] = "SCIC des Lilas", ["Locale"] = "fr-FR", ["TimeZoneId"] = "Europe/Paris", ["Currency"] = "EUR", ["LegalForm"] = "Scic",
            ["NewMemberDailyPosts"] = dailyPosts.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["NewMemberDays"] = days.ToString(System.Globalization.CultureInfo.InvariantCulture),
        };
        if (thanks) fields["CommunityThanks"] = "true";
        return admin.SubmitAsync($"/c/{coop.Slug}/admin/settings", $"/c/{coop.Slug}/admin/settings", fields);
    }

    private async Task<int> ThanksCountAsync(Scic coop)
    {
        await using var scope = coop.Scope(App.Services);
        return await scope.ServiceProvider.GetRequiredService<CoopDbContext>().Thanks.CountAsync();
    }

    [Test]
    public async Task A_thank_you_reaches_the_author_alone_once_and_the_cooperative_can_turn_it_off()
    {
        var (coop, space) = await CoopWithSpaceAsync(App.Services);
        var bruno = await coop.SignInAsync(App, "Bruno");
        var spaceUrl = $"/c/{coop.Slug}/spaces/{space}";
        var posted = await bruno.SubmitAsync(spaceUrl, $"{spaceUrl}/posts", new Dictionary<string, string> { ["Title"] = "Atelier vélo", ["Body"] = "Samedi à 10 h." });
        var postUrl = posted.Location!.OriginalString;

        var chloe = await coop.SignInAsync(App, "Chloé");
        var page = await chloe.GetAsync(postUrl);
        Assert.That(page.Contains("Seul·e Bruno le saura : aucun compteur n'est affiché."), Is.True);
        await chloe.SubmitAsync(postUrl, $"{postUrl}/thanks", new Dictionary<string, string>());
        var after = await chloe.GetAsync(postUrl);
        Assert.That(after.Contains("Merci transmis, en privé."), Is.True);
        Assert.That(after.Contains("Vous avez remercié l'auteur·rice de ce message."), Is.True);
        // Thanking twice (a double click, or a replayed form) changes nothing.
        await chloe.SubmitAsync(postUrl, $"{postUrl}/thanks", new Dictionary<string, string>());
        Assert.That(await ThanksCountAsync(coop), Is.EqualTo(1));

        // Bruno learns it privately; his post shows no thanks button and no counter.
        var notifications = await bruno.GetAsync($"/c/{coop.Slug}/notifications");
        Assert.That(notifications.Contains("Chloé vous remercie pour « Atelier vélo »"), Is.True);
        var own = await bruno.GetAsync(postUrl);
        Assert.That(own.Contains("Remercier"), Is.False);
        var ownThanks = await bruno.SubmitAsync(postUrl, $"{postUrl}/thanks", new Dictionary<string, string>());
        Assert.That(ownThanks.Status, Is.EqualTo(HttpStatusCode.Forbidden));
        // Ana, a third member, sees only her own button: nothing tells her that Chloé thanked Bruno.
        var ana = await coop.SignInAsync(App, "Ana");
        var third = await ana.GetAsync(postUrl);
        Assert.That(third.Contains("Chloé"), Is.False);
        Assert.That(third.Contains("Remercier"), Is.True);

        Assert.That((await SettingsAsync(ana, coop, thanks: false, dailyPosts: 5, days: 7)).Status, Is.EqualTo(HttpStatusCode.Redirect));
        Assert.That((await ana.GetAsync(postUrl)).Contains("Remercier"), Is.False);
        var refused = await ana.SubmitAsync(postUrl, $"{postUrl}/thanks", new Dictionary<string, string>());
        Assert.That(refused.Status, Is.EqualTo(HttpStatusCode.Forbidden));
        Assert.That(await ThanksCountAsync(coop), Is.EqualTo(1));
    }

    [Test]
    public async Task New_members_write_at_most_the_daily_limit_and_keep_their_text_when_refused()
    {
        var (coop, space) = await CoopWithSpaceAsync(App.Services);
        var ana = await coop.SignInAsync(App, "Ana");
        Assert.That((await SettingsAsync(ana, coop, thanks: true, dailyPosts: 2, days: 7)).Status, Is.EqualTo(HttpStatusCode.Redirect));

        var chloe = await coop.SignInAsync(App, "Chloé");
        var spaceUrl = $"/c/{coop.Slug}/spaces/{space}";
        var first = await chloe.SubmitAsync(spaceUrl, $"{spaceUrl}/posts", new Dictionary<string, string> { ["Body"] = "Premier message" });
        Assert.That(first.Status, Is.EqualTo(HttpStatusCode.Redirect));
        var postUrl = first.Location!.OriginalString;
        Assert.That((await chloe.SubmitAsync(postUrl, $"{postUrl}/comments", new Dictionary<string, string> { ["Body"] = "Un commentaire" })).Status, Is.EqualTo(HttpStatusCode.Redirect));

        var third = await chloe.SubmitAsync(spaceUrl, $"{spaceUrl}/posts", new Dictionary<string, string> { ["Body"] = "Troisième, trop tôt" });
        Assert.That(third.Status, Is.EqualTo(HttpStatusCode.UnprocessableEntity));
        Assert.That(third.Contains("pendant leurs 7 premiers jours, les nouveaux membres écrivent au plus 2 messages ou commentaires par 24 heures"), Is.True);
        Assert.That(third.Contains("Troisième, trop tôt"), Is.True, "the text stays in the form");
        var comment = await chloe.SubmitAsync(postUrl, $"{postUrl}/comments", new Dictionary<string, string> { ["Body"] = "Encore un" });
        Assert.That(comment.Status, Is.EqualTo(HttpStatusCode.UnprocessableEntity));

        var api = await App.ApiClientAsync(coop.Person("Chloé").User.Email!);
        using var viaApi = await api.PostAsJsonAsync($"/c/{coop.Slug}/api/community/spaces/{space}/posts", new { body = "Par l'API" });
        Assert.That(viaApi.StatusCode, Is.EqualTo(HttpStatusCode.TooManyRequests));
        Assert.That(viaApi.Content.Headers.ContentType?.MediaType, Is.EqualTo("application/problem+json"));

        // The admin (a moderator of the cooperative) is never limited, and lifting the limit lets Chloé write again.
        foreach (var body in new[] { "Un", "Deux", "Trois" })
            Assert.That((await ana.SubmitAsync(spaceUrl, $"{spaceUrl}/posts", new Dictionary<string, string> { ["Body"] = body })).Status, Is.EqualTo(HttpStatusCode.Redirect));
        Assert.That((await SettingsAsync(ana, coop, thanks: true, dailyPosts: 0, days: 7)).Status, Is.EqualTo(HttpStatusCode.Redirect));
        Assert.That((await chloe.SubmitAsync(spaceUrl, $"{spaceUrl}/posts", new Dictionary<string, string> { ["Body"] = "Troisième, trop tôt" })).Status, Is.EqualTo(HttpStatusCode.Redirect));

        await using var scope = coop.Scope(App.Services);
        var db = scope.ServiceProvider.GetRequiredService<CoopDbContext>();
        Assert.That(await db.Posts.CountAsync(p => p.AuthorId == coop.Person("Chloé").Member.Id), Is.EqualTo(2), "nothing refused was stored");
    }

    [Test]
    public async Task An_out_of_range_limit_is_refused_with_its_message()
    {
        var (coop, _) = await CoopWithSpaceAsync(App.Services);
        var ana = await coop.SignInAsync(App, "Ana");
        var page = await SettingsAsync(ana, coop, thanks: true, dailyPosts: -1, days: 7);
        Assert.That(page.Contains("Saisissez un nombre entre 0 et 100."), Is.True);
    }
}
