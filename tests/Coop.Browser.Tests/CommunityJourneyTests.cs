using Microsoft.Playwright;

namespace Coop.Browser.Tests;

/// <summary>Writing in the community as members do it on a phone, with the keyboard only: a post that mentions someone, and the answer.</summary>
public sealed class CommunityJourneyTests : BrowserFixture
{
    private CommunitySeed _seed = null!;

    [OneTimeSetUp]
    public async Task SeedAsync() => _seed = await CommunitySeed.CreateAsync(App, World);

    [Test]
    public async Task A_member_posts_mentions_and_is_mentioned_with_the_keyboard_only()
    {
        var member = await NewPageAsync(width: 360, height: 740);
        await SignInAsync(member, World.MemberA.Email!, Web.Tests.Support.World.Password);
        await member.GotoAsync($"/c/{World.A.Slug}/spaces/{_seed.Space}");
        await TabToAsync(member, "#f-Title");
        await member.Keyboard.TypeAsync("Outils à prêter");
        await TabToAsync(member, "#f-Body");
        await member.Keyboard.TypeAsync("Qui a une clé de 15 ? @Admin A, tu en avais une.");
        await TabToAsync(member, "form.form--wide button[type=submit]");
        await member.Keyboard.PressAsync("Enter");
        await Assertions.Expect(member.Locator(".flash")).ToHaveTextAsync("Votre message est publié.");
        await Assertions.Expect(member.Locator("h1")).ToHaveTextAsync("Outils à prêter");

        // The admin finds the mention in their notifications and answers, mentioning the member back.
        var admin = await NewPageAsync(width: 360, height: 740);
        await SignInAsync(admin, World.AdminA.Email!, Web.Tests.Support.World.Password);
        await admin.GotoAsync($"/c/{World.A.Slug}/notifications");
        await TabToAsync(admin, "main li a");
        await Assertions.Expect(admin.Locator("main li a").First).ToHaveTextAsync("Membre A vous a mentionné·e dans « Outils à prêter »");
        await admin.Keyboard.PressAsync("Enter");
        await Assertions.Expect(admin.Locator("h1")).ToHaveTextAsync("Outils à prêter");
        await TabToAsync(admin, "#f-Comment");
        await admin.Keyboard.TypeAsync("Oui, @Membre A : je la dépose samedi.");
        await TabToAsync(admin, "#comments form.form--wide button[type=submit]");
        await admin.Keyboard.PressAsync("Enter");
        await Assertions.Expect(admin.Locator(".comments")).ToContainTextAsync("je la dépose samedi");

        // The admin thanks the member privately, still with the keyboard.
        await TabToAsync(admin, "form[action$='/thanks'] button");
        await admin.Keyboard.PressAsync("Enter");
        await Assertions.Expect(admin.Locator(".flash")).ToHaveTextAsync("Merci transmis, en privé.");

        // The member is told of both, and nowhere else.
        await member.GotoAsync($"/c/{World.A.Slug}/notifications");
        await Assertions.Expect(member.Locator("main li a")).ToHaveTextAsync(
            ["Admin A vous remercie pour « Outils à prêter »", "Admin A vous a mentionné·e dans « Outils à prêter »"]);
        var overflow = await member.EvaluateAsync<int>("() => document.documentElement.scrollWidth - document.documentElement.clientWidth");
        Assert.That(overflow, Is.LessThanOrEqualTo(0), "the notifications fit the phone");
    }
}
