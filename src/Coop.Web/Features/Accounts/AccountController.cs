using Coop.Data;
using Coop.Data.Accounts;
using Coop.Web.Features.Tenancy;
using Coop.Web.Infrastructure;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Localization;

namespace Coop.Web.Features.Accounts;

/// <summary>Registration with e-mail confirmation, log-in (with lockout) and log-out.</summary>
[Tenantless]
[Route("account")]
[AllowAnonymous]
public sealed class AccountController(
    UserManager<CoopUser> users, SignInManager<CoopUser> signIn, CoopDbContext db, AccountMails mails,
    LocalizedIdentityErrors errors, IStringLocalizer<SharedResource> l) : Controller
{
    [HttpGet("register")]
    public IActionResult Register() => View(new RegisterForm());

    [HttpPost("register")]
    [EnableRateLimiting(DependencyInjection.AccountRateLimit)]
    public async Task<IActionResult> Register(RegisterForm form)
    {
        if (!ModelState.IsValid) return View(form);

        // The same answer whether or not the address is known: the owner gets a mail either way, a stranger learns nothing.
        await using var transaction = await db.Database.BeginTransactionAsync();
        var existing = await users.FindByEmailAsync(form.Email);
        if (existing is not null)
        {
            mails.SendAlreadyRegistered(existing);
        }
        else
        {
            var user = new CoopUser
            {
                UserName = form.Email.Trim(),
                Email = form.Email.Trim(),
                DisplayName = form.DisplayName.Trim(),
                PreferredLocale = System.Globalization.CultureInfo.CurrentUICulture.Name,
            };
            var created = await users.CreateAsync(user, form.Password);
            if (!created.Succeeded)
            {
                foreach (var error in created.Errors) ModelState.AddModelError(FieldOf(error), errors.Describe(error));
                return View(form);
            }
            var code = await users.GenerateEmailConfirmationTokenAsync(user);
            mails.SendConfirmation(user, $"/account/confirm?userId={user.Id}&code={Uri.EscapeDataString(code)}");
        }
        await db.SaveChangesAsync();
        await transaction.CommitAsync();
        return RedirectToAction(nameof(CheckMail));
    }

    [HttpGet("register/check-mail")]
    public IActionResult CheckMail() => View();

    [HttpGet("confirm")]
    public async Task<IActionResult> Confirm(string? userId, string? code)
    {
        // A malformed id in a link is just an invalid link, never an error page.
        var user = Guid.TryParse(userId, out var id) ? await users.FindByIdAsync(id.ToString()) : null;
        var confirmed = user is not null && code is not null && (await users.ConfirmEmailAsync(user, code)).Succeeded;
        return View(confirmed);
    }

    [HttpGet("login")]
    public IActionResult Login(string? returnUrl) => View(new LoginForm { ReturnUrl = returnUrl });

    [HttpPost("login")]
    [EnableRateLimiting(DependencyInjection.AccountRateLimit)]
    public async Task<IActionResult> Login(LoginForm form)
    {
        if (!ModelState.IsValid) return View(form);
        var user = await users.FindByEmailAsync(form.Email);
        if (user is not null && !user.EmailConfirmed && await users.CheckPasswordAsync(user, form.Password))
        {
            ModelState.AddModelError(string.Empty, l["Login.NotConfirmed"]);
            return View(form);
        }

        var result = user is null
            ? Microsoft.AspNetCore.Identity.SignInResult.Failed
            : await signIn.PasswordSignInAsync(user, form.Password, form.RememberMe, lockoutOnFailure: true);
        if (result.Succeeded) return LocalRedirect(Url.LocalOr(form.ReturnUrl));
        if (result.RequiresTwoFactor)
            return RedirectToAction(nameof(TwoFactorController.LoginWithCode), "TwoFactor", new { returnUrl = form.ReturnUrl, rememberMe = form.RememberMe });
        if (result.IsLockedOut) return View("Lockout");
        ModelState.AddModelError(string.Empty, l["Login.Invalid"]);
        return View(form);
    }


    private static string FieldOf(IdentityError error) =>
        error.Code.StartsWith("Password", StringComparison.Ordinal) ? nameof(RegisterForm.Password)
        : error.Code.Contains("Email", StringComparison.Ordinal) || error.Code.Contains("UserName", StringComparison.Ordinal) ? nameof(RegisterForm.Email)
        : string.Empty;
}
