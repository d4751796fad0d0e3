using Coop.Data;
using Coop.Data.Accounts;
using Coop.Data.Tenancy;
using Coop.Domain.Membership;
using Coop.Domain.Tenancy;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;

namespace Coop.Web.Tests.Support;

/// <summary>
/// Two cooperatives with their people, written through the app's own services: A (SCIC, Paris) and B (Québec
/// solidarity co-op). Each has an admin and a member; <see cref="Both"/> belongs to both.
/// </summary>
public sealed class World
{
    public const string Password = "un mot de passe solide";

    public required Tenant A { get; init; }
    public required Tenant B { get; init; }
    public required CoopUser AdminA { get; init; }
    public required CoopUser AdminB { get; init; }
    public required CoopUser MemberA { get; init; }
    public required CoopUser MemberB { get; init; }
    public required CoopUser Both { get; init; }
    public required Member MemberAInA { get; init; }
    public required Member MemberBInB { get; init; }

    /// <summary>A new platform operator, signed in.</summary>
    public static async Task<PageClient> OperatorAsync(CoopApp app)
    {
        ArgumentNullException.ThrowIfNull(app);
        var email = $"op-{Guid.NewGuid():N}@test.coop";
        var user = await UserAsync(app.Services, email, "Opératrice");
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<CoopUser>>();
            var tracked = await users.FindByIdAsync(user.Id.ToString());
            tracked!.IsPlatformOperator = true;
            await users.UpdateAsync(tracked);
        }
        var client = app.Visitor();
        await client.SignInAsync(email, Password);
        return client;
    }

    public static async Task<World> CreateAsync(IServiceProvider services)
    {
        var now = DateTimeOffset.UtcNow;
        var suffix = Guid.NewGuid().ToString("N")[..6];
        var a = new Tenant($"coop-a-{suffix}", "Coopérative A", LegalForm.Scic, Territory.Of("FR", "Île-de-France", "Paris"),
            TenantLocale.FrenchFrance, "Europe/Paris", TenantCurrency.Euro, now);
        var b = new Tenant($"coop-b-{suffix}", "Coopérative B", LegalForm.QuebecSolidarityCoop, Territory.Of("CA", "Québec", "Limoilou"),
            TenantLocale.FrenchCanada, "America/Toronto", TenantCurrency.CanadianDollar, now);
        a.Activate();
        b.Activate();

        await using (var scope = services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<CoopDbContext>();
            db.Tenants.AddRange(a, b);
            await db.SaveChangesAsync();
        }
        var adminA = await UserAsync(services, $"admin-a-{suffix}@test.coop", "Admin A");
        var adminB = await UserAsync(services, $"admin-b-{suffix}@test.coop", "Admin B");
        var memberA = await UserAsync(services, $"member-a-{suffix}@test.coop", "Membre A");
        var memberB = await UserAsync(services, $"member-b-{suffix}@test.coop", "Membre B");
        var both = await UserAsync(services, $"both-{suffix}@test.coop", "Membre des deux");

        var inA = await MembersAsync(services, a, (adminA, MemberRoles.Admin), (memberA, MemberRoles.Member), (both, MemberRoles.Member));
        var inB = await MembersAsync(services, b, (adminB, MemberRoles.Admin), (memberB, MemberRoles.Member), (both, MemberRoles.Member));
        return new World
        {
            A = a, B = b, AdminA = adminA, AdminB = adminB, MemberA = memberA, MemberB = memberB, Both = both,
            MemberAInA = inA[1], MemberBInB = inB[1],
        };
    }

    public static async Task<CoopUser> UserAsync(IServiceProvider services, string email, string name, bool confirmed = true)
    {
        await using var scope = services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<CoopUser>>();
        var user = new CoopUser { UserName = email, Email = email, DisplayName = name, EmailConfirmed = confirmed, PreferredLocale = "fr-FR" };
        var result = await users.CreateAsync(user, Password);
        Assert.That(result.Succeeded, Is.True, string.Join(", ", result.Errors.Select(e => e.Code)));
        return user;
    }

    private static async Task<List<Member>> MembersAsync(IServiceProvider services, Tenant tenant, params (CoopUser User, MemberRoles Roles)[] people)
    {
        await using var scope = services.GetRequiredService<TenantScopeFactory>().Begin(TenantInfo.From(tenant), "test world");
        var db = scope.ServiceProvider.GetRequiredService<CoopDbContext>();
        var members = people.Select(p => new Member(p.User.Id, p.User.DisplayName, p.Roles, DateTimeOffset.UtcNow)).ToList();
        db.Members.AddRange(members);
        await db.SaveChangesAsync();
        return members;
    }
}
