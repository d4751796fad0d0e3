using System.Net;
using Coop.Data;
using Coop.Web.Tests.Support;

namespace Coop.Web.Tests.Accounts;

[TestFixtureSource(typeof(AppFixture), nameof(AppFixture.Providers))]
public sealed class SignInTests(DatabaseProvider provider) : AppFixture(provider)
{
    [Test]
    public async Task Five_wrong_passwords_lock_the_account_even_against_the_right_one()
    {
        var user = await World.UserAsync(App.Services, $"locked-{Guid.NewGuid():N}@test.coop", "Verrou");
        var browser = App.Visitor();
        for (var i = 0; i < 4; i++)
            Assert.That((await browser.SignInAsync(user.Email!, "pas le bon mot de passe")).Contains("incorrect"), Is.True);
        Assert.That((await browser.SignInAsync(user.Email!, "pas le bon mot de passe")).Contains("Compte temporairement bloqué"), Is.True);
        var right = await browser.SignInAsync(user.Email!, World.Password);
        Assert.That(right.Contains("Compte temporairement bloqué"), Is.True);
        Assert.That((await browser.GetAsync("/account")).Status, Is.EqualTo(HttpStatusCode.Redirect), "still signed out");
    }

    [Test]
    public async Task An_unknown_address_and_a_wrong_password_get_the_same_message()
    {
        var unknown = await App.Visitor().SignInAsync($"nobody-{Guid.NewGuid():N}@test.coop", "pas le bon mot de passe");
        var wrong = await App.Visitor().SignInAsync(World.MemberB.Email!, "pas le bon mot de passe");
        Assert.That(unknown.Contains("Adresse e-mail ou mot de passe incorrect."), Is.True);
        Assert.That(wrong.Contains("Adresse e-mail ou mot de passe incorrect."), Is.True);
    }

    [Test]
    public async Task A_return_url_to_another_site_is_ignored()
    {
        var page = await App.Visitor().SubmitAsync("/account/login", "/account/login", new Dictionary<string, string>
        {
            ["Email"] = World.Both.Email!, ["Password"] = World.Password, ["ReturnUrl"] = "https://evil.example/",
        });
        Assert.That(page.Status, Is.EqualTo(HttpStatusCode.Redirect));
        Assert.That(page.Location!.ToString(), Is.EqualTo("/"));
    }

    [Test]
    public async Task Signing_out_ends_the_session()
    {
        var browser = App.Visitor();
        await browser.SignInAsync(World.Both.Email!, World.Password);
        Assert.That((await browser.GetAsync("/account")).Status, Is.EqualTo(HttpStatusCode.OK));
        await browser.SubmitAsync("/account", "/account/logout", new Dictionary<string, string>());
        Assert.That((await browser.GetAsync("/account")).Status, Is.EqualTo(HttpStatusCode.Redirect));
    }

    [Test]
    public async Task A_forgotten_password_is_reset_by_a_single_use_mailed_link()
    {
        var user = await World.UserAsync(App.Services, $"forgot-{Guid.NewGuid():N}@test.coop", "Oublieuse");
        var browser = App.Visitor();
        var sent = await browser.SubmitAsync("/account/forgot-password", "/account/forgot-password", new Dictionary<string, string> { ["Email"] = user.Email! });
        Assert.That(sent.Contains("Si un compte existe"), Is.True);
        await App.DeliverMailAsync();
        var link = new Uri(App.Smtp.To(user.Email!).Single().FirstLink());
        var query = System.Web.HttpUtility.ParseQueryString(link.Query);
        var fields = new Dictionary<string, string>
        {
            ["UserId"] = query["userId"]!, ["Code"] = query["code"]!,
            ["Password"] = "un tout nouveau mot de passe", ["ConfirmPassword"] = "un tout nouveau mot de passe",
        };
        Assert.That((await browser.SubmitAsync(link.PathAndQuery, "/account/reset-password", fields)).Contains("Mot de passe modifié"), Is.True);
        Assert.That((await App.Visitor().SignInAsync(user.Email!, "un tout nouveau mot de passe")).Status, Is.EqualTo(HttpStatusCode.Redirect));

        fields["Password"] = fields["ConfirmPassword"] = "encore un autre mot de passe";
        var reused = await browser.SubmitAsync(link.PathAndQuery, "/account/reset-password", fields);
        Assert.That(reused.Contains("Ce lien est invalide ou a expiré"), Is.True);
    }

    [TestCase("/account/confirm?userId=not-a-guid&code=abc", "Ce lien ne fonctionne pas")]
    [TestCase("/account/confirm", "Ce lien ne fonctionne pas")]
    public async Task Malformed_links_say_so_instead_of_failing(string link, string message)
    {
        var page = await App.Visitor().GetAsync(link);
        Assert.That(page.Status, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(page.Contains(message), Is.True);
    }

    [Test]
    public async Task A_reset_with_a_malformed_user_id_is_an_invalid_link()
    {
        var page = await App.Visitor().SubmitAsync("/account/reset-password?userId=zzz&code=abc", "/account/reset-password", new Dictionary<string, string>
        {
            ["UserId"] = "zzz", ["Code"] = "abc", ["Password"] = "un tout nouveau mot de passe", ["ConfirmPassword"] = "un tout nouveau mot de passe",
        });
        Assert.That(page.Contains("Ce lien est invalide ou a expiré"), Is.True);
    }

    [Test]
    public async Task Asking_a_reset_for_an_unknown_address_looks_the_same_and_sends_nothing()
    {
        var before = App.Smtp.Mails.Count;
        var email = $"ghost-{Guid.NewGuid():N}@test.coop";
        var page = await App.Visitor().SubmitAsync("/account/forgot-password", "/account/forgot-password", new Dictionary<string, string> { ["Email"] = email });
        Assert.That(page.Contains("Si un compte existe"), Is.True);
        await App.DeliverMailAsync();
        Assert.That(App.Smtp.To(email), Is.Empty);
        Assert.That(App.Smtp.Mails.Count, Is.EqualTo(before));
    }
}
