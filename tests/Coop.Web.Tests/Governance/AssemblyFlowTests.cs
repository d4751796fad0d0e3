using System.Net;
using Coop.Data;
using Coop.Domain.Governance;
using Coop.Domain.Tenancy;
using Coop.Web.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Coop.Web.Tests.Governance;

/// <summary>
/// One SCIC assembly from convocation to signed minutes, through the pages as people use them: seven members in
/// three colleges (workers 30 %, users 40 %, supporters 30 %), a proxy, a vote by correspondence, a weighted
/// resolution and a secret election.
/// </summary>
[TestFixtureSource(typeof(AppFixture), nameof(AppFixture.Providers))]
public sealed class AssemblyFlowTests(DatabaseProvider provider) : AppFixture(provider)
{
    private static readonly (string, string)[] People =
    [
        ("Ana", "Salariés"), ("Bruno", "Salariés"), ("Chloé", "Usagers"), ("David", "Usagers"), ("Emma", "Usagers"), ("Farid", "Soutiens"), ("Gaëlle", "Soutiens"),
    ];


    private static async Task<Page> VoteAsync(PageClient client, string slug, Guid voteId, string choice, Guid? forMember = null)
    {
        var fields = new Dictionary<string, string> { ["Choice"] = choice };
        if (forMember is { } m) fields["ForMember"] = m.ToString();
        return await client.SubmitAsync($"/c/{slug}/votes/{voteId}", $"/c/{slug}/votes/{voteId}/ballot", fields);
    }

    [Test]
    public async Task A_scic_assembly_runs_from_convocation_to_signed_minutes()
    {
        var scic = await Scic.CreateAsync(App.Services, LegalForm.Scic, People);
        var slug = scic.Slug;
        var ana = await scic.SignInAsync(App, "Ana");
        var console = $"/c/{slug}/admin/assemblies";

        // Prepare: the assembly, two resolutions (the second an election, made secret by the statutes' rule).
        var created = await ana.SubmitAsync($"{console}/new", console, new Dictionary<string, string>
        {
            ["Title"] = "Assemblée générale 2026", ["Type"] = "OrdinaryAssembly", ["ScheduledAt"] = Scic.LocalInput(DateTimeOffset.UtcNow.AddDays(20)),
            ["Place"] = "Salle des fêtes", ["OnlineLink"] = "https://visio.example.org/ag", ["NoticeDays"] = "15", ["CorrespondenceVoting"] = "true",
        });
        Assert.That(created.Status, Is.EqualTo(HttpStatusCode.Redirect), created.Html);
        var assemblyPage = created.Location!.ToString();
        var assemblyId = Guid.Parse(assemblyPage.Split('/').Last());
        Assert.That((await ana.SubmitAsync(assemblyPage, $"{assemblyPage}/resolutions", new Dictionary<string, string>
            { ["Title"] = "Approbation des comptes", ["DecisionType"] = "OrdinaryAssembly", ["BackedByBoard"] = "true" })).Status, Is.EqualTo(HttpStatusCode.Redirect));
        var election = await ana.SubmitAsync(assemblyPage, $"{assemblyPage}/resolutions", new Dictionary<string, string>
            { ["Title"] = "Élection du conseil", ["DecisionType"] = "OrdinaryAssembly", ["ElectsPeople"] = "true" });
        Assert.That(election.Status, Is.EqualTo(HttpStatusCode.Redirect));

        // Convene: the list is frozen and everyone gets a convocation.
        var convened = await ana.SubmitAsync(assemblyPage, $"{assemblyPage}/convene", new Dictionary<string, string>());
        Assert.That(convened.Status, Is.EqualTo(HttpStatusCode.Redirect), convened.Html);
        await App.DeliverMailAsync();
        foreach (var person in scic.People)
            Assert.That(App.Smtp.To(person.User.Email!).Any(m => m.Subject.Contains("convocation", StringComparison.Ordinal)), Is.True, person.Member.DisplayName);
        Guid accounts, board;
        await using (var scope = scic.Scope(App.Services))
        {
            var db = scope.ServiceProvider.GetRequiredService<CoopDbContext>();
            var agenda = await db.Votes.Where(v => v.AssemblyId == assemblyId).OrderBy(v => v.Position).ToListAsync();
            (accounts, board) = (agenda[0].Id, agenda[1].Id);
            Assert.That(agenda[1].Secret, Is.True, "an election is secret when the statutes say so");
            Assert.That(await db.AssemblyAttendees.CountAsync(a => a.AssemblyId == assemblyId), Is.EqualTo(7));
        }

        // Before the meeting: Farid gives his proxy to Gaëlle; David votes by correspondence.
        var farid = await scic.SignInAsync(App, "Farid");
        var member = $"/c/{slug}/assemblies/{assemblyId}";
        var proxy = await farid.SubmitAsync(member, $"{member}/proxy", new Dictionary<string, string> { ["HolderId"] = scic.Person("Gaëlle").Member.Id.ToString() });
        Assert.That(proxy.Status, Is.EqualTo(HttpStatusCode.Redirect), proxy.Html);
        var david = await scic.SignInAsync(App, "David");
        Assert.That((await VoteAsync(david, slug, accounts, "Against")).Status, Is.EqualTo(HttpStatusCode.Redirect));

        // The session: chair Ana, secretary Bruno; attendance recorded by the chair, Chloé joins from home.
        var session = await ana.SubmitAsync(assemblyPage, $"{assemblyPage}/session", new Dictionary<string, string>
            { ["ChairId"] = scic.Person("Ana").Member.Id.ToString(), ["SecretaryId"] = scic.Person("Bruno").Member.Id.ToString() });
        Assert.That(session.Status, Is.EqualTo(HttpStatusCode.Redirect), session.Html);
        foreach (var name in new[] { "Ana", "Bruno", "Emma", "Gaëlle" })
            Assert.That((await ana.SubmitAsync(assemblyPage, $"{assemblyPage}/attendance", new Dictionary<string, string>
                { ["MemberId"] = scic.Person(name).Member.Id.ToString(), ["Attendance"] = "Present" })).Status, Is.EqualTo(HttpStatusCode.Redirect));
        var chloe = await scic.SignInAsync(App, "Chloé");
        Assert.That((await chloe.SubmitAsync(member, $"{member}/attend", new Dictionary<string, string>())).Status, Is.EqualTo(HttpStatusCode.Redirect));
        var live = await chloe.GetAsync($"{member}/live");
        Assert.That(live.Contains("7 sur 7 inscrits : 4 présents, 1 à distance, 1 représentés, 1 par correspondance"), Is.True, live.Html);

        // Resolution 1, weighted by college.
        Assert.That((await ana.SubmitAsync(assemblyPage, $"{assemblyPage}/resolutions/{accounts}/open", new Dictionary<string, string>())).Status, Is.EqualTo(HttpStatusCode.Redirect));
        var bruno = await scic.SignInAsync(App, "Bruno");
        var emma = await scic.SignInAsync(App, "Emma");
        var gaelle = await scic.SignInAsync(App, "Gaëlle");
        foreach (var (client, choice) in new[] { (ana, "For"), (bruno, "For"), (chloe, "For"), (emma, "Against"), (gaelle, "For") })
            Assert.That((await VoteAsync(client, slug, accounts, choice)).Status, Is.EqualTo(HttpStatusCode.Redirect));
        Assert.That((await VoteAsync(gaelle, slug, accounts, "Against", scic.Person("Farid").Member.Id)).Status, Is.EqualTo(HttpStatusCode.Redirect));
        var notHeld = await VoteAsync(emma, slug, accounts, "For", scic.Person("Farid").Member.Id);
        Assert.That(notHeld.Contains("Vous ne portez pas la procuration de ce membre."), Is.True, "only the holder votes for the giver");
        Assert.That((await ana.SubmitAsync(assemblyPage, $"{assemblyPage}/resolutions/{accounts}/close", new Dictionary<string, string>())).Status, Is.EqualTo(HttpStatusCode.Redirect));
        var closedTwice = await ana.SubmitAsync(assemblyPage, $"{assemblyPage}/resolutions/{accounts}/close", new Dictionary<string, string>());
        Assert.That(closedTwice.Status, Is.EqualTo(HttpStatusCode.Conflict));
        Assert.That(closedTwice.Contains("ne peut être clos une seconde fois"), Is.True);
        var late = await VoteAsync(emma, slug, accounts, "For");
        Assert.That(late.Status, Is.EqualTo(HttpStatusCode.UnprocessableEntity));
        Assert.That(late.Contains("Ce vote est clos"), Is.True);

        // Workers 2/2 × 30 % + users 1/3 × 40 % + supporters 1/2 × 30 % = 58,33 %: adopted.
        var results = await david.GetAsync($"/c/{slug}/votes/{accounts}");
        Assert.That(results.Contains("58,33 %"), Is.True, results.Html);
        Assert.That(results.Contains("Adoptée"), Is.True);

        // Resolution 2, secret.
        Assert.That((await ana.SubmitAsync(assemblyPage, $"{assemblyPage}/resolutions/{board}/open", new Dictionary<string, string>())).Status, Is.EqualTo(HttpStatusCode.Redirect));
        foreach (var client in new[] { ana, chloe, emma })
            Assert.That((await VoteAsync(client, slug, board, "For")).Status, Is.EqualTo(HttpStatusCode.Redirect));
        Assert.That((await VoteAsync(bruno, slug, board, "Against")).Status, Is.EqualTo(HttpStatusCode.Redirect));
        Assert.That((await ana.SubmitAsync(assemblyPage, $"{assemblyPage}/resolutions/{board}/close", new Dictionary<string, string>())).Status, Is.EqualTo(HttpStatusCode.Redirect));

        // Close and sign: the minutes carry attendance, quorum, the per-college arithmetic and each box's digest.
        Assert.That((await ana.SubmitAsync(assemblyPage, $"{assemblyPage}/close", new Dictionary<string, string>())).Status, Is.EqualTo(HttpStatusCode.Redirect));
        var minutes = await emma.GetAsync($"{member}/minutes");
        Assert.That(minutes.Status, Is.EqualTo(HttpStatusCode.OK));
        string digest;
        await using (var scope = scic.Scope(App.Services))
            digest = (await scope.ServiceProvider.GetRequiredService<CoopDbContext>().Votes.SingleAsync(v => v.Id == accounts)).ClosingDigest!;
        foreach (var expected in new[] { "Farid par Gaëlle", "Le quorum (1/4) est atteint : 7 participants sur 7 inscrits.", "58,33 %", "Adoptée", digest, "Salariés", "Président·e de séance : Ana" })
            Assert.That(minutes.Contains(expected), Is.True, $"minutes lack «{expected}»");
        Assert.That((await ana.SubmitAsync($"{member}/minutes", $"{member}/minutes/sign", new Dictionary<string, string>())).Status, Is.EqualTo(HttpStatusCode.Redirect));
        Assert.That((await bruno.SubmitAsync($"{member}/minutes", $"{member}/minutes/sign", new Dictionary<string, string>())).Status, Is.EqualTo(HttpStatusCode.Redirect));
        var signed = await emma.GetAsync($"{member}/minutes");
        Assert.That(signed.Contains("Procès-verbal signé : il ne peut plus être modifié."), Is.True);
        var again = await ana.SubmitAsync($"{member}/minutes", $"{member}/minutes/sign", new Dictionary<string, string>());
        Assert.That((await ana.GetAsync(again.Location!.ToString())).Contains("Vous avez déjà signé."), Is.True);
        var markdown = await emma.GetAsync($"{member}/minutes.md");
        Assert.That(markdown.Html, Does.StartWith("# Procès-verbal — Assemblée générale 2026"));
        Assert.That(markdown.Html, Does.Contain("signé le"));
    }

    [Test]
    public async Task A_failed_quorum_adjourns_to_a_second_convocation_with_the_same_agenda()
    {
        var scic = await Scic.CreateAsync(App.Services, LegalForm.Scic, People);
        var ana = await scic.SignInAsync(App, "Ana");
        var console = $"/c/{scic.Slug}/admin/assemblies";
        var created = await ana.SubmitAsync($"{console}/new", console, new Dictionary<string, string>
            { ["Title"] = "AGE statuts", ["Type"] = "ExtraordinaryAssembly", ["ScheduledAt"] = Scic.LocalInput(DateTimeOffset.UtcNow.AddDays(3)), ["Place"] = "Local", ["NoticeDays"] = "15" });
        var page = created.Location!.ToString();
        await ana.SubmitAsync(page, $"{page}/resolutions", new Dictionary<string, string> { ["Title"] = "Modification des statuts", ["DecisionType"] = "ExtraordinaryAssembly" });
        var convened = await ana.SubmitAsync(page, $"{page}/convene", new Dictionary<string, string>());
        Assert.That(convened.Status, Is.EqualTo(HttpStatusCode.Redirect));
        Assert.That((await ana.GetAsync(page)).Contains("le délai de convocation prévu par les statuts n'est pas respecté"), Is.True, "three days' notice is short of fifteen");

        await ana.SubmitAsync(page, $"{page}/session", new Dictionary<string, string>
            { ["ChairId"] = scic.Person("Ana").Member.Id.ToString(), ["SecretaryId"] = scic.Person("Ana").Member.Id.ToString() });
        await ana.SubmitAsync(page, $"{page}/attendance", new Dictionary<string, string> { ["MemberId"] = scic.Person("Ana").Member.Id.ToString(), ["Attendance"] = "Present" });
        var consolePage = await ana.GetAsync(page);
        Assert.That(consolePage.Contains("non atteint"), Is.True, "1 of 7 is below the extraordinary quorum of 1/3");

        var adjourned = await ana.SubmitAsync(page, $"{page}/adjourn", new Dictionary<string, string> { ["SecondDate"] = Scic.LocalInput(DateTimeOffset.UtcNow.AddDays(20)) });
        Assert.That(adjourned.Status, Is.EqualTo(HttpStatusCode.Redirect), adjourned.Html);
        var second = await ana.GetAsync(adjourned.Location!.ToString());
        Assert.That(second.Contains("seconde convocation"), Is.True);
        Assert.That(second.Contains("Modification des statuts"), Is.True);
        var firstMinutes = await ana.GetAsync($"/c/{scic.Slug}/assemblies/{page.Split('/').Last()}/minutes");
        Assert.That(firstMinutes.Contains("L'assemblée ne peut délibérer"), Is.True);
    }
}
