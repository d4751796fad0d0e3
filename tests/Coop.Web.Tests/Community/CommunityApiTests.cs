using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Coop.Data;
using Coop.Domain.Community;
using Coop.Domain.Tenancy;
using Coop.Web.Tests.Governance;
using Coop.Web.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace Coop.Web.Tests.Community;

/// <summary>The community JSON API keeps the pages' rules and answers with problem details.</summary>
[TestFixtureSource(typeof(AppFixture), nameof(AppFixture.Providers))]
public sealed class CommunityApiTests(DatabaseProvider provider) : AppFixture(provider)
{
    [Test]
    public async Task A_member_reads_posts_comments_and_reports_through_the_api()
    {
        var coop = await Scic.CreateAsync(App.Services, LegalForm.Scic, ("Ana", "Salariés"), ("Bruno", "Salariés"), ("Chloé", "Usagers"));
        Guid open, closed;
        await using (var scope = coop.Scope(App.Services))
        {
            var db = scope.ServiceProvider.GetRequiredService<CoopDbContext>();
            var quartier = new Space("Quartier", null, SpaceVisibility.Members, coop.Admin.Member.Id, DateTimeOffset.UtcNow);
            var bureau = new Space("Bureau", null, SpaceVisibility.InviteOnly, coop.Admin.Member.Id, DateTimeOffset.UtcNow);
            db.Spaces.AddRange(quartier, bureau);
            await db.SaveChangesAsync();
            (open, closed) = (quartier.Id, bureau.Id);
        }
        var api = await App.ApiClientAsync(coop.Person("Chloé").User.Email!);
        var root = $"/c/{coop.Slug}/api/community";

        using var empty = await api.PostAsJsonAsync($"{root}/spaces/{open}/posts", new { body = " " });
        Assert.That(empty.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
        Assert.That(empty.Content.Headers.ContentType?.MediaType, Is.EqualTo("application/problem+json"));
        using var hidden = await api.PostAsJsonAsync($"{root}/spaces/{closed}/posts", new { body = "Coucou" });
        Assert.That(hidden.StatusCode, Is.EqualTo(HttpStatusCode.NotFound), "an invite-only space one is not in does not exist");

        using var created = await api.PostAsJsonAsync($"{root}/spaces/{open}/posts", new { title = "Compost", body = "Qui vient retourner le compost ?" });
        Assert.That(created.StatusCode, Is.EqualTo(HttpStatusCode.Created));
        var postId = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
        using var comment = await api.PostAsJsonAsync($"{root}/posts/{postId}/comments", new { body = "Moi, dimanche." });
        Assert.That(comment.StatusCode, Is.EqualTo(HttpStatusCode.Created));

        var feed = await api.GetFromJsonAsync<JsonElement>($"{root}/feed");
        var first = feed.GetProperty("posts")[0];
        Assert.That(first.GetProperty("title").GetString(), Is.EqualTo("Compost"));
        Assert.That(first.GetProperty("comments").GetInt32(), Is.EqualTo(1));
        var spaces = await api.GetFromJsonAsync<JsonElement>($"{root}/spaces");
        Assert.That(spaces.EnumerateArray().Select(s => s.GetProperty("name").GetString()), Is.EqualTo(new[] { "Quartier" }));

        using var report = await api.PostAsJsonAsync($"{root}/posts/{postId}/reports", new { reason = "Spam" });
        Assert.That(report.StatusCode, Is.EqualTo(HttpStatusCode.Created));
        using var twice = await api.PostAsJsonAsync($"{root}/posts/{postId}/reports", new { reason = "Spam" });
        Assert.That(twice.StatusCode, Is.EqualTo(HttpStatusCode.Conflict));
        Assert.That((await twice.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("detail").GetString(), Does.Contain("déjà signalé"));
    }
}
