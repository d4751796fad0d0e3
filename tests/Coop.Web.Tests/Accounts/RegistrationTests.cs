using System.Net;
using Coop.Data;
using Coop.Web.Tests.Support;

namespace Coop.Web.Tests.Accounts;

[TestFixtureSource(typeof(AppFixture), nameof(AppFixture.Providers))]
public sealed class RegistrationTests(DatabaseProvider provider) : AppFixture(provider)
{
    private static Dictionary<string, string> Form(string email, string password = "une phrase assez longue", string? confirm = null) => new()
    {
        ["DisplayName"] = "Nadia Nouvelle",
        ["Email"] = email,
        ["Password"] = password,
        ["ConfirmPassword"] = confirm ?? password,
    };

    [Test]
    public async Task A_newcomer_registers_confirms_by_mail_and_signs_in()
    {
        var email = $"nadia-{Guid.NewGuid():N}@test.coop";
        var browser = App.Visitor();
        var registered = await browser.SubmitAsync("/account/register", "/account/register", Form(email));
        Assert.That(registered.Status, Is.EqualTo(HttpStatusCode.Redirect));

        // Before confirming, signing in is refused with an explanation.
        var early = await browser.SignInAsync(email, "une phrase assez longue");
        Assert.That(early.Contains("Confirmez d'abord votre adresse e-mail"), Is.True);

        Assert.That(await App.DeliverMailAsync(), Is.GreaterThanOrEqualTo(1));
        var mail = App.Smtp.To(email).Single();
        Assert.That(mail.Subject, Is.EqualTo("Confirmez votre adresse e-mail"));
        var link = new Uri(mail.FirstLink());
        var confirmed = await browser.GetAsync(link.PathAndQuery);
        Assert.That(confirmed.Contains("Adresse confirmée"), Is.True);

        var signedIn = await browser.SignInAsync(email, "une phrase assez longue");
        Assert.That(signedIn.Status, Is.EqualTo(HttpStatusCode.Redirect));
        var account = await browser.GetAsync("/account");
        Assert.That(account.Status, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(account.Contains(email), Is.True);
    }

    [Test]
    public async Task A_confirmation_link_that_was_tampered_with_does_not_confirm()
    {
        var email = $"tamper-{Guid.NewGuid():N}@test.coop";
        var browser = App.Visitor();
        await browser.SubmitAsync("/account/register", "/account/register", Form(email));
        await App.DeliverMailAsync();
        var link = new Uri(App.Smtp.To(email).Single().FirstLink());
        var page = await browser.GetAsync(link.PathAndQuery[..^4] + "AAAA");
        Assert.That(page.Contains("Ce lien ne fonctionne pas"), Is.True);
        Assert.That((await browser.SignInAsync(email, "une phrase assez longue")).Contains("Confirmez d'abord"), Is.True);
    }

    [Test]
    public async Task Registering_a_known_address_reveals_nothing_and_tells_the_owner_by_mail()
    {
        var browser = App.Visitor();
        var page = await browser.SubmitAsync("/account/register", "/account/register", Form(World.MemberA.Email!));
        Assert.That(page.Status, Is.EqualTo(HttpStatusCode.Redirect), "same answer as a new address");
        await App.DeliverMailAsync();
        Assert.That(App.Smtp.To(World.MemberA.Email!).Select(m => m.Subject), Does.Contain("Vous avez déjà un compte Coop"));
    }

    [TestCase("court", "au moins 12 caractères")]
    [TestCase("password1234", "trop courant")]
    [TestCase("aaaaaaaaaaaaaaaa", "trop courant")]
    [TestCase("123456789012345", "trop courant")]
    public async Task Weak_passwords_are_refused_next_to_the_field(string password, string message)
    {
        var email = $"weak-{Guid.NewGuid():N}@test.coop";
        var page = await App.Visitor().SubmitAsync("/account/register", "/account/register", Form(email, password));
        Assert.That(page.Status, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(page.Contains(message), Is.True);
        Assert.That(page.Html, Does.Contain("id=\"f-Password-error\""));
        Assert.That(page.Contains(email), Is.True, "what was typed is kept");
    }

    [Test]
    public async Task Invalid_fields_are_reported_in_english_for_an_english_visitor()
    {
        var browser = App.Visitor();
        browser.Http.DefaultRequestHeaders.AcceptLanguage.ParseAdd("en");
        var page = await browser.SubmitAsync("/account/register", "/account/register", Form("not-an-address", "une phrase assez longue", "different"));
        Assert.That(page.Contains("Enter a valid e-mail address"), Is.True);
        Assert.That(page.Contains("The two passwords do not match."), Is.True);
    }
}
