using Coop.Data;
using Coop.Data.Accounts;
using Coop.Web.Features.Tenancy;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.RateLimiting;

namespace Coop.Web.Features.Accounts;

/// <summary>Forgotten password: a reset link by mail, valid 24 hours, single use (the security stamp changes).</summary>
[Tenantless]
[Route("account")]
[AllowAnonymous]
public sealed class PasswordController(UserManager<CoopUser> users, CoopDbContext db, AccountMails mails, LocalizedIdentityErrors errors) : Controller
{
    [HttpGet("forgot-password")]
    public IActionResult Forgot() => View(new ForgotPasswordForm());

    [HttpPost("forgot-password")]
    [EnableRateLimiting(DependencyInjection.AccountRateLimit)]
    public async Task<IActionResult> Forgot(ForgotPasswordForm form)
    {
        if (!ModelState.IsValid) return View(form);
        var user = await users.FindByEmailAsync(form.Email);
        if (user is { EmailConfirmed: true })
        {
            var code = await users.GeneratePasswordResetTokenAsync(user);
            mails.SendPasswordReset(user, $"/account/reset-password?userId={user.Id}&code={Uri.EscapeDataString(code)}");
            await db.SaveChangesAsync();
        }
        // Same answer for known and unknown addresses.
        return View("ForgotSent");
    }

    [HttpGet("reset-password")]
    public IActionResult Reset(string? userId, string? code) =>
        View(new ResetPasswordForm { UserId = userId ?? string.Empty, Code = code ?? string.Empty });

    [HttpPost("reset-password")]
    [EnableRateLimiting(DependencyInjection.AccountRateLimit)]
    public async Task<IActionResult> Reset(ResetPasswordForm form)
    {
        if (!ModelState.IsValid) return View(form);
        var user = Guid.TryParse(form.UserId, out var id) ? await users.FindByIdAsync(id.ToString()) : null;
        var result = user is null
            ? IdentityResult.Failed(errors.InvalidToken())
            : await users.ResetPasswordAsync(user, form.Code, form.Password);
        if (result.Succeeded)
        {
            // A reset proves control of the mailbox; it also ends an ongoing lockout.
            await users.SetLockoutEndDateAsync(user!, null);
            await users.ResetAccessFailedCountAsync(user!);
            return View("ResetDone");
        }
        foreach (var error in result.Errors)
            ModelState.AddModelError(error.Code.StartsWith("Password", StringComparison.Ordinal) ? nameof(form.Password) : string.Empty, errors.Describe(error));
        return View(form);
    }
}
