using Microsoft.Playwright;

namespace Coop.Browser.Tests;

/// <summary>The registry as people live it, in Chromium: apply, be approved, and accept a new charter version before taking part.</summary>
public sealed class RegistryJourneyTests : BrowserFixture
{
    [Test]
    public async Task A_visitor_applies_is_approved_and_must_accept_a_new_charter_before_taking_part()
    {
        var admin = await NewPageAsync();
        await SignInAsync(admin, World.AdminA.Email!, Web.Tests.Support.World.Password);
        await PublishAsync(admin, "# Notre charte\n\nNous décidons ensemble.", "Première version");

        var email = $"candidate-{Guid.NewGuid():N}@test.coop";
        await Web.Tests.Support.World.UserAsync(App.Services, email, "Inès Candidate");
        var visitor = await NewPageAsync();
        await SignInAsync(visitor, email, Web.Tests.Support.World.Password);
        await visitor.GotoAsync($"/c/{World.A.Slug}");
        await visitor.GetByRole(AriaRole.Link, new() { Name = "Demander à adhérer" }).ClickAsync();
        await visitor.GetByLabel("Pourquoi souhaitez-vous adhérer ?").FillAsync("Je tiens l'atelier vélo du quartier.");
        await visitor.GetByRole(AriaRole.Button, new() { Name = "Envoyer ma candidature" }).ClickAsync();
        await Assertions.Expect(visitor.GetByText("Pour adhérer, acceptez la charte.")).ToBeVisibleAsync();
        await visitor.GetByLabel("J'ai lu la charte et je l'accepte").CheckAsync();
        await visitor.GetByRole(AriaRole.Button, new() { Name = "Envoyer ma candidature" }).ClickAsync();
        await Assertions.Expect(visitor.GetByRole(AriaRole.Heading, new() { Name = "Candidature envoyée" })).ToBeVisibleAsync();

        await admin.GotoAsync($"/c/{World.A.Slug}/admin/applications");
        var card = admin.GetByRole(AriaRole.Article).Filter(new() { HasText = "Inès Candidate" });
        await card.GetByRole(AriaRole.Button, new() { Name = "Accepter" }).ClickAsync();
        await Assertions.Expect(admin.GetByText("Candidature acceptée : un e-mail a été envoyé.")).ToBeVisibleAsync();

        await visitor.GotoAsync($"/c/{World.A.Slug}/members");
        await Assertions.Expect(visitor.GetByRole(AriaRole.Heading, new() { Name = "Annuaire des membres" })).ToBeVisibleAsync();

        await PublishAsync(admin, "# Notre charte\n\nNous décidons ensemble.\n\nNous prenons soin du lieu.", "Soin du lieu");
        await visitor.GotoAsync($"/c/{World.A.Slug}/members");
        await Assertions.Expect(visitor.GetByText("La charte a changé depuis la version 1 que vous aviez acceptée.")).ToBeVisibleAsync();
        await visitor.GetByRole(AriaRole.Button, new() { Name = "J'accepte la charte (version 2)" }).ClickAsync();
        await Assertions.Expect(visitor.GetByRole(AriaRole.Heading, new() { Name = "Annuaire des membres" })).ToBeVisibleAsync();
        await Assertions.Expect(visitor.GetByText("Inès Candidate")).ToBeVisibleAsync();
    }

    private async Task PublishAsync(IPage admin, string text, string summary)
    {
        await admin.GotoAsync($"/c/{World.A.Slug}/admin/charter");
        await admin.GetByLabel("Texte (Markdown)").FillAsync(text);
        await admin.GetByLabel("Résumé des changements").FillAsync(summary);
        await admin.GetByRole(AriaRole.Button, new() { Name = "Publier" }).ClickAsync();
        await Assertions.Expect(admin.GetByRole(AriaRole.Heading, new() { Name = "Charte", Level = 1, Exact = true })).ToBeVisibleAsync();
    }
}
