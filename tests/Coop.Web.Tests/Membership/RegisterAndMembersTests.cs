using System.Net;
using System.Text;
using Coop.Data;
using Coop.Data.Tenancy;
using Coop.Domain.Membership;
using Coop.Web.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Coop.Web.Tests.Membership;

[TestFixtureSource(typeof(AppFixture), nameof(AppFixture.Providers))]
public sealed class RegisterAndMembersTests(DatabaseProvider provider) : AppFixture(provider)
{
    private async Task<PageClient> AdminAsync()
    {
        var admin = App.Visitor();
        await admin.SignInAsync(World.AdminA.Email!, World.Password);
        return admin;
    }

    private Task<Page> RecordAsync(PageClient admin, Guid memberId, string kind, int shares, string paid, string reference) =>
        admin.SubmitAsync($"/c/{World.A.Slug}/admin/shares", $"/c/{World.A.Slug}/admin/shares", new Dictionary<string, string>
        {
            ["MemberId"] = memberId.ToString(), ["Kind"] = kind, ["Shares"] = shares.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Date"] = "2026-03-01", ["AmountPaid"] = paid, ["Reference"] = reference,
        });

    [Test]
    public async Task The_register_records_subscriptions_and_refunds_with_running_totals_and_exports_safely()
    {
        var admin = await AdminAsync();
        var member = await NewMemberAsync("=HYPERLINK(\"http://evil\")");
        Assert.That((await RecordAsync(admin, member, "Subscription", 5, "100", "CHQ-1")).Status, Is.EqualTo(HttpStatusCode.Redirect));
        Assert.That((await RecordAsync(admin, member, "Refund", 2, "40.00", "VIR-2")).Status, Is.EqualTo(HttpStatusCode.Redirect));

        var tooMany = await RecordAsync(admin, member, "Refund", 4, "0", "x");
        Assert.That(tooMany.Contains("Ce membre ne détient que 3 part(s)"), Is.True);
        var tooMuch = await RecordAsync(admin, member, "Subscription", 1, "20,01", "x");
        Assert.That(tooMuch.Contains("Le montant dépasse la valeur des parts"), Is.True);
        var negative = await RecordAsync(admin, member, "Subscription", -1, "0", "x");
        Assert.That(negative.Contains("Indiquez un nombre de parts entre 1 et 1 000 000."), Is.True);

        var page = await admin.GetAsync($"/c/{World.A.Slug}/admin/shares");
        Assert.That(page.Contains("Capital souscrit : 60,00"), Is.True, "3 shares of 20 € after the refund");

        using var csv = await admin.Http.GetAsync($"/c/{World.A.Slug}/admin/shares.csv");
        Assert.That(csv.Content.Headers.ContentType!.MediaType, Is.EqualTo("text/csv"));
        var text = Encoding.UTF8.GetString(await csv.Content.ReadAsByteArrayAsync());
        var lines = text.TrimStart('\uFEFF').Split(["\r\n", "\n"], StringSplitOptions.RemoveEmptyEntries);
        Assert.That(lines[0], Is.EqualTo("date,member,kind,shares,nominal_value,amount_paid,reference,member_shares_after,total_shares_after,capital_after,currency"));
        Assert.That(lines, Has.Length.EqualTo(3));
        Assert.That(lines[2], Does.EndWith(",Refund,2,20.00,40.00,VIR-2,3,3,60.00,EUR"));
        Assert.That(text, Does.Not.Contain(",=HYPERLINK"), "formula neutralised");
        Assert.That(text, Does.Contain("'=HYPERLINK"));

        using var members = await admin.Http.GetAsync($"/c/{World.A.Slug}/admin/members.csv");
        var membersText = await members.Content.ReadAsStringAsync();
        Assert.That(membersText, Does.Contain("Membre A").And.Not.Contain("Membre B"));
        Assert.That((await admin.GetAsync($"/c/{World.A.Slug}/admin/audit")).Contains("Export du registre"), Is.True);
    }

    [Test]
    public async Task Treasurers_keep_the_register_and_plain_members_do_not_see_it()
    {
        var treasurer = await World.UserAsync(App.Services, $"treso-{Guid.NewGuid():N}@test.coop", "Trésorière");
        await AddMemberAsync(treasurer.Id, "Trésorière", MemberRoles.Treasurer);
        var t = App.Visitor();
        await t.SignInAsync(treasurer.Email!, World.Password);
        Assert.That((await t.GetAsync($"/c/{World.A.Slug}/admin/shares")).Status, Is.EqualTo(HttpStatusCode.OK));
        Assert.That((await t.GetAsync($"/c/{World.A.Slug}/admin/settings")).Status, Is.EqualTo(HttpStatusCode.Forbidden));
        var m = App.Visitor();
        await m.SignInAsync(World.MemberA.Email!, World.Password);
        Assert.That((await m.GetAsync($"/c/{World.A.Slug}/admin/shares")).Status, Is.EqualTo(HttpStatusCode.Forbidden));
        Assert.That((await m.GetAsync($"/c/{World.A.Slug}/admin/shares.csv")).Status, Is.EqualTo(HttpStatusCode.Forbidden));
    }

    [Test]
    public async Task A_person_sees_all_their_cooperatives_and_only_theirs()
    {
        var both = App.Visitor();
        await both.SignInAsync(World.Both.Email!, World.Password);
        var page = await both.GetAsync("/account/cooperatives");
        Assert.That(page.Contains("Coopérative A") && page.Contains("Coopérative B"), Is.True);

        var onlyA = App.Visitor();
        await onlyA.SignInAsync(World.MemberA.Email!, World.Password);
        var mine = await onlyA.GetAsync("/account/cooperatives");
        Assert.That(mine.Contains("Coopérative A"), Is.True);
        Assert.That(mine.Contains("Coopérative B"), Is.False);
    }

    [Test]
    public async Task An_admin_invites_someone_who_joins_with_the_role_given()
    {
        var admin = await AdminAsync();
        var email = $"invitee-{Guid.NewGuid():N}@test.coop";
        var sent = await admin.SubmitAsync($"/c/{World.A.Slug}/admin/members", $"/c/{World.A.Slug}/admin/members/invite",
            new Dictionary<string, string> { ["Email"] = email, ["Role"] = "Moderator" });
        Assert.That(sent.Status, Is.EqualTo(HttpStatusCode.Redirect));
        await App.DeliverMailAsync();
        var mail = App.Smtp.To(email).Single();
        Assert.That(mail.Subject, Is.EqualTo("Invitation à rejoindre Coopérative A"));
        Assert.That(mail.Text, Does.Contain("Admin A vous invite"));
        await World.UserAsync(App.Services, email, "Invitée");
        var invitee = App.Visitor();
        await invitee.SignInAsync(email, World.Password);
        var link = new Uri(mail.FirstLink()).PathAndQuery;
        await invitee.SubmitAsync(link, link, new Dictionary<string, string>());
        var home = await invitee.GetAsync($"/c/{World.A.Slug}");
        Assert.That(home.Contains("membre, modération"), Is.True);
    }

    [Test]
    public async Task Suspending_a_member_needs_a_reason_and_takes_effect_at_once()
    {
        var user = await World.UserAsync(App.Services, $"susp-{Guid.NewGuid():N}@test.coop", "Suspendu");
        var memberId = await AddMemberAsync(user.Id, "Suspendu", MemberRoles.Member);
        var member = App.Visitor();
        await member.SignInAsync(user.Email!, World.Password);
        Assert.That((await member.GetAsync($"/c/{World.A.Slug}/members")).Status, Is.EqualTo(HttpStatusCode.OK));

        var admin = await AdminAsync();
        var show = $"/c/{World.A.Slug}/admin/members/{memberId}";
        await admin.SubmitAsync(show, $"{show}/status", new Dictionary<string, string> { ["status"] = "Suspended", ["reason"] = "" });
        Assert.That((await member.GetAsync($"/c/{World.A.Slug}/members")).Status, Is.EqualTo(HttpStatusCode.OK), "no reason, no change");

        await admin.SubmitAsync(show, $"{show}/status", new Dictionary<string, string> { ["status"] = "Suspended", ["reason"] = "Manquement à la charte" });
        Assert.That((await member.GetAsync($"/c/{World.A.Slug}/members")).Status, Is.EqualTo(HttpStatusCode.Forbidden));
        Assert.That((await admin.GetAsync($"/c/{World.A.Slug}/admin/audit")).Contains("Manquement à la charte"), Is.True);
    }

    private async Task<Guid> NewMemberAsync(string name)
    {
        var user = await World.UserAsync(App.Services, $"reg-{Guid.NewGuid():N}@test.coop", name);
        return await AddMemberAsync(user.Id, name, MemberRoles.Member);
    }

    private async Task<Guid> AddMemberAsync(Guid userId, string name, MemberRoles roles)
    {
        await using var scope = App.Services.GetRequiredService<TenantScopeFactory>().Begin(TenantInfo.From(World.A), "test");
        var db = scope.ServiceProvider.GetRequiredService<CoopDbContext>();
        var member = new Member(userId, name, roles, DateTimeOffset.UtcNow);
        db.Members.Add(member);
        await db.SaveChangesAsync();
        return member.Id;
    }
}
