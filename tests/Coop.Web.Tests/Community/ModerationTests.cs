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

/// <summary>Report, decide, appeal once, suspend: moderation as the author, the reporter and two moderators live it.</summary>
[TestFixtureSource(typeof(AppFixture), nameof(AppFixture.Providers))]
public sealed class ModerationTests(DatabaseProvider provider) : AppFixture(provider)
{
    [Test]
    public async Task A_reported_post_is_hidden_with_its_reason_appealed_once_and_restored_by_another_moderator()
    {
        var coop = await Scic.CreateAsync(App.Services, LegalForm.Scic, ("Ana", "Salariés"), ("Bruno", "Salariés"), ("Chloé", "Usagers"), ("David", "Soutiens"));
        Guid spaceId;
        await using (var scope = coop.Scope(App.Services))
        {
            var db = scope.ServiceProvider.GetRequiredService<CoopDbContext>();
            var quartier = new Space("Quartier", null, SpaceVisibility.Members, coop.Admin.Member.Id, DateTimeOffset.UtcNow);
            db.Spaces.Add(quartier);
            spaceId = quartier.Id;
            // Ana (admin) and David moderate.
            (await db.Members.SingleAsync(m => m.Id == coop.Person("Ana").Member.Id)).ChangeRoles(MemberRoles.Admin | MemberRoles.Moderator);
            (await db.Members.SingleAsync(m => m.Id == coop.Person("David").Member.Id)).ChangeRoles(MemberRoles.Moderator);
            await db.SaveChangesAsync();
        }
        var chloe = await coop.SignInAsync(App, "Chloé");
        var bruno = await coop.SignInAsync(App, "Bruno");
        var ana = await coop.SignInAsync(App, "Ana");
        var david = await coop.SignInAsync(App, "David");
        var space = $"/c/{coop.Slug}/spaces/{spaceId}";
        var post = (await chloe.SubmitAsync(space, $"{space}/posts", new Dictionary<string, string> { ["Body"] = "Les gens du collège soutiens sont des incapables." })).Location!.ToString();

        // Bruno reports it; a second report by him changes nothing.
        var report = new Dictionary<string, string> { ["Reason"] = "Harassment", ["CharterArticle"] = "2", ["Details"] = "Propos blessant." };
        Assert.That((await bruno.SubmitAsync(post, $"{post}/report", report)).Status, Is.EqualTo(HttpStatusCode.Redirect));
        var twice = await bruno.SubmitAsync(post, $"{post}/report", report);
        Assert.That((await bruno.GetAsync(twice.Location!.ToString())).Contains("Vous avez déjà signalé ce contenu"), Is.True);
        Assert.That((await bruno.GetAsync($"/c/{coop.Slug}/moderation")).Status, Is.EqualTo(HttpStatusCode.Forbidden), "the queue is for moderators");

        // Ana hides it with a reason.
        var queue = await ana.GetAsync($"/c/{coop.Slug}/moderation");
        Assert.That(queue.Contains("Harcèlement ou insulte — article 2"), Is.True);
        Guid reportId;
        await using (var scope = coop.Scope(App.Services))
            reportId = (await scope.ServiceProvider.GetRequiredService<CoopDbContext>().Reports.SingleAsync()).Id;
        var noReason = await ana.SubmitAsync($"/c/{coop.Slug}/moderation", $"/c/{coop.Slug}/moderation/reports/{reportId}", new Dictionary<string, string> { ["Kind"] = "Hide" });
        Assert.That(noReason.Status, Is.EqualTo(HttpStatusCode.UnprocessableEntity));
        var hidden = await ana.SubmitAsync($"/c/{coop.Slug}/moderation", $"/c/{coop.Slug}/moderation/reports/{reportId}",
            new Dictionary<string, string> { ["Kind"] = "Hide", ["Reason"] = "Propos dénigrant un collège (article 2 de la charte)." });
        Assert.That(hidden.Status, Is.EqualTo(HttpStatusCode.Redirect));
        Assert.That((await bruno.GetAsync(post)).Status, Is.EqualTo(HttpStatusCode.NotFound), "hidden from others");
        Assert.That((await bruno.GetAsync(space)).Contains("incapables"), Is.False);
        var authorView = await chloe.GetAsync(post);
        Assert.That(authorView.Contains("Masqué par la modération. Motif : Propos dénigrant un collège (article 2 de la charte)."), Is.True);

        // Chloé appeals once; David (not Ana) overturns.
        Guid actionId;
        await using (var scope = coop.Scope(App.Services))
            actionId = (await scope.ServiceProvider.GetRequiredService<CoopDbContext>().ModerationActions.SingleAsync()).Id;
        var mine = $"/c/{coop.Slug}/moderation/mine";
        Assert.That((await chloe.SubmitAsync(mine, $"{mine}/{actionId}/appeal", new Dictionary<string, string> { ["Text"] = "C'était de l'humour, je reformule." })).Status, Is.EqualTo(HttpStatusCode.Redirect));
        var again = await chloe.SubmitAsync(mine, $"{mine}/{actionId}/appeal", new Dictionary<string, string> { ["Text"] = "Encore." });
        Assert.That(again.Status, Is.EqualTo(HttpStatusCode.UnprocessableEntity));
        Assert.That(again.Contains("un seul appel est possible"), Is.True);
        Guid appealId;
        await using (var scope = coop.Scope(App.Services))
            appealId = (await scope.ServiceProvider.GetRequiredService<CoopDbContext>().Appeals.SingleAsync()).Id;
        var byAna = await ana.SubmitAsync($"/c/{coop.Slug}/moderation", $"/c/{coop.Slug}/moderation/appeals/{appealId}", new Dictionary<string, string> { ["overturn"] = "true" });
        Assert.That((await ana.GetAsync(byAna.Location!.ToString())).Contains("autre personne que celle qui a pris la décision"), Is.True);
        await david.SubmitAsync($"/c/{coop.Slug}/moderation", $"/c/{coop.Slug}/moderation/appeals/{appealId}", new Dictionary<string, string> { ["overturn"] = "true" });
        Assert.That((await bruno.GetAsync(post)).Status, Is.EqualTo(HttpStatusCode.OK), "restored");

        // The log for admins, the counts for everyone.
        var log = await ana.GetAsync($"/c/{coop.Slug}/moderation/log");
        Assert.That(log.Contains("Rétablir (appel accepté)"), Is.True);
        Assert.That((await bruno.GetAsync($"/c/{coop.Slug}/moderation/log")).Status, Is.EqualTo(HttpStatusCode.Forbidden));
        var transparency = await bruno.GetAsync($"/c/{coop.Slug}/community/transparency");
        Assert.That(transparency.Contains("Chloé"), Is.False, "no names");
        Assert.That(System.Text.RegularExpressions.Regex.IsMatch(transparency.Html, "Harcèlement ou insulte</th><td>1</td>"), Is.True, transparency.Html);
    }

    [Test]
    public async Task A_suspended_member_cannot_post_until_the_end_of_the_suspension()
    {
        var coop = await Scic.CreateAsync(App.Services, LegalForm.Scic, ("Ana", "Salariés"), ("Chloé", "Usagers"));
        Guid spaceId;
        await using (var scope = coop.Scope(App.Services))
        {
            var db = scope.ServiceProvider.GetRequiredService<CoopDbContext>();
            var quartier = new Space("Quartier", null, SpaceVisibility.Members, coop.Admin.Member.Id, DateTimeOffset.UtcNow);
            db.Spaces.Add(quartier);
            spaceId = quartier.Id;
            db.ModerationActions.Add(new ModerationAction(ModerationKind.Suspend, null, null, coop.Person("Chloé").Member.Id, coop.Admin.Member.Id,
                ReportReason.Spam, "Publicités répétées.", DateTimeOffset.UtcNow.AddDays(3), null, DateTimeOffset.UtcNow));
            await db.SaveChangesAsync();
        }
        var chloe = await coop.SignInAsync(App, "Chloé");
        var space = $"/c/{coop.Slug}/spaces/{spaceId}";
        var refused = await chloe.SubmitAsync(space, $"{space}/posts", new Dictionary<string, string> { ["Body"] = "Promo !" });
        Assert.That(refused.Status, Is.EqualTo(HttpStatusCode.UnprocessableEntity));
        Assert.That((await chloe.GetAsync($"/c/{coop.Slug}/moderation/mine")).Contains("Vous ne pouvez pas publier jusqu'au"), Is.True);
        await using var check = coop.Scope(App.Services);
        Assert.That(await check.ServiceProvider.GetRequiredService<CoopDbContext>().Posts.CountAsync(), Is.Zero);
    }
}
