using System.Net;
using Coop.Data;
using Coop.Domain.Community;
using Coop.Domain.Tenancy;
using Coop.Web.Features.Community;
using Coop.Web.Tests.Governance;
using Coop.Web.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Coop.Web.Tests.Community;

/// <summary>Mentions and replies become notifications; the digest gathers them into one mail, as often as each member chose.</summary>
[TestFixtureSource(typeof(AppFixture), nameof(AppFixture.Providers))]
public sealed class NotificationTests(DatabaseProvider provider) : AppFixture(provider)
{
    [Test]
    public async Task Mentions_and_replies_reach_the_right_people_and_the_digest_follows_each_ones_setting()
    {
        var coop = await Scic.CreateAsync(App.Services, LegalForm.Scic, ("Ana", "Salariés"), ("Bruno", "Salariés"), ("Chloé Martin", "Usagers"), ("David", "Soutiens"));
        Guid open, closed;
        await using (var scope = coop.Scope(App.Services))
        {
            var db = scope.ServiceProvider.GetRequiredService<CoopDbContext>();
            var members = new Space("Quartier", null, SpaceVisibility.Members, coop.Admin.Member.Id, DateTimeOffset.UtcNow);
            var board = new Space("Bureau", null, SpaceVisibility.InviteOnly, coop.Admin.Member.Id, DateTimeOffset.UtcNow);
            db.Spaces.AddRange(members, board);
            db.SpaceMemberships.Add(new SpaceMembership(board.Id, coop.Person("Bruno").Member.Id, false, DateTimeOffset.UtcNow));
            await db.SaveChangesAsync();
            (open, closed) = (members.Id, board.Id);
        }
        var bruno = await coop.SignInAsync(App, "Bruno");
        var chloe = await coop.SignInAsync(App, "Chloé Martin");
        var david = await coop.SignInAsync(App, "David");
        // David turns e-mail off.
        Assert.That((await david.SubmitAsync($"/c/{coop.Slug}/notifications", $"/c/{coop.Slug}/notifications/preferences",
            new Dictionary<string, string> { ["frequency"] = "Off" })).Status, Is.EqualTo(HttpStatusCode.Redirect));

        var space = $"/c/{coop.Slug}/spaces/{open}";
        var post = (await bruno.SubmitAsync(space, $"{space}/posts", new Dictionary<string, string>
            { ["Title"] = "Fête de quartier", ["Body"] = "@chloé martin et @David, vous tenez la buvette ? Pas @Ana-Sophie." })).Location!.ToString();
        // In the invite-only space, Chloé cannot read: mentioning her there tells her nothing.
        var secret = $"/c/{coop.Slug}/spaces/{closed}";
        await bruno.SubmitAsync(secret, $"{secret}/posts", new Dictionary<string, string> { ["Body"] = "Budget confidentiel, @Chloé Martin ne le voit pas." });
        // Chloé answers on Bruno's post: Bruno is told.
        await chloe.SubmitAsync(post, $"{post}/comments", new Dictionary<string, string> { ["Body"] = "Oui, avec plaisir !" });

        var chloeList = await chloe.GetAsync($"/c/{coop.Slug}/notifications");
        Assert.That(chloeList.Contains("Bruno vous a mentionné·e dans « Fête de quartier »"), Is.True, chloeList.Html);
        Assert.That(chloeList.Html.Split("vous a mentionné").Length - 1, Is.EqualTo(1), "not for the invite-only post");
        Assert.That((await bruno.GetAsync($"/c/{coop.Slug}/notifications")).Contains("Chloé Martin a répondu dans « Fête de quartier »"), Is.True);

        // The digest: Chloé (daily, never sent) and Bruno get one mail each; David (off) none; Ana was not mentioned.
        var digest = App.Services.GetRequiredService<CommunityDigest>();
        await digest.RunOnceAsync(CancellationToken.None);
        await App.DeliverMailAsync();
        var toChloe = App.Smtp.To(coop.Person("Chloé Martin").User.Email!).Where(m => m.Subject.Contains("notification", StringComparison.Ordinal)).ToList();
        Assert.That(toChloe, Has.Count.EqualTo(1));
        Assert.That(toChloe[0].Text, Does.Contain("Bruno vous a mentionné·e dans « Fête de quartier »"));
        Assert.That(App.Smtp.To(coop.Person("David").User.Email!).Any(m => m.Subject.Contains("notification", StringComparison.Ordinal)), Is.False);
        Assert.That(App.Smtp.To(coop.Person("Ana").User.Email!).Any(m => m.Subject.Contains("notification", StringComparison.Ordinal)), Is.False);

        // A second mention the same day waits for tomorrow's digest.
        await bruno.SubmitAsync(space, $"{space}/posts", new Dictionary<string, string> { ["Body"] = "Merci @Chloé Martin !" });
        await digest.RunOnceAsync(CancellationToken.None);
        await App.DeliverMailAsync();
        Assert.That(App.Smtp.To(coop.Person("Chloé Martin").User.Email!).Count(m => m.Subject.Contains("notification", StringComparison.Ordinal)), Is.EqualTo(1));
        await using var check = coop.Scope(App.Services);
        var db2 = check.ServiceProvider.GetRequiredService<CoopDbContext>();
        Assert.That(await db2.Notifications.CountAsync(n => n.MemberId == coop.Person("Chloé Martin").Member.Id && n.MailedAt == null), Is.EqualTo(1));
    }

    [TestCase("Salut @Anne-Marie et @Anne !", new[] { "Anne-Marie", "Anne" })]
    [TestCase("Mail à anne@exemple.org", new string[0])]
    [TestCase("@annette n'est pas @Anne", new[] { "Anne" })]
    public void Mentions_match_whole_display_names(string text, string[] expected)
    {
        var members = new[] { "Anne", "Anne-Marie", "Bruno" }.Select(n => (Guid.NewGuid(), n)).ToList();
        var found = Mentions.Find(text, members);
        Assert.That(found.Select(id => members.Single(m => m.Item1 == id).n), Is.EquivalentTo(expected));
    }
}
