using System.Net;
using Coop.Data;
using Coop.Domain.Governance;
using Coop.Domain.Tenancy;
using Coop.Web.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Coop.Web.Tests.Governance;

/// <summary>Proxies within the statutes' cap, only to members on the list, never where the law forbids them; rules edited by admins.</summary>
[TestFixtureSource(typeof(AppFixture), nameof(AppFixture.Providers))]
public sealed class ProxyAndRulesTests(DatabaseProvider provider) : AppFixture(provider)
{
    private static readonly (string, string)[] People =
        [("Ana", "Salariés"), ("Bruno", "Salariés"), ("Chloé", "Usagers"), ("David", "Usagers"), ("Emma", "Soutiens")];


    private static async Task<string> ConvenedAssemblyAsync(PageClient admin, string slug)
    {
        var console = $"/c/{slug}/admin/assemblies";
        var created = await admin.SubmitAsync($"{console}/new", console, new Dictionary<string, string>
            { ["Title"] = "AG", ["Type"] = "OrdinaryAssembly", ["ScheduledAt"] = Scic.LocalInput(DateTimeOffset.UtcNow.AddDays(30)), ["Place"] = "Local", ["NoticeDays"] = "15", ["CorrespondenceVoting"] = "true" });
        var page = created.Location!.ToString();
        await admin.SubmitAsync(page, $"{page}/resolutions", new Dictionary<string, string> { ["Title"] = "Comptes", ["DecisionType"] = "OrdinaryAssembly" });
        var convened = await admin.SubmitAsync(page, $"{page}/convene", new Dictionary<string, string>());
        Assert.That(convened.Status, Is.EqualTo(HttpStatusCode.Redirect), convened.Html);
        return page.Split('/').Last();
    }

    private static Task<Page> GiveAsync(PageClient giver, string slug, string assembly, Guid? holder) =>
        giver.SubmitAsync($"/c/{slug}/assemblies/{assembly}", $"/c/{slug}/assemblies/{assembly}/proxy",
            new Dictionary<string, string> { ["HolderId"] = holder?.ToString() ?? "" });

    [Test]
    public async Task A_proxy_beyond_the_cap_or_to_someone_off_the_list_is_refused_and_voting_in_person_revokes_one()
    {
        var scic = await Scic.CreateAsync(App.Services, LegalForm.Scic, People);
        var ana = await scic.SignInAsync(App, "Ana");
        // The statutes here allow one proxy per holder.
        var rules = $"/c/{scic.Slug}/admin/decision-rules";
        var saved = await ana.SubmitAsync(rules, $"{rules}/OrdinaryAssembly/First", new Dictionary<string, string>
        {
            ["QuorumNumerator"] = "1", ["QuorumDenominator"] = "4", ["MajorityNumerator"] = "1", ["MajorityDenominator"] = "2", ["StrictMajority"] = "true",
            ["MajorityBase"] = "VotesCast", ["Weighting"] = "CollegeShares", ["BlocNumerator"] = "3", ["BlocDenominator"] = "5",
            ["ProxyCap"] = "Fixed", ["ProxyFixedCap"] = "1", ["BlankProxy"] = "FollowBoard", ["SecretForElections"] = "true",
        });
        Assert.That(saved.Status, Is.EqualTo(HttpStatusCode.Redirect), saved.Html);
        var assembly = await ConvenedAssemblyAsync(ana, scic.Slug);

        // A member who joins after the convocation is not on the list: no proxy to them.
        var late = await World.UserAsync(App.Services, $"late-{Guid.NewGuid():N}@test.coop", "Retardataire");
        Guid lateMember;
        await using (var scope = scic.Scope(App.Services))
        {
            var db = scope.ServiceProvider.GetRequiredService<CoopDbContext>();
            var m = new Domain.Membership.Member(late.Id, "Retardataire", Domain.Membership.MemberRoles.Member, DateTimeOffset.UtcNow);
            db.Members.Add(m);
            await db.SaveChangesAsync();
            lateMember = m.Id;
        }
        var chloe = await scic.SignInAsync(App, "Chloé");
        var offList = await GiveAsync(chloe, scic.Slug, assembly, lateMember);
        Assert.That(offList.Status, Is.EqualTo(HttpStatusCode.UnprocessableEntity));
        Assert.That(offList.Contains("Seul un autre membre convoqué peut recevoir une procuration."), Is.True);

        var bruno = scic.Person("Bruno").Member.Id;
        Assert.That((await GiveAsync(chloe, scic.Slug, assembly, bruno)).Status, Is.EqualTo(HttpStatusCode.Redirect));
        var david = await scic.SignInAsync(App, "David");
        var overCap = await GiveAsync(david, scic.Slug, assembly, bruno);
        Assert.That(overCap.Status, Is.EqualTo(HttpStatusCode.UnprocessableEntity));
        Assert.That(overCap.Contains("Ce mandataire porte déjà le nombre maximal de pouvoirs (1)."), Is.True);
        var toSelf = await GiveAsync(david, scic.Slug, assembly, scic.Person("David").Member.Id);
        Assert.That(toSelf.Contains("Vous ne pouvez pas vous donner procuration."), Is.True);
        var toGiver = await GiveAsync(david, scic.Slug, assembly, scic.Person("Chloé").Member.Id);
        Assert.That(toGiver.Contains("a lui-même donné procuration"), Is.True, "no chains of proxies");

        // Chloé votes herself by correspondence: her proxy goes, and Bruno may carry another.
        Guid resolution;
        await using (var scope = scic.Scope(App.Services))
            resolution = (await scope.ServiceProvider.GetRequiredService<CoopDbContext>().Votes.SingleAsync(v => v.AssemblyId == Guid.Parse(assembly))).Id;
        var voted = await chloe.SubmitAsync($"/c/{scic.Slug}/votes/{resolution}", $"/c/{scic.Slug}/votes/{resolution}/ballot", new Dictionary<string, string> { ["Choice"] = "For" });
        Assert.That(voted.Status, Is.EqualTo(HttpStatusCode.Redirect));
        Assert.That((await GiveAsync(david, scic.Slug, assembly, bruno)).Status, Is.EqualTo(HttpStatusCode.Redirect));
        var afterVote = await GiveAsync(chloe, scic.Slug, assembly, null);
        Assert.That(afterVote.Contains("Vous avez déjà voté : la procuration n'est plus possible."), Is.True);

        await using (var scope = scic.Scope(App.Services))
        {
            var db = scope.ServiceProvider.GetRequiredService<CoopDbContext>();
            var active = await db.ProxyGrants.Where(p => p.AssemblyId == Guid.Parse(assembly) && p.RevokedAt == null).ToListAsync();
            Assert.That(active.Select(p => p.GiverId), Is.EqualTo(new[] { scic.Person("David").Member.Id }));
            Assert.That((await db.AssemblyAttendees.SingleAsync(a => a.AssemblyId == Guid.Parse(assembly) && a.MemberId == bruno)).ProxiesHeld, Is.EqualTo(1));
        }
    }

    [Test]
    public async Task A_quebec_cooperative_refuses_proxies()
    {
        var coop = await Scic.CreateAsync(App.Services, LegalForm.QuebecSolidarityCoop, ("Ana", "Utilisateurs"), ("Bruno", "Travailleurs"), ("Chloé", "Utilisateurs"));
        var ana = await coop.SignInAsync(App, "Ana");
        var rules = await ana.GetAsync($"/c/{coop.Slug}/admin/decision-rules");
        Assert.That(rules.Contains("<option value=\"Forbidden\" selected=\"selected\">"), Is.True, "the preset forbids proxies");
        var assembly = await ConvenedAssemblyAsync(ana, coop.Slug);
        var chloe = await coop.SignInAsync(App, "Chloé");
        var refused = await GiveAsync(chloe, coop.Slug, assembly, coop.Person("Bruno").Member.Id);
        Assert.That(refused.Status, Is.EqualTo(HttpStatusCode.UnprocessableEntity));
        Assert.That(refused.Contains("Les statuts ne permettent pas les procurations."), Is.True);
    }

    [Test]
    public async Task A_bad_rule_is_refused_with_a_message_and_the_stored_rule_is_unchanged()
    {
        var scic = await Scic.CreateAsync(App.Services, LegalForm.Scic, People);
        var ana = await scic.SignInAsync(App, "Ana");
        var rules = $"/c/{scic.Slug}/admin/decision-rules";
        var refused = await ana.SubmitAsync(rules, $"{rules}/ExtraordinaryAssembly/First", new Dictionary<string, string>
        {
            ["QuorumNumerator"] = "5", ["QuorumDenominator"] = "4", ["MajorityNumerator"] = "2", ["MajorityDenominator"] = "3",
            ["MajorityBase"] = "VotesCast", ["Weighting"] = "CollegeShares", ["BlocNumerator"] = "3", ["BlocDenominator"] = "5",
            ["ProxyCap"] = "Fixed", ["ProxyFixedCap"] = "2", ["BlankProxy"] = "FollowBoard",
        });
        Assert.That(refused.Status, Is.EqualTo(HttpStatusCode.UnprocessableEntity));
        Assert.That(refused.Contains("Une fraction va de 0 à 1"), Is.True);
        await using var scope = scic.Scope(App.Services);
        Assert.That(await scope.ServiceProvider.GetRequiredService<CoopDbContext>().StatutoryRules.CountAsync(), Is.Zero);
        var member = await scic.SignInAsync(App, "Bruno");
        Assert.That((await member.GetAsync(rules)).Status, Is.EqualTo(HttpStatusCode.Forbidden), "rules are for admins");
    }
}
