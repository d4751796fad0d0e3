using Coop.Data;
using Coop.Data.Tenancy;
using Coop.Domain.Governance;
using Coop.Web.Features.Governance;
using Coop.Web.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace Coop.Browser.Tests;

/// <summary>Voting as a member does it on a phone, with the keyboard only.</summary>
public sealed class GovernanceJourneyTests : BrowserFixture
{
    private GovernanceSeed _votes = null!;

    [OneTimeSetUp]
    public async Task SeedAsync() => _votes = await GovernanceSeed.CreateAsync(App, World);

    [Test]
    public async Task A_member_votes_and_changes_their_vote_with_the_keyboard_on_a_phone()
    {
        var page = await NewPageAsync(width: 360, height: 740);
        await SignInAsync(page, World.MemberA.Email!, World.Password);
        await page.GotoAsync($"/c/{World.A.Slug}/votes");
        await TabToAsync(page, $"a[href$='/votes/{_votes.OpenProposal}']");
        await page.Keyboard.PressAsync("Enter");
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("Ouvrir le samedi matin ?");

        await TabToAsync(page, "input[name=Choice]");
        await page.Keyboard.PressAsync("Space");
        await page.Keyboard.PressAsync("ArrowDown");
        await TabToAsync(page, "textarea[name=Reason]");
        await page.Keyboard.TypeAsync("Je peux tenir l'accueil.");
        await TabToAsync(page, "form.ballot button[type=submit]");
        await page.Keyboard.PressAsync("Enter");

        await Assertions.Expect(page.Locator(".flash")).ToHaveTextAsync("Votre vote est enregistré.");
        await Assertions.Expect(page.Locator(".receipt")).ToHaveTextAsync(new System.Text.RegularExpressions.Regex("^[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4}$"));
        await Assertions.Expect(page.GetByText("Votre bulletin actuel : Abstention")).ToBeVisibleAsync();
        var overflow = await page.EvaluateAsync<int>("() => document.documentElement.scrollWidth - document.documentElement.clientWidth");
        Assert.That(overflow, Is.LessThanOrEqualTo(0), "the vote page fits the phone");

        // Change of mind: the last ballot is the one that counts.
        await TabToAsync(page, "input[name=Choice]:checked");
        await page.Keyboard.PressAsync("ArrowUp");
        await TabToAsync(page, "form.ballot button[type=submit]");
        await page.Keyboard.PressAsync("Enter");
        await Assertions.Expect(page.GetByText("Votre bulletin actuel : D'accord")).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("#results")).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("table").First).ToContainTextAsync("D'accord");
    }

    [Test]
    public async Task A_member_grades_options_by_majority_judgment_with_the_keyboard()
    {
        var page = await NewPageAsync(width: 320, height: 640);
        await SignInAsync(page, World.AdminA.Email!, World.Password);
        await page.GotoAsync($"/c/{World.A.Slug}/votes/{_votes.OpenJudgment}");
        for (var option = 0; option < 3; option++)
        {
            await TabToAsync(page, $"input[name='Values[{option}]']");
            await page.Keyboard.PressAsync("Space");
            for (var down = 0; down < option + 1; down++) await page.Keyboard.PressAsync("ArrowDown");
        }
        await TabToAsync(page, "form.ballot button[type=submit]");
        await page.Keyboard.PressAsync("Enter");
        await Assertions.Expect(page.Locator(".flash")).ToHaveTextAsync("Votre vote est enregistré.");
        await Assertions.Expect(page.GetByText("Vélo : Très bien · Couture : Bien · Informatique : Assez bien", new() { Exact = true })).ToBeVisibleAsync();
        var overflow = await page.EvaluateAsync<int>("() => document.documentElement.scrollWidth - document.documentElement.clientWidth");
        Assert.That(overflow, Is.LessThanOrEqualTo(0));
    }

    [Test]
    public async Task The_assembly_page_updates_live_when_the_chair_records_attendance()
    {
        var page = await NewPageAsync();
        await SignInAsync(page, World.MemberA.Email!, World.Password);
        await page.GotoAsync($"/c/{World.A.Slug}/assemblies/{_votes.ConvenedAssembly}");
        await Assertions.Expect(page.Locator("#assembly-live")).ToHaveAttributeAsync("data-live", "connected");   // the page is listening
        await Assertions.Expect(page.Locator("#assembly-live")).ToContainTextAsync("0 présents");

        await using (var scope = App.Services.GetRequiredService<TenantScopeFactory>().Begin(TenantInfo.From(World.A), "browser test"))
        {
            var db = scope.ServiceProvider.GetRequiredService<CoopDbContext>();
            var flow = scope.ServiceProvider.GetRequiredService<AssemblyFlow>();
            var assembly = await db.Assemblies.SingleAsync(a => a.Id == _votes.ConvenedAssembly);
            var admin = await db.Members.Where(m => m.UserId == World.AdminA.Id).Select(m => m.Id).SingleAsync();
            await flow.OpenSessionAsync(assembly, admin, admin, CancellationToken.None);
            await flow.CheckInAsync(assembly, admin, Attendance.Present, CancellationToken.None);
        }
        // No reload: the hub said "changed" and the page fetched its live part again.
        await Assertions.Expect(page.Locator("#assembly-live")).ToContainTextAsync("1 présents");
        await Assertions.Expect(page.Locator("#assembly-live")).ToContainTextAsync("En séance");
    }
}
