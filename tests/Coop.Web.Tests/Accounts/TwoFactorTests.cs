using System.Net;
using System.Text.RegularExpressions;
using Coop.Data;
using Coop.Web.Features.Accounts;
using Coop.Web.Tests.Support;

namespace Coop.Web.Tests.Accounts;

[TestFixtureSource(typeof(AppFixture), nameof(AppFixture.Providers))]
public sealed partial class TwoFactorTests(DatabaseProvider provider) : AppFixture(provider)
{
    [Test]
    public void Totp_matches_the_rfc_6238_reference_values()
    {
        var key = "12345678901234567890"u8.ToArray();
        // RFC 6238 appendix B, SHA-1, truncated to 6 digits.
        Assert.That(Totp.Compute(key, 59 / 30), Is.EqualTo(287082));
        Assert.That(Totp.Compute(key, 1111111109 / 30), Is.EqualTo(081804));
        Assert.That(Totp.Compute(key, 1234567890 / 30), Is.EqualTo(005924));
        Assert.That(Totp.DecodeBase32("GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ"), Is.EqualTo(key));
    }

    [Test]
    public async Task Two_factor_with_an_authenticator_app_and_single_use_codes()
    {
        var user = await World.UserAsync(App.Services, $"tfa-{Guid.NewGuid():N}@test.coop", "Deux Facteurs");
        var browser = App.Visitor();
        await browser.SignInAsync(user.Email!, World.Password);

        var setup = await browser.GetAsync("/account/two-factor");
        var key = SharedKey().Match(setup.Html).Groups[1].Value.Replace(" ", "", StringComparison.Ordinal);
        Assert.That(key, Is.Not.Empty);
        var keyBytes = Totp.DecodeBase32(key);
        var step = Totp.StepAt(DateTimeOffset.UtcNow);
        var enabled = await browser.SubmitAsync("/account/two-factor", "/account/two-factor",
            new Dictionary<string, string> { ["Code"] = Code(keyBytes, step) });
        Assert.That(enabled.Contains("Vos codes de secours"), Is.True);
        var recoveryCodes = RecoveryCode().Matches(enabled.Html).Select(m => m.Groups[1].Value).ToList();
        Assert.That(recoveryCodes, Has.Count.EqualTo(10));
        await browser.SubmitAsync("/account", "/account/logout", new Dictionary<string, string>());

        // The password alone is not enough any more.
        var second = App.Visitor();
        var afterPassword = await second.SignInAsync(user.Email!, World.Password);
        Assert.That(afterPassword.Location!.ToString(), Does.Contain("/account/login/code"));
        Assert.That((await second.GetAsync("/account")).Status, Is.EqualTo(HttpStatusCode.Redirect));

        // The code used to enable two-factor cannot be replayed.
        var replay = await second.SubmitAsync(afterPassword.Location.ToString(), "/account/login/code", new Dictionary<string, string> { ["Code"] = Code(keyBytes, step) });
        Assert.That(replay.Contains("Ce code n'est pas valide ou a déjà servi."), Is.True);

        // A code from the next time step works once.
        var next = await second.SubmitAsync(afterPassword.Location.ToString(), "/account/login/code", new Dictionary<string, string> { ["Code"] = Code(keyBytes, step + 1) });
        Assert.That(next.Status, Is.EqualTo(HttpStatusCode.Redirect));
        Assert.That((await second.GetAsync("/account")).Contains("Il vous reste 10 codes de secours"), Is.True);

        // A recovery code works once, then is refused.
        for (var attempt = 0; attempt < 2; attempt++)
        {
            var third = App.Visitor();
            await third.SignInAsync(user.Email!, World.Password);
            var result = await third.SubmitAsync("/account/login/recovery", "/account/login/recovery", new Dictionary<string, string> { ["Code"] = recoveryCodes[0] });
            if (attempt == 0) Assert.That(result.Status, Is.EqualTo(HttpStatusCode.Redirect));
            else Assert.That(result.Contains("Ce code de secours n'est pas valide ou a déjà servi."), Is.True);
        }
    }

    private static string Code(byte[] key, long step) => Totp.Compute(key, step).ToString("D6", System.Globalization.CultureInfo.InvariantCulture);

    [GeneratedRegex("data-testid=\"shared-key\">([^<]+)<")]
    private static partial Regex SharedKey();

    [GeneratedRegex("<li><code>([^<]+)</code></li>")]
    private static partial Regex RecoveryCode();
}
