using Coop.Data;
using Coop.Data.Accounts;
using Coop.Data.Tenancy;
using Coop.Domain.Membership;
using Coop.Domain.Tenancy;
using Coop.Web.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace Coop.Web.Tests.Governance;

/// <summary>
/// A fresh SCIC for one test: three colleges (workers 30 %, users 40 %, supporters 30 %), an admin and
/// members in each college, every one with an account that can sign in.
/// </summary>
public sealed record Scic(Tenant Tenant, IReadOnlyList<(CoopUser User, Member Member, string College)> People)
{
    public string Slug => Tenant.Slug;
    public (CoopUser User, Member Member, string College) Admin => People[0];
    public (CoopUser User, Member Member, string College) Person(string name) => People.Single(p => p.Member.DisplayName == name);

    /// <param name="people">Display name and college (Salariés, Usagers, Soutiens) of each member; the first is the admin.</param>
    public static async Task<Scic> CreateAsync(IServiceProvider services, LegalForm form, params (string Name, string College)[] people)
    {
        var suffix = Guid.NewGuid().ToString("N")[..6];
        var tenant = new Tenant($"scic-{suffix}", "SCIC des Lilas", form, Territory.Of("FR", "Île-de-France", "Les Lilas"),
            TenantLocale.FrenchFrance, "Europe/Paris", TenantCurrency.Euro, DateTimeOffset.UtcNow);
        tenant.Activate();
        await using (var scope = services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<CoopDbContext>();
            db.Tenants.Add(tenant);
            await db.SaveChangesAsync();
        }
        var users = new List<CoopUser>();
        for (var i = 0; i < people.Length; i++) users.Add(await World.UserAsync(services, $"person{i}-{suffix}@test.coop", people[i].Name));

        await using var tenantScope = services.GetRequiredService<TenantScopeFactory>().Begin(TenantInfo.From(tenant), "governance test");
        var tdb = tenantScope.ServiceProvider.GetRequiredService<CoopDbContext>();
        var categories = new Dictionary<string, MemberCategory>();
        if (form == LegalForm.Scic)
        {
            foreach (var (name, weight) in new[] { ("Salariés", 30), ("Usagers", 40), ("Soutiens", 30) })
            {
                var college = new VotingCollege(name, weight);
                tdb.VotingColleges.Add(college);
                categories[name] = new MemberCategory(name, CategoryKind.User, 1, college.Id);
            }
        }
        else
        {
            foreach (var name in people.Select(p => p.College).Distinct()) categories[name] = new MemberCategory(name, CategoryKind.User, 1, null);
        }
        tdb.MemberCategories.AddRange(categories.Values);
        var list = new List<(CoopUser, Member, string)>();
        for (var i = 0; i < people.Length; i++)
        {
            var member = new Member(users[i].Id, people[i].Name, i == 0 ? MemberRoles.Admin : MemberRoles.Member, DateTimeOffset.UtcNow);
            member.ChooseCategory(categories[people[i].College].Id);
            tdb.Members.Add(member);
            list.Add((users[i], member, people[i].College));
        }
        await tdb.SaveChangesAsync();
        return new Scic(tenant, list);
    }

    public async Task<PageClient> SignInAsync(CoopApp app, string name)
    {
        ArgumentNullException.ThrowIfNull(app);
        var client = app.Visitor();
        await client.SignInAsync(Person(name).User.Email!, World.Password);
        return client;
    }

    /// <summary>An instant as a Paris member types it in a date-and-time field.</summary>
    public static string LocalInput(DateTimeOffset at) =>
        TimeZoneInfo.ConvertTime(at, TimeZoneInfo.FindSystemTimeZoneById("Europe/Paris")).ToString("yyyy-MM-ddTHH:mm", System.Globalization.CultureInfo.InvariantCulture);

    public AsyncServiceScope Scope(IServiceProvider services) =>
        services.GetRequiredService<TenantScopeFactory>().Begin(TenantInfo.From(Tenant), "governance test");
}
