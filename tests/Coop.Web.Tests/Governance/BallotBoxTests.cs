using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Coop.Data;
using Coop.Domain.Governance;
using Coop.Domain.Tenancy;
using Coop.Web.Features.Governance;
using Coop.Web.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Coop.Web.Tests.Governance;

/// <summary>
/// Ballots through the JSON API and the service: one current ballot per voter under racing submissions, secret
/// ballots stored with nothing that links them to their voter, refusals with clear problem details, the
/// deadline clock and its mails, and a ballot box that detects tampering.
/// </summary>
[TestFixtureSource(typeof(AppFixture), nameof(AppFixture.Providers))]
public sealed class BallotBoxTests(DatabaseProvider provider) : AppFixture(provider)
{
    private static readonly (string, string)[] People = [("Ana", "Salariés"), ("Bruno", "Salariés"), ("Chloé", "Usagers"), ("David", "Soutiens")];

    private Task<HttpClient> ApiAsync(Scic scic, string name) => App.ApiClientAsync(scic.Person(name).User.Email!);

    private static async Task<Guid> CreatePollAsync(HttpClient api, Scic scic, object body)
    {
        using var created = await api.PostAsJsonAsync($"/c/{scic.Slug}/api/votes", body);
        Assert.That(created.StatusCode, Is.EqualTo(HttpStatusCode.Created), await created.Content.ReadAsStringAsync());
        return (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("vote").GetProperty("id").GetGuid();
    }

    private static string InAWeek() => DateTime.UtcNow.AddDays(7).ToString("yyyy-MM-ddTHH:mm", System.Globalization.CultureInfo.InvariantCulture);

    [Test]
    public async Task Many_simultaneous_submissions_by_one_voter_leave_exactly_one_current_ballot()
    {
        var scic = await Scic.CreateAsync(App.Services, LegalForm.Scic, People);
        var api = await ApiAsync(scic, "Ana");
        var voteId = await CreatePollAsync(api, scic, new { title = "Couleur du local", method = "SingleChoice", decisionType = "Consultation", options = "Vert\nBleu\nOcre", closesAt = InAWeek() });
        var ana = scic.Person("Ana").Member.Id;

        var submissions = Enumerable.Range(0, 24).Select(async i =>
        {
            await using var scope = scic.Scope(App.Services);
            var casting = scope.ServiceProvider.GetRequiredService<BallotCasting>();
            return await casting.CastAsync(voteId, ana, ana, new BallotInput(Options: [i % 3]), null, null, CancellationToken.None);
        }).ToList();
        await Task.WhenAll(submissions);

        await using var check = scic.Scope(App.Services);
        var db = check.ServiceProvider.GetRequiredService<CoopDbContext>();
        var box = await db.Ballots.AsNoTracking().Where(b => b.VoteId == voteId).ToListAsync();
        Assert.That(box, Has.Count.EqualTo(24), "every submission is in the chain");
        Assert.That(box.Count(b => b.IsCurrent), Is.EqualTo(1), "exactly one current ballot");
        Assert.That(box.Single(b => b.IsCurrent).Sequence, Is.EqualTo(24), "and it is the last one");
        Assert.That(BallotChain.Verify(voteId, box).Valid, Is.True);
    }

    [Test]
    public async Task A_secret_ballot_is_stored_apart_from_who_voted_and_changes_only_with_its_receipt()
    {
        var scic = await Scic.CreateAsync(App.Services, LegalForm.Scic, People);
        var api = await ApiAsync(scic, "Ana");
        var voteId = await CreatePollAsync(api, scic, new { title = "Confiance au bureau", method = "Proposal", decisionType = "Consultation", secret = true, closesAt = InAWeek() });
        var chloe = await ApiAsync(scic, "Chloé");

        using var first = await chloe.PutAsJsonAsync($"/c/{scic.Slug}/api/votes/{voteId}/ballot", new { choice = "against" });
        Assert.That(first.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        var receipt = (await first.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("receipt").GetString()!;
        Assert.That(receipt, Does.Match("^[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4}$"));

        using var without = await chloe.PutAsJsonAsync($"/c/{scic.Slug}/api/votes/{voteId}/ballot", new { choice = "for" });
        Assert.That(without.StatusCode, Is.EqualTo(HttpStatusCode.Conflict));
        Assert.That((await without.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("detail").GetString(), Does.Contain("code de reçu"));
        using var wrong = await chloe.PutAsJsonAsync($"/c/{scic.Slug}/api/votes/{voteId}/ballot", new { choice = "for", replaces = "AAAA-AAAA-AAAA" });
        Assert.That(wrong.StatusCode, Is.EqualTo(HttpStatusCode.UnprocessableEntity));
        using var changed = await chloe.PutAsJsonAsync($"/c/{scic.Slug}/api/votes/{voteId}/ballot", new { choice = "for", replaces = receipt.ToLowerInvariant().Replace("-", " ", StringComparison.Ordinal) });
        Assert.That(changed.StatusCode, Is.EqualTo(HttpStatusCode.OK), await changed.Content.ReadAsStringAsync());

        await using var scope = scic.Scope(App.Services);
        var db = scope.ServiceProvider.GetRequiredService<CoopDbContext>();
        var ballots = await db.Ballots.AsNoTracking().Where(b => b.VoteId == voteId).OrderBy(b => b.Sequence).ToListAsync();
        Assert.That(ballots, Has.Count.EqualTo(2));
        Assert.That(ballots.All(b => b.VoterId is null && b.CastById is null && b.CastAt is null && b.Reason is null), Is.True, "no voter, author or time on a secret ballot");
        Assert.That(ballots.Select(b => b.IsCurrent), Is.EqualTo(new[] { false, true }));
        Assert.That(ballots[1].Replaces, Is.EqualTo(receipt));
        var chloeId = scic.Person("Chloé").Member.Id;
        Assert.That(await db.VoterRoll.AsNoTracking().SingleAsync(r => r.VoteId == voteId && r.MemberId == chloeId), Has.Property("HasVoted").True);

        // Nor does any column of the ballot table hold the member's id, in any form the database stores.
        var table = await RawRowsAsync(db, voteId);
        Assert.That(table, Does.Not.Contain(chloeId.ToString()).IgnoreCase);
        Assert.That(table, Does.Not.Contain(chloeId.ToString("N")).IgnoreCase);
    }

    private static async Task<string> RawRowsAsync(CoopDbContext db, Guid voteId)
    {
        var connection = db.Database.GetDbConnection();
        if (connection.State != System.Data.ConnectionState.Open) await db.Database.OpenConnectionAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = db.Database.IsNpgsql() ? "SELECT b::text FROM ballots b" : "SELECT * FROM ballots";
        await using var reader = await command.ExecuteReaderAsync();
        var text = new System.Text.StringBuilder();
        while (await reader.ReadAsync())
            for (var i = 0; i < reader.FieldCount; i++)
                text.Append(reader.GetValue(i) switch { byte[] bytes => new Guid(bytes).ToString(), var v => Convert.ToString(v, System.Globalization.CultureInfo.InvariantCulture) }).Append('|');
        return text.ToString();
    }

    [Test]
    public async Task Bad_ballots_get_problem_details_and_change_nothing()
    {
        var scic = await Scic.CreateAsync(App.Services, LegalForm.Scic, People);
        var api = await ApiAsync(scic, "Ana");
        var ranked = await CreatePollAsync(api, scic, new { title = "Nom du tiers-lieu", method = "RankedChoice", decisionType = "Consultation", options = "La Ruche\nLe Quai\nL'Atelier", closesAt = InAWeek() });
        var url = $"/c/{scic.Slug}/api/votes/{ranked}/ballot";

        async Task<(HttpStatusCode Status, string Code)> PutAsync(object body)
        {
            using var response = await api.PutAsJsonAsync(url, body);
            var json = await response.Content.ReadFromJsonAsync<JsonElement>();
            Assert.That(response.Content.Headers.ContentType?.MediaType, Is.EqualTo(response.IsSuccessStatusCode ? "application/json" : "application/problem+json"));
            return (response.StatusCode, response.IsSuccessStatusCode ? "" : json.GetProperty("code").GetString()!);
        }

        Assert.That(await PutAsync(new { ranking = new[] { 0, 0, 1 } }), Is.EqualTo((HttpStatusCode.UnprocessableEntity, "Governance.Ballot.DuplicateRank")));
        Assert.That(await PutAsync(new { ranking = new[] { 3 } }), Is.EqualTo((HttpStatusCode.UnprocessableEntity, "Governance.Ballot.UnknownOption")));
        Assert.That(await PutAsync(new { choice = "for" }), Is.EqualTo((HttpStatusCode.UnprocessableEntity, "Governance.Ballot.Empty")));
        Assert.That(await PutAsync(new { ranking = new[] { 1, 0 }, forMember = scic.Person("Bruno").Member.Id }), Is.EqualTo((HttpStatusCode.UnprocessableEntity, "Governance.Proxy.NotHeld")));
        await using (var scope = scic.Scope(App.Services))
            Assert.That(await scope.ServiceProvider.GetRequiredService<CoopDbContext>().Ballots.CountAsync(b => b.VoteId == ranked), Is.Zero, "nothing stored");
        Assert.That((await PutAsync(new { ranking = new[] { 1, 0 } })).Status, Is.EqualTo(HttpStatusCode.OK));

        // The deadline passes: the clock closes the poll and mails the results; a late ballot is refused.
        await using (var scope = scic.Scope(App.Services))
            await scope.ServiceProvider.GetRequiredService<CoopDbContext>().Votes.Where(v => v.Id == ranked)
                .ExecuteUpdateAsync(s => s.SetProperty(v => v.ClosesAt, DateTimeOffset.UtcNow.AddMinutes(-1)));
        Assert.That(await PutAsync(new { ranking = new[] { 2 } }), Is.EqualTo((HttpStatusCode.Conflict, "Governance.State.Closed")));
        await App.Services.GetRequiredService<GovernanceClock>().RunOnceAsync(CancellationToken.None);
        var after = await api.GetFromJsonAsync<JsonElement>($"/c/{scic.Slug}/api/votes/{ranked}");
        Assert.That(after.GetProperty("vote").GetProperty("status").GetString(), Is.EqualTo("Closed"));
        Assert.That(after.GetProperty("results").GetProperty("places")[0][0].GetInt32(), Is.EqualTo(1), "Le Quai ranked first");
        await App.DeliverMailAsync();
        Assert.That(App.Smtp.To(scic.Person("Bruno").User.Email!).Any(m => m.Subject.Contains("résultats de « Nom du tiers-lieu »", StringComparison.Ordinal)), Is.True);
    }

    [Test]
    public async Task The_verification_recomputes_the_chain_and_catches_an_edited_ballot()
    {
        var scic = await Scic.CreateAsync(App.Services, LegalForm.Scic, People);
        var api = await ApiAsync(scic, "Ana");
        var voteId = await CreatePollAsync(api, scic, new { title = "Horaires", method = "MultipleChoice", decisionType = "Consultation", options = "Matin\nMidi\nSoir", maxChoicesOrScore = 2, closesAt = InAWeek() });
        foreach (var (name, options) in new[] { ("Ana", new[] { 0, 2 }), ("Bruno", new[] { 1 }), ("Chloé", new[] { 2 }) })
        {
            var client = await ApiAsync(scic, name);
            using var cast = await client.PutAsJsonAsync($"/c/{scic.Slug}/api/votes/{voteId}/ballot", new { options });
            Assert.That(cast.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        }
        var intact = await api.GetFromJsonAsync<JsonElement>($"/c/{scic.Slug}/api/votes/{voteId}/verification");
        Assert.That(intact.GetProperty("valid").GetBoolean(), Is.True);
        Assert.That(intact.GetProperty("entries").GetInt32(), Is.EqualTo(3));

        await using (var scope = scic.Scope(App.Services))
        {
            var db = scope.ServiceProvider.GetRequiredService<CoopDbContext>();
            await db.Ballots.Where(b => b.VoteId == voteId && b.Sequence == 2).ExecuteUpdateAsync(s => s.SetProperty(b => b.Answer, "0"));
        }
        var tampered = await api.GetFromJsonAsync<JsonElement>($"/c/{scic.Slug}/api/votes/{voteId}/verification");
        Assert.That(tampered.GetProperty("valid").GetBoolean(), Is.False);
        var page = await (await scic.SignInAsync(App, "David")).GetAsync($"/c/{scic.Slug}/votes/{voteId}/box");
        Assert.That(page.Contains("rompue au bulletin 2"), Is.True, page.Html);
    }

    [Test]
    public async Task Another_cooperatives_members_cannot_reach_its_votes()
    {
        var scic = await Scic.CreateAsync(App.Services, LegalForm.Scic, People);
        var api = await ApiAsync(scic, "Ana");
        var voteId = await CreatePollAsync(api, scic, new { title = "Privé", method = "Proposal", decisionType = "Consultation", closesAt = InAWeek() });
        var outsider = App.Visitor();
        await outsider.SignInAsync(World.MemberB.Email!, World.Password);
        Assert.That((await outsider.GetAsync($"/c/{scic.Slug}/votes/{voteId}")).Status, Is.EqualTo(HttpStatusCode.Forbidden));
        // Through their own cooperative's address, the other tenant's vote does not exist.
        Assert.That((await outsider.GetAsync($"/c/{World.B.Slug}/votes/{voteId}")).Status, Is.EqualTo(HttpStatusCode.NotFound));
        Assert.That((await outsider.GetAsync($"/c/{World.B.Slug}/votes/{voteId}/box")).Status, Is.EqualTo(HttpStatusCode.NotFound));
    }
}
