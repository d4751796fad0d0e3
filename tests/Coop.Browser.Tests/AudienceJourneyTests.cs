using Coop.Web.Features.Audience;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace Coop.Browser.Tests;

/// <summary>Subscribing from a phone with the keyboard only, confirming from the e-mail, then leaving in one click.</summary>
public sealed class AudienceJourneyTests : BrowserFixture
{
    [Test]
    public async Task A_visitor_subscribes_confirms_and_unsubscribes_on_a_phone_with_the_keyboard_only()
    {
        var seed = await AudienceSeed.CreateAsync(App, World);
        var email = $"margot-{Guid.NewGuid():N}@exemple.org";
        var page = await NewPageAsync(width: 360, height: 740);
        await page.GotoAsync($"/c/{World.A.Slug}/subscribe");
        await TabToAsync(page, "#f-Email");
        await page.Keyboard.TypeAsync(email);
        await TabToAsync(page, "#f-Name");
        await page.Keyboard.TypeAsync("Margot");
        await TabToAsync(page, $"#p-{seed.Purpose}");
        await page.Keyboard.PressAsync("Space");
        await TabToAsync(page, "form.form button[type=submit]");
        await page.Keyboard.PressAsync("Enter");
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("Vérifiez votre boîte e-mail");
        var overflow = await page.EvaluateAsync<int>("() => document.documentElement.scrollWidth - document.documentElement.clientWidth");
        Assert.That(overflow, Is.LessThanOrEqualTo(0), "the page fits the phone");

        while (await App.DeliverMailAsync() > 0) { }
        var mail = App.Smtp.To(email).Single();
        await page.GotoAsync(mail.Links().Single(l => l.Contains("/subscribe/confirm", StringComparison.Ordinal)));
        await TabToAsync(page, "main form button[type=submit]");
        await page.Keyboard.PressAsync("Enter");
        await Assertions.Expect(page.Locator("main [role=status]")).ToHaveTextAsync("C'est fait : vous êtes inscrit·e à Lettre d'information.");

        // The preference page lets her leave with one key press too.
        await TabToAsync(page, "main a[href*='/preferences?']");
        await page.Keyboard.PressAsync("Enter");
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("Mes préférences");
        await TabToAsync(page, $"#p-{seed.Purpose}");
        await page.Keyboard.PressAsync("Space");
        await TabToAsync(page, "form[action$='/preferences'] button[type=submit]");
        await page.Keyboard.PressAsync("Enter");
        await Assertions.Expect(page.Locator(".flash")).ToHaveTextAsync("Vos préférences sont enregistrées.");
        await Assertions.Expect(page.Locator($"#p-{seed.Purpose}")).Not.ToBeCheckedAsync();
    }

    [Test]
    public async Task The_embeddable_form_can_be_framed_by_a_partner_site_and_no_other_page_can()
    {
        await AudienceSeed.CreateAsync(App, World);
        var page = await NewPageAsync();
        var embed = await page.GotoAsync($"/c/{World.A.Slug}/subscribe/embed");
        Assert.That(embed!.Headers["content-security-policy"], Does.Contain("frame-ancestors *"));
        Assert.That(embed.Headers.ContainsKey("x-frame-options"), Is.False);
        await Assertions.Expect(page.Locator("header")).ToHaveCountAsync(0);
        var normal = await page.GotoAsync($"/c/{World.A.Slug}/subscribe");
        Assert.That(normal!.Headers["content-security-policy"], Does.Contain("frame-ancestors 'none'"));
        Assert.That(normal.Headers["x-frame-options"], Is.EqualTo("DENY"));
    }
}
