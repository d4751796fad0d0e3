using Coop.Data;
using Coop.Data.Accounts;
using Coop.Data.Tenancy;
using Coop.Domain.Charter;
using Coop.Domain.Community;
using Coop.Domain.Membership;
using Coop.Domain.Governance;
using Coop.Web.Features.Governance;
using Coop.Web.Features.Membership;
using Coop.Web.Infrastructure;
using Coop.Domain.Tenancy;
using Coop.Domain.Treasury;
using Coop.Domain.Audience;
using Coop.Web.Features.Audience;
using Coop.Web.Features.Treasury;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace Coop.Web.Features.Demo;

/// <summary>
/// A demo for newcomers, written only into an empty database: two territories with different legal forms,
/// an operator, admins, a treasurer and members. Every demo account shares <see cref="Password"/>.
/// </summary>
public sealed class DemoSeeder(IServiceScopeFactory scopes, TenantScopeFactory tenantScopes, TimeProvider clock, ILogger<DemoSeeder> logger)
{
    public const string Password = "coop-demo-2026";

    public static readonly IReadOnlyList<(string Email, string Name, string Role)> Accounts =
    [
        ("operateur@demo.coop", "Odile Opératrice", "platform operator"),
        ("admin@demo.coop", "Amina Admin", "admin, Belleville"),
        ("tresorier@demo.coop", "Théo Trésorier", "treasurer, Belleville"),
        ("alice@demo.coop", "Alice Martin", "member, Belleville"),
        ("bruno@demo.coop", "Bruno Petit", "member, Belleville and Limoilou"),
        ("chloe@demo.coop", "Chloé Tremblay", "admin, Limoilou"),
        ("david@demo.coop", "David Gagnon", "member, Limoilou"),
        ("zoe@demo.coop", "Zoé Lambert", "applicant, Belleville"),
    ];

    /// <summary>Seeds an empty database; returns whether it did.</summary>
    public async Task<bool> SeedIfEmptyAsync(CancellationToken ct)
    {
        await using (var scope = scopes.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<CoopDbContext>();
            if (await db.Tenants.AnyAsync(ct) || await db.Users.AnyAsync(ct)) return false;
        }

        var now = clock.GetUtcNow();
        var belleville = new Tenant("tiers-lieu-belleville", "Tiers-lieu de Belleville", LegalForm.Scic,
            Territory.Of("FR", "Île-de-France", "Paris — Belleville"), TenantLocale.FrenchFrance, "Europe/Paris", TenantCurrency.Euro, now);
        belleville.Describe("Une SCIC qui fait vivre un tiers-lieu de quartier : atelier partagé, cantine et salle associative.");
        var limoilou = new Tenant("epicerie-limoilou", "Épicerie solidaire de Limoilou", LegalForm.QuebecSolidarityCoop,
            Territory.Of("CA", "Québec", "Québec — Limoilou"), TenantLocale.FrenchCanada, "America/Toronto", TenantCurrency.CanadianDollar, now);
        limoilou.Describe("Une coopérative de solidarité qui tient l'épicerie de quartier avec ses membres utilisateurs, travailleurs et de soutien.");
        belleville.Activate();
        limoilou.Activate();

        var users = new Dictionary<string, CoopUser>();
        await using (var scope = scopes.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<CoopDbContext>();
            var manager = scope.ServiceProvider.GetRequiredService<UserManager<CoopUser>>();
            db.Tenants.AddRange(belleville, limoilou);
            await db.SaveChangesAsync(ct);
            foreach (var (email, name, role) in Accounts.Where(a => a.Role != "applicant, Belleville"))
            {
                var user = new CoopUser
                {
                    UserName = email, Email = email, EmailConfirmed = true, DisplayName = name,
                    IsPlatformOperator = role == "platform operator",
                    PreferredLocale = email is "chloe@demo.coop" or "david@demo.coop" ? TenantLocale.FrenchCanada : TenantLocale.FrenchFrance,
                };
                var result = await manager.CreateAsync(user, Password);
                if (!result.Succeeded) throw new InvalidOperationException($"Demo account {email}: {string.Join(", ", result.Errors.Select(e => e.Code))}");
                users[email] = user;
            }
        }

        await AddStatutesAsync(belleville, users["admin@demo.coop"],
            "# Charte du Tiers-lieu de Belleville\n\n## 1. Nous décidons ensemble\nChaque associé a une voix dans son collège.\n\n" +
            "## 2. Nous prenons soin du lieu et des personnes\nRespect, écoute, pas de propos discriminants.\n\n## 3. Transparence\nLes comptes et les décisions sont ouverts aux membres.", ct);
        await AddStatutesAsync(limoilou, users["chloe@demo.coop"],
            "# Charte de l'Épicerie solidaire de Limoilou\n\n1. Une membre, une voix.\n2. Des prix justes pour les producteurs et les familles.\n3. Chacun donne un peu de son temps.", ct);
        await AddMembersAsync(belleville, ct,
            (users["admin@demo.coop"], MemberRoles.Admin | MemberRoles.Moderator),
            (users["tresorier@demo.coop"], MemberRoles.Treasurer),
            (users["alice@demo.coop"], MemberRoles.Member),
            (users["bruno@demo.coop"], MemberRoles.Member));
        await AddMembersAsync(limoilou, ct,
            (users["chloe@demo.coop"], MemberRoles.Admin | MemberRoles.Treasurer),
            (users["david@demo.coop"], MemberRoles.Member),
            (users["bruno@demo.coop"], MemberRoles.Member));

        await AddSharesAndApplicationAsync(belleville, users, ct);
        await AddGovernanceAsync(belleville, ct);
        await AddCommunityAsync(belleville, ct);
        await AddTreasuryAsync(belleville, ct);
        await AddAudienceAsync(belleville, ct);
        logger.LogInformation("Demo seeded: two cooperatives and {Count} accounts", Accounts.Count);
        return true;
    }

    /// <summary>The newcomer's banner, once the server listens: where to go and how to sign in.</summary>
    public static string Banner(IEnumerable<string> urls) =>
        $"Coop is running at {string.Join(", ", urls)}\nDemo accounts (password \"{Password}\"):\n" +
        string.Join("\n", Accounts.Select(a => $"  {a.Email,-22} {a.Role}")) +
        "\nOutgoing mail (Development): /dev/mail";

    // The legal form's preset colleges and categories, and a published first charter.
    private async Task AddStatutesAsync(Tenant tenant, CoopUser author, string charter, CancellationToken ct)
    {
        await using var scope = tenantScopes.Begin(TenantInfo.From(tenant), "demo seed");
        var db = scope.ServiceProvider.GetRequiredService<CoopDbContext>();
        var preset = StatutesPresets.For(tenant.LegalForm);
        db.VotingColleges.AddRange(preset.Colleges);
        db.MemberCategories.AddRange(preset.Categories);
        var version = new CharterVersion(charter, author.Id, clock.GetUtcNow());
        version.Publish(1, "Première version", author.Id, clock.GetUtcNow());
        db.CharterVersions.Add(version);
        await db.SaveChangesAsync(ct);
    }

    // Every Belleville member subscribed shares and accepted the charter; Alice's friend Zoé has applied.
    private async Task AddSharesAndApplicationAsync(Tenant tenant, Dictionary<string, CoopUser> users, CancellationToken ct)
    {
        await using var scope = tenantScopes.Begin(TenantInfo.From(tenant), "demo seed");
        var db = scope.ServiceProvider.GetRequiredService<CoopDbContext>();
        var charter = await db.CharterVersions.SingleAsync(ct);
        var now = clock.GetUtcNow();
        var day = 3;
        foreach (var member in await db.Members.ToListAsync(ct))
        {
            db.CharterAcceptances.Add(new CharterAcceptance(member.Id, charter.Id, 1, now));
            var shares = member.Roles.HasFlag(MemberRoles.Admin) ? 5 : 2;
            db.ShareMovements.Add(new ShareMovement(member.Id, ShareMovementKind.Subscription, shares, tenant.ShareNominalValueMinor,
                shares * tenant.ShareNominalValueMinor, new DateOnly(2026, 1, day), $"BS-2026-{day:00}", users["tresorier@demo.coop"].Id, now));
            day++;
        }
        var manager = scope.ServiceProvider.GetRequiredService<UserManager<CoopUser>>();
        var zoe = new CoopUser { UserName = "zoe@demo.coop", Email = "zoe@demo.coop", EmailConfirmed = true, DisplayName = "Zoé Lambert", PreferredLocale = TenantLocale.FrenchFrance };
        var created = await manager.CreateAsync(zoe, Password);
        if (!created.Succeeded) throw new InvalidOperationException("Demo account zoe@demo.coop could not be created.");
        var categoryId = await db.MemberCategories.Where(c => c.Kind == CategoryKind.User).Select(c => c.Id).FirstAsync(ct);
        var application = Member.Apply(zoe.Id, zoe.DisplayName, categoryId, "J'habite le quartier et je voudrais animer l'atelier vélo.", now);
        db.Members.Add(application);
        db.CharterAcceptances.Add(new CharterAcceptance(application.Id, charter.Id, 1, now));
        await MemberCounter.SaveAndRecountAsync(db, ct);
    }

    // Colleges for Belleville's members, an open poll and a convened general assembly, so votes can be tried at once.
    private async Task AddGovernanceAsync(Tenant tenant, CancellationToken ct)
    {
        await using var scope = tenantScopes.Begin(TenantInfo.From(tenant), "demo seed");
        var services = scope.ServiceProvider;
        var db = services.GetRequiredService<CoopDbContext>();
        var categories = await db.MemberCategories.ToDictionaryAsync(c => c.Kind, c => c.Id, ct);
        var members = await db.Members.Where(m => m.Status == MembershipStatus.Active).OrderBy(m => m.CreatedAt).ToListAsync(ct);
        CategoryKind[] kinds = [CategoryKind.Worker, CategoryKind.Worker, CategoryKind.User, CategoryKind.Supporting];
        for (var i = 0; i < members.Count; i++) members[i].ChooseCategory(categories[kinds[i % kinds.Length]]);
        await db.SaveChangesAsync(ct);

        var now = clock.GetUtcNow();
        var admin = members[0].Id;
        var poll = new Vote(null, 0, "Quel nom pour la salle associative ?", "Classez les propositions du comité d'animation.", VoteMethod.RankedChoice,
            DecisionType.Consultation, ["La Ruche", "Le Quai", "L'Atelier", "La Fabrique"], 1, false, false, false, false, now.AddDays(10), admin, now);
        db.Votes.Add(poll);
        await services.GetRequiredService<VoteLifecycle>().OpenPollAsync(poll, ct);

        var assembly = new Assembly("Assemblée générale ordinaire 2026", DecisionType.OrdinaryAssembly, Convocation.First, new DateTimeOffset(now.AddDays(21).Date.AddHours(16), TimeSpan.Zero),
            "Salle associative, 12 rue de Belleville, Paris", "https://meet.jit.si/tiers-lieu-belleville-ag-2026",
            "Rapport de gestion | https://example.org/rapport-2025.pdf", true, Assembly.DefaultNoticeDays, null, now);
        db.Assemblies.Add(assembly);
        db.Votes.Add(new Vote(assembly.Id, 1, "Approbation des comptes 2025", "L'assemblée approuve les comptes de l'exercice 2025.", VoteMethod.Resolution,
            DecisionType.OrdinaryAssembly, [], 1, false, true, false, true, null, admin, now));
        db.Votes.Add(new Vote(assembly.Id, 2, "Élection au conseil coopératif", "Candidature d'Alice Martin pour le collège des usagers.", VoteMethod.Resolution,
            DecisionType.OrdinaryAssembly, [], 1, true, true, true, true, null, admin, now));
        await db.SaveChangesAsync(ct);
        var time = services.GetRequiredService<TenantTime>();
        await services.GetRequiredService<AssemblyFlow>().ConveneAsync(assembly, time.Format(assembly.ScheduledAt), assembly.Place!, ct);
    }

    // Two spaces with a few exchanges, newest first as members will read them.
    private async Task AddCommunityAsync(Tenant tenant, CancellationToken ct)
    {
        await using var scope = tenantScopes.Begin(TenantInfo.From(tenant), "demo seed");
        var db = scope.ServiceProvider.GetRequiredService<CoopDbContext>();
        var members = await db.Members.Where(m => m.Status == MembershipStatus.Active).OrderBy(m => m.CreatedAt).ToListAsync(ct);
        var now = clock.GetUtcNow();
        var workshop = new Space("Atelier vélo", "Réparer ensemble, prêter des outils, organiser les samedis.", SpaceVisibility.Members, members[0].Id, now.AddDays(-20));
        var board = new Space("Conseil coopératif", "Préparation des décisions du conseil.", SpaceVisibility.InviteOnly, members[0].Id, now.AddDays(-20));
        db.Spaces.AddRange(workshop, board);
        db.SpaceMemberships.Add(new SpaceMembership(workshop.Id, members[0].Id, true, now.AddDays(-20)));
        db.SpaceMemberships.Add(new SpaceMembership(board.Id, members[0].Id, true, now.AddDays(-20)));
        var first = new Post(workshop.Id, members[2 % members.Count].Id, "Samedi : crevaisons et freins",
            "On tient l'atelier **samedi de 10 h à 13 h**. Apportez vos chambres à air percées !", now.AddDays(-3));
        var second = new Post(workshop.Id, members[0].Id, null, "Merci à toutes celles et ceux qui ont rangé l'atelier hier soir.", now.AddDays(-1));
        db.Posts.AddRange(first, second);
        db.Comments.Add(new Comment(first.Id, null, members[3 % members.Count].Id, "J'apporte des rustines et la pompe à pied.", now.AddDays(-2)));
        await db.SaveChangesAsync(ct);
        await db.Posts.Where(p => p.Id == first.Id).ExecuteUpdateAsync(u => u.SetProperty(p => p.CommentCount, 1), ct);
    }

    // This year's dues called in Belleville (reduced for users, pay what you can for supporters); two paid by cheque
    // and by transfer. Online payment stays off until a Stripe key and the cooperative's account are configured.
    private async Task AddTreasuryAsync(Tenant tenant, CancellationToken ct)
    {
        await using var scope = tenantScopes.Begin(TenantInfo.From(tenant), "demo seed");
        var services = scope.ServiceProvider;
        var db = services.GetRequiredService<CoopDbContext>();
        var today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        var plan = new DuesPlan("Cotisation annuelle", DuesPeriod.Yearly, 0, new DateOnly(today.Year, 1, 1), 3_000, 30, clock.GetUtcNow());
        db.DuesPlans.Add(plan);
        foreach (var category in await db.MemberCategories.AsNoTracking().ToListAsync(ct))
        {
            if (category.Name.StartsWith("Usager", StringComparison.Ordinal)) db.DuesTariffs.Add(new DuesTariff(plan.Id, category.Id, TariffKind.Reduced, 1_000));
            else if (category.Name.StartsWith("Soutien", StringComparison.Ordinal)) db.DuesTariffs.Add(new DuesTariff(plan.Id, category.Id, TariffKind.PayWhatYouCan, 500));
        }
        await db.SaveChangesAsync(ct);
        await services.GetRequiredService<DuesCalling>().CallAsync(plan.Id, today, ct);
        var treasurer = await db.Members.AsNoTracking().FirstAsync(m => (m.Roles & MemberRoles.Treasurer) != 0, ct);
        var calls = await db.DuesCalls.AsNoTracking().OrderBy(c => c.CreatedAt).Take(2).ToListAsync(ct);
        var desk = services.GetRequiredService<PaymentDesk>();
        for (var i = 0; i < calls.Count; i++)
            await desk.RecordAsync(new ManualPayment(calls[i].MemberId, PaymentPurpose.Dues, calls[i].Id, calls[i].AmountMinor,
                i == 0 ? PaymentMethod.Cheque : PaymentMethod.Transfer, i == 0 ? "Chèque 0001234" : "VIR-BELLEVILLE-01", today), treasurer.Id, ct);
    }

    // Belleville's public: two purposes, a few contacts who consented on paper at the neighbourhood fair (one without
    // consent, so not e-mailable), a segment, a privacy officer, and a request waiting on the admins' desk.
    private async Task AddAudienceAsync(Tenant tenant, CancellationToken ct)
    {
        await using var scope = tenantScopes.Begin(TenantInfo.From(tenant), "demo seed");
        var services = scope.ServiceProvider;
        var db = services.GetRequiredService<CoopDbContext>();
        var now = clock.GetUtcNow();
        var letter = new Purpose("Lettre du tiers-lieu", now);
        var events = new Purpose("Programme des ateliers", now);
        db.Purposes.AddRange(letter, events);
        db.PurposeTexts.Add(letter.Word("Je souhaite recevoir la lettre mensuelle du tiers-lieu. Je peux me désinscrire en un clic.", now));
        db.PurposeTexts.Add(events.Word("Je souhaite recevoir le programme des ateliers (au plus une fois par semaine).", now));
        var people = new[]
        {
            new Contact("Inès Moreau", "ines.moreau@exemple.org", null, "75020", ["vélo", "bénévole"], "Fête de quartier 2026", now),
            new Contact("Karim Haddad", "karim.haddad@exemple.org", "06 12 34 56 78", "75019", ["vélo"], "Fête de quartier 2026", now),
            new Contact("Louise Petit", "louise.petit@exemple.org", null, "93260", ["cantine"], "Fête de quartier 2026", now),
            new Contact("Marc Blanc", "marc.blanc@exemple.org", null, "75020", [], "Fête de quartier 2026", now),
        };
        db.Contacts.AddRange(people);
        await db.SaveChangesAsync(ct);
        var book = services.GetRequiredService<ConsentBook>();
        var fair = now.AddDays(-20);
        await book.GiveAsync(people[0], letter, ConsentChannel.Paper, "Fiches de la fête de quartier, n° 4", fair, ct);
        await book.GiveAsync(people[0], events, ConsentChannel.Paper, "Fiches de la fête de quartier, n° 4", fair, ct);
        await book.GiveAsync(people[1], events, ConsentChannel.Paper, "Fiches de la fête de quartier, n° 9", fair, ct);
        await book.GiveAsync(people[2], letter, ConsentChannel.Paper, "Fiches de la fête de quartier, n° 11", fair, ct);
        db.Segments.Add(new Segment("Cyclistes du 20e", events.Id, "vélo", "750", now));
        (await db.Tenants.SingleAsync(t => t.Id == tenant.Id, ct)).ConfigurePrivacy("Amina Admin, référente données personnelles", "donnees@belleville.demo.coop", 12);
        db.PrivacyRequests.Add(new PrivacyRequest(PrivacyRequestKind.Rectification, PrivacySubject.Contact, people[3].Id, people[3].Name,
            people[3].Email, "Mon code postal a changé : 75011.", now.AddDays(-25)));
        await db.SaveChangesAsync(ct);
    }

    private async Task AddMembersAsync(Tenant tenant, CancellationToken ct, params (CoopUser User, MemberRoles Roles)[] members)
    {
        await using var scope = tenantScopes.Begin(TenantInfo.From(tenant), "demo seed");
        var db = scope.ServiceProvider.GetRequiredService<CoopDbContext>();
        // Demo members joined a year ago, so the new-member posting limit does not stand in a visitor's way.
        foreach (var (user, roles) in members) db.Members.Add(new Member(user.Id, user.DisplayName, roles, clock.GetUtcNow().AddYears(-1)));
        await MemberCounter.SaveAndRecountAsync(db, ct);
    }
}
