using Coop.Data;
using Coop.Data.Tenancy;
using Coop.Domain.Governance;
using Coop.Web.Features.Governance;
using Coop.Web.Infrastructure;
using Coop.Web.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Coop.Browser.Tests;

/// <summary>Votes and assemblies in cooperative A, in every state a page can show, made through the same services the pages use.</summary>
public sealed record GovernanceSeed(Guid OpenProposal, Guid OpenJudgment, Guid ClosedPoll, Guid ConvenedAssembly, Guid ClosedAssembly, Guid OpenResolution)
{
    public static async Task<GovernanceSeed> CreateAsync(CoopApp app, World world)
    {
        ArgumentNullException.ThrowIfNull(app);
        ArgumentNullException.ThrowIfNull(world);
        await using var scope = app.Services.GetRequiredService<TenantScopeFactory>().Begin(TenantInfo.From(world.A), "browser test");
        var services = scope.ServiceProvider;
        var db = services.GetRequiredService<CoopDbContext>();
        var members = await db.Members.ToListAsync();
        var charter = await db.CharterVersions.Where(v => v.Number != null).OrderByDescending(v => v.Number).FirstOrDefaultAsync();
        if (charter is not null)
            foreach (var m in members.Where(m => !db.CharterAcceptances.Any(a => a.MemberId == m.Id && a.CharterVersionId == charter.Id)))
                db.CharterAcceptances.Add(new Domain.Charter.CharterAcceptance(m.Id, charter.Id, charter.Number!.Value, DateTimeOffset.UtcNow));
        await db.SaveChangesAsync();

        var admin = members.Single(m => m.UserId == world.AdminA.Id).Id;
        var member = members.Single(m => m.UserId == world.MemberA.Id).Id;
        var now = DateTimeOffset.UtcNow;
        var lifecycle = services.GetRequiredService<VoteLifecycle>();
        var casting = services.GetRequiredService<BallotCasting>();

        Vote Poll(string title, VoteMethod method, params string[] options) =>
            new(null, 0, title, "Un peu de **contexte**.", method, DecisionType.Consultation, options, 2, false, false, false, false, now.AddDays(5), admin, now);
        var proposal = Poll("Ouvrir le samedi matin ?", VoteMethod.Proposal);
        var judgment = Poll("Quel atelier pour la rentrée ?", VoteMethod.MajorityJudgment, "Vélo", "Couture", "Informatique");
        var closed = Poll("Quel nom pour la salle ?", VoteMethod.RankedChoice, "La Ruche", "Le Quai", "L'Atelier");
        db.Votes.AddRange(proposal, judgment, closed);
        foreach (var vote in new[] { proposal, judgment, closed }) await lifecycle.OpenPollAsync(vote, CancellationToken.None);
        await casting.CastAsync(closed.Id, admin, admin, new BallotInput(Options: [1, 0]), "Le quai, c'est l'histoire du lieu.", null, CancellationToken.None);
        await casting.CastAsync(closed.Id, member, member, new BallotInput(Options: [0, 1, 2]), null, null, CancellationToken.None);
        db.ChangeTracker.Clear();
        await lifecycle.CloseAsync(await db.Votes.SingleAsync(v => v.Id == closed.Id), null, CancellationToken.None);

        var flow = services.GetRequiredService<AssemblyFlow>();
        var time = services.GetRequiredService<TenantTime>();
        async Task<(Assembly Assembly, Vote First)> AssemblyAsync(string title)
        {
            var assembly = new Assembly(title, DecisionType.OrdinaryAssembly, Convocation.First, now.AddDays(20), "Salle des fêtes", "https://visio.example.org/ag",
                "Rapport | https://example.org/rapport.pdf", true, 15, null, now);
            db.Assemblies.Add(assembly);
            var first = new Vote(assembly.Id, 1, "Approbation des comptes", "Les comptes sont approuvés.", VoteMethod.Resolution, DecisionType.OrdinaryAssembly, [], 1, false, true, false, true, null, admin, now);
            db.Votes.Add(first);
            db.Votes.Add(new Vote(assembly.Id, 2, "Élection au conseil", "", VoteMethod.Resolution, DecisionType.OrdinaryAssembly, [], 1, true, true, true, true, null, admin, now));
            await db.SaveChangesAsync();
            await flow.ConveneAsync(assembly, time.Format(assembly.ScheduledAt), assembly.Place!, CancellationToken.None);
            return (assembly, first);
        }
        var (convened, openResolution) = await AssemblyAsync("Assemblée générale 2026");
        var (done, resolution) = await AssemblyAsync("Assemblée générale 2025");
        await flow.OpenSessionAsync(done, admin, member, CancellationToken.None);
        await flow.CheckInAsync(done, admin, Attendance.Present, CancellationToken.None);
        await flow.CheckInAsync(done, member, Attendance.Remote, CancellationToken.None);
        await flow.OpenResolutionAsync(done, resolution, CancellationToken.None);
        await casting.CastAsync(resolution.Id, admin, admin, new BallotInput(Choice.For), null, null, CancellationToken.None);
        db.ChangeTracker.Clear();
        var tracked = await db.Assemblies.SingleAsync(a => a.Id == done.Id);
        await flow.CloseResolutionAsync(tracked, await db.Votes.SingleAsync(v => v.Id == resolution.Id), CancellationToken.None);
        await flow.CloseAsync(tracked, CancellationToken.None);
        return new GovernanceSeed(proposal.Id, judgment.Id, closed.Id, convened.Id, done.Id, openResolution.Id);
    }
}
