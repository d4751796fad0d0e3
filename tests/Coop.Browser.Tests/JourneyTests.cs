using Microsoft.Playwright;

namespace Coop.Browser.Tests;

public sealed class JourneyTests : BrowserFixture
{
    [Test]
    public async Task A_newcomer_registers_confirms_by_mail_signs_in_and_reaches_a_cooperative()
    {
        var page = await NewPageAsync();
        var email = $"nouvelle-{Guid.NewGuid():N}@test.coop";

        await page.GotoAsync("/");
        await page.GetByRole(AriaRole.Link, new() { Name = "Créer un compte" }).ClickAsync();
        await page.GetByLabel("Nom affiché").FillAsync("Nadia Nouvelle");
        await page.GetByLabel("Adresse e-mail").FillAsync(email);
        await page.GetByLabel("Mot de passe", new() { Exact = true }).FillAsync("une phrase assez longue");
        await page.GetByLabel("Confirmez le mot de passe").FillAsync("une phrase assez longue");
        await page.GetByRole(AriaRole.Button, new() { Name = "Créer mon compte" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Vérifiez vos e-mails" })).ToBeVisibleAsync();

        await App.DeliverMailAsync();
        var link = new Uri(App.Smtp.To(email).Single().FirstLink());
        await page.GotoAsync(link.PathAndQuery);
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Adresse confirmée" })).ToBeVisibleAsync();

        await page.GetByRole(AriaRole.Main).GetByRole(AriaRole.Link, new() { Name = "Se connecter" }).ClickAsync();
        await page.GetByLabel("Adresse e-mail").FillAsync(email);
        await page.Locator("#f-Password").FillAsync("une phrase assez longue");
        await page.GetByRole(AriaRole.Main).GetByRole(AriaRole.Button, new() { Name = "Se connecter" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Link, new() { Name = "Mon compte" })).ToBeVisibleAsync();

        await page.GetByRole(AriaRole.Link, new() { Name = "Coopérative A" }).First.ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Coopérative A", Level = 1 })).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByText("Vous n'êtes pas membre de cette coopérative.")).ToBeVisibleAsync();
    }

    [Test]
    public async Task The_language_switch_changes_every_string_and_is_remembered()
    {
        var page = await NewPageAsync();
        await page.GotoAsync("/account/login");
        await Assertions.Expect(page.Locator("html")).ToHaveAttributeAsync("lang", "fr-FR");
        await page.GetByLabel("Langue").SelectOptionAsync("en");
        await page.GetByRole(AriaRole.Button, new() { Name = "Changer" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Sign in", Level = 1 })).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("html")).ToHaveAttributeAsync("lang", "en");
        await page.GotoAsync("/");
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Cooperatives in our territories" })).ToBeVisibleAsync();
    }

    [Test]
    public async Task A_member_of_a_quebec_cooperative_sees_it_in_canadian_french_by_default()
    {
        var page = await NewPageAsync(locale: "en-US");
        await page.GotoAsync($"/c/{World.B.Slug}");
        // The cooperative's language (fr-CA) wins over the browser's when the visitor has not chosen one.
        await Assertions.Expect(page.Locator("html")).ToHaveAttributeAsync("lang", "fr-CA");
    }

    [Test]
    public async Task Pages_fit_a_320_pixel_phone_without_sideways_scrolling()
    {
        var page = await NewPageAsync(width: 320, height: 640);
        await SignInAsync(page, World.AdminA.Email!, Web.Tests.Support.World.Password);
        foreach (var path in new[] { "/", $"/c/{World.A.Slug}", $"/c/{World.A.Slug}/admin/members", "/account", "/account/two-factor",
                     $"/c/{World.A.Slug}/admin/settings", $"/c/{World.A.Slug}/admin/settings/statutes", $"/c/{World.A.Slug}/admin/shares",
                     $"/c/{World.A.Slug}/admin/charter", $"/c/{World.A.Slug}/admin/audit", $"/c/{World.A.Slug}/charter", "/account/cooperatives" })
        {
            await page.GotoAsync(path);
            var overflow = await page.EvaluateAsync<int>("() => document.documentElement.scrollWidth - document.documentElement.clientWidth");
            Assert.That(overflow, Is.LessThanOrEqualTo(0), path);
        }
    }

    [Test]
    public async Task The_skip_link_is_the_first_stop_and_focus_is_visible()
    {
        var page = await NewPageAsync();
        await page.GotoAsync("/account/login");
        await page.Keyboard.PressAsync("Tab");
        var focused = page.Locator(":focus");
        await Assertions.Expect(focused).ToHaveTextAsync("Aller au contenu");
        var outline = await focused.EvaluateAsync<string>("e => getComputedStyle(e).outlineStyle");
        Assert.That(outline, Is.Not.EqualTo("none"));
        await page.Keyboard.PressAsync("Enter");
        Assert.That(page.Url, Does.EndWith("#main"));
    }
}
