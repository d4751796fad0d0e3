using Coop.Web.Tests.Support;
using Microsoft.Playwright;

namespace Coop.Browser.Tests;

/// <summary>Paying dues as a member does it (through the hosted checkout and back), and a treasurer entering a cheque.</summary>
public sealed class TreasuryJourneyTests : BrowserFixture
{
    private readonly FakeStripe _stripe = FakeStripe.Start();

    protected override IReadOnlyDictionary<string, string?> Settings => _stripe.Settings;

    [OneTimeSetUp]
    public async Task SeedAsync()
    {
        _stripe.Webhooks = new HttpClient { BaseAddress = new Uri(BaseUrl) };
        await TreasurySeed.CreateAsync(App, World);
    }

    [OneTimeTearDown]
    public async Task StopStripeAsync()
    {
        _stripe.Webhooks?.Dispose();
        await _stripe.DisposeAsync();
    }

    [Test]
    public async Task A_member_pays_dues_through_the_checkout_and_comes_back_to_a_paid_status()
    {
        var page = await NewPageAsync(width: 360, height: 740);
        await SignInAsync(page, World.MemberA.Email!, Web.Tests.Support.World.Password);
        await page.GotoAsync($"/c/{World.A.Slug}/dues");
        await Assertions.Expect(page.Locator(".lead")).ToHaveTextAsync("Vous devez 30,00 €.");
        await Assertions.Expect(page.GetByText("Aucuns frais pour vous, pas de pourboire.", new() { Exact = false })).ToBeVisibleAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Payer en ligne" }).ClickAsync();
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("Fake checkout");
        await page.GetByRole(AriaRole.Button, new() { Name = "Pay" }).ClickAsync();
        await Assertions.Expect(page.Locator(".lead")).ToHaveTextAsync("Merci ! Votre paiement de 30,00 € est reçu.");
        await page.GetByRole(AriaRole.Link, new() { Name = "Retour à mes cotisations" }).ClickAsync();
        await Assertions.Expect(page.Locator(".lead")).ToHaveTextAsync("Vous êtes à jour de vos cotisations.");
        await Assertions.Expect(page.Locator(".status").First).ToHaveTextAsync("réglée");
        var overflow = await page.EvaluateAsync<int>("() => document.documentElement.scrollWidth - document.documentElement.clientWidth");
        Assert.That(overflow, Is.LessThanOrEqualTo(0), "the dues page fits the phone");
    }

    [Test]
    public async Task The_treasurer_records_a_cheque_and_the_attestation_appears()
    {
        var page = await NewPageAsync();
        await SignInAsync(page, World.AdminA.Email!, Web.Tests.Support.World.Password);
        await page.GotoAsync($"/c/{World.A.Slug}/treasury/calls");
        await page.GetByRole(AriaRole.Link, new() { Name = "Saisir un paiement de Membre des deux" }).ClickAsync();
        await Assertions.Expect(page.Locator("#f-Amount")).ToHaveValueAsync("30.00");
        await page.Locator("#f-Reference").FillAsync("Chèque 0004521");
        await page.GetByRole(AriaRole.Button, new() { Name = "Enregistrer le paiement" }).ClickAsync();
        await Assertions.Expect(page.Locator(".flash")).ToHaveTextAsync("Paiement enregistré ; voici son attestation.");
        await Assertions.Expect(page.Locator("h1")).ToContainTextAsync("Attestation de paiement");
        await Assertions.Expect(page.Locator(".receipt-number")).ToHaveTextAsync(new System.Text.RegularExpressions.Regex($"^{DateTime.UtcNow.Year}-0000\\d\\d$"));
        await Assertions.Expect(page.GetByText("Chèque 0004521")).ToBeVisibleAsync();
    }
}
