using Coop.Data.Accounts;
using Coop.Web.Features.Membership;
using Coop.Web.Features.Tenancy;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;
using QRCoder;

namespace Coop.Web.Features.Accounts;

/// <summary>A person's account page: their address, and two-factor authentication with recovery codes.</summary>
[Tenantless]
[Route("account")]
[Authorize(Policy = Policies.SignedIn)]
public sealed class SecurityController(UserManager<CoopUser> users, SignInManager<CoopUser> signIn, IStringLocalizer<SharedResource> l) : Controller
{
    [HttpGet("")]
    public async Task<IActionResult> Index()
    {
        var user = await users.GetUserAsync(User);
        if (user is null) return Challenge();
        return View(new SecurityOverview(user.DisplayName, user.Email!, user.TwoFactorEnabled, await users.CountRecoveryCodesAsync(user)));
    }

    [HttpPost("logout")]
    public async Task<IActionResult> Logout()
    {
        await signIn.SignOutAsync();
        return LocalRedirect("/");
    }

    [HttpGet("two-factor")]
    public async Task<IActionResult> Authenticator()
    {
        var user = await users.GetUserAsync(User);
        if (user is null) return Challenge();
        return View(await SetupFor(user));
    }

    [HttpPost("two-factor")]
    public async Task<IActionResult> Authenticator(EnableAuthenticatorForm form)
    {
        var user = await users.GetUserAsync(User);
        if (user is null) return Challenge();
        if (ModelState.IsValid)
        {
            var valid = await users.VerifyTwoFactorTokenAsync(user, users.Options.Tokens.AuthenticatorTokenProvider, form.Code);
            if (valid)
            {
                await users.SetTwoFactorEnabledAsync(user, true);
                var codes = await users.GenerateNewTwoFactorRecoveryCodesAsync(user, 10);
                await signIn.RefreshSignInAsync(user);
                return View("RecoveryCodes", codes!.ToList());
            }
            ModelState.AddModelError(nameof(form.Code), l["TwoFactor.InvalidCode"]);
        }
        return View(await SetupFor(user));
    }

    [HttpPost("two-factor/recovery-codes")]
    public async Task<IActionResult> NewRecoveryCodes()
    {
        var user = await users.GetUserAsync(User);
        if (user is null) return Challenge();
        if (!user.TwoFactorEnabled) return RedirectToAction(nameof(Index));
        var codes = await users.GenerateNewTwoFactorRecoveryCodesAsync(user, 10);
        return View("RecoveryCodes", codes!.ToList());
    }

    [HttpPost("two-factor/disable")]
    public async Task<IActionResult> Disable()
    {
        var user = await users.GetUserAsync(User);
        if (user is null) return Challenge();
        await users.SetTwoFactorEnabledAsync(user, false);
        await users.ResetAuthenticatorKeyAsync(user);
        await signIn.RefreshSignInAsync(user);
        return RedirectToAction(nameof(Index));
    }

    private async Task<AuthenticatorSetup> SetupFor(CoopUser user)
    {
        var key = await users.GetAuthenticatorKeyAsync(user);
        if (string.IsNullOrEmpty(key))
        {
            await users.ResetAuthenticatorKeyAsync(user);
            key = await users.GetAuthenticatorKeyAsync(user);
        }
        var uri = $"otpauth://totp/Coop:{Uri.EscapeDataString(user.Email!)}?secret={key}&issuer=Coop&digits=6";
        using var generator = new QRCodeGenerator();
        using var data = generator.CreateQrCode(uri, QRCodeGenerator.ECCLevel.Q);
        var svg = new SvgQRCode(data).GetGraphic(4);
        var dataUri = "data:image/svg+xml;base64," + Convert.ToBase64String(System.Text.Encoding.UTF8.GetBytes(svg));
        return new AuthenticatorSetup(FormatKey(key!), dataUri, new EnableAuthenticatorForm());
    }

    private static string FormatKey(string key) =>
        string.Join(' ', Enumerable.Range(0, (key.Length + 3) / 4).Select(i => key.Substring(i * 4, Math.Min(4, key.Length - i * 4)))).ToLowerInvariant();
}

public sealed record SecurityOverview(string DisplayName, string Email, bool TwoFactorEnabled, int RecoveryCodesLeft);

public sealed record AuthenticatorSetup(string SharedKey, string QrCodeDataUri, EnableAuthenticatorForm Form);
