using Coop.Data.Accounts;
using Coop.Web.Features.Tenancy;
using Coop.Web.Infrastructure;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Localization;

namespace Coop.Web.Features.Accounts;

/// <summary>The second step of log-in: an authenticator code, or a single-use recovery code.</summary>
[Tenantless]
[Route("account/login")]
[AllowAnonymous]
public sealed class TwoFactorController(SignInManager<CoopUser> signIn, IStringLocalizer<SharedResource> l) : Controller
{
    [HttpGet("code")]
    public async Task<IActionResult> LoginWithCode(string? returnUrl, bool rememberMe)
    {
        if (await signIn.GetTwoFactorAuthenticationUserAsync() is null) return RedirectToAction(nameof(AccountController.Login), "Account");
        ViewData["RememberMe"] = rememberMe;
        return View(new TwoFactorForm { ReturnUrl = returnUrl });
    }

    [HttpPost("code")]
    [EnableRateLimiting(DependencyInjection.AccountRateLimit)]
    public async Task<IActionResult> LoginWithCode(TwoFactorForm form, bool rememberMe)
    {
        if (!ModelState.IsValid) return View(form);
        if (await signIn.GetTwoFactorAuthenticationUserAsync() is null) return RedirectToAction(nameof(AccountController.Login), "Account");
        var result = await signIn.TwoFactorAuthenticatorSignInAsync(form.Code, rememberMe, form.RememberMachine);
        if (result.Succeeded) return LocalRedirect(Url.LocalOr(form.ReturnUrl));
        if (result.IsLockedOut) return View("Lockout");
        ModelState.AddModelError(nameof(form.Code), l["TwoFactor.InvalidCode"]);
        return View(form);
    }

    [HttpGet("recovery")]
    public async Task<IActionResult> LoginWithRecoveryCode(string? returnUrl)
    {
        if (await signIn.GetTwoFactorAuthenticationUserAsync() is null) return RedirectToAction(nameof(AccountController.Login), "Account");
        return View(new RecoveryCodeForm { ReturnUrl = returnUrl });
    }

    [HttpPost("recovery")]
    [EnableRateLimiting(DependencyInjection.AccountRateLimit)]
    public async Task<IActionResult> LoginWithRecoveryCode(RecoveryCodeForm form)
    {
        if (!ModelState.IsValid) return View(form);
        if (await signIn.GetTwoFactorAuthenticationUserAsync() is null) return RedirectToAction(nameof(AccountController.Login), "Account");
        // Identity removes a recovery code when it is redeemed, so a code already used is refused.
        var result = await signIn.TwoFactorRecoveryCodeSignInAsync(form.Code.Replace(" ", string.Empty, StringComparison.Ordinal));
        if (result.Succeeded) return LocalRedirect(Url.LocalOr(form.ReturnUrl));
        if (result.IsLockedOut) return View("Lockout");
        ModelState.AddModelError(nameof(form.Code), l["TwoFactor.InvalidRecoveryCode"]);
        return View(form);
    }

}
