using Coop.Data.Accounts;
using Coop.Web.Features.Accounts;
using Coop.Web.Features.Tenancy;
using Coop.Web.Infrastructure;
using FluentValidation;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Localization;

namespace Coop.Web.Features.Accounts.Api;

/// <summary>Exchanges an e-mail, a password and (when enabled) an authenticator code for a bearer token.</summary>
[Tenantless]
[Route("api/auth")]
[AllowAnonymous]
public sealed class TokenController(SignInManager<CoopUser> signIn, UserManager<CoopUser> users) : ApiControllerBase
{
    [HttpPost("token")]
    [EnableRateLimiting(Features.Accounts.DependencyInjection.AccountRateLimit)]
    [ProducesResponseType(StatusCodes.Status200OK)]
    [ProducesResponseType(typeof(ProblemDetails), StatusCodes.Status401Unauthorized)]
    [ProducesResponseType(typeof(ValidationProblemDetails), StatusCodes.Status400BadRequest)]
    public async Task<IActionResult> Token(TokenRequest request)
    {
        signIn.AuthenticationScheme = IdentityConstants.BearerScheme;
        var user = await users.FindByEmailAsync(request.Email);
        if (user is null) return ApiProblems.Problem(HttpContext, 401, "Api.Token.Failed");
        var result = await signIn.PasswordSignInAsync(user, request.Password, isPersistent: false, lockoutOnFailure: true);
        if (result.RequiresTwoFactor && !string.IsNullOrEmpty(request.TwoFactorCode))
            result = await signIn.TwoFactorAuthenticatorSignInAsync(request.TwoFactorCode, isPersistent: false, rememberClient: false);
        if (result.Succeeded) return new EmptyResult(); // the bearer handler has written the token
        return ApiProblems.Problem(HttpContext, 401, "Api.Token.Failed",
            result.IsLockedOut ? "Api.Token.LockedOut" : result.RequiresTwoFactor ? "Api.Token.TwoFactorRequired" : null);
    }
}

public sealed record TokenRequest(string Email, string Password, string? TwoFactorCode);

public sealed class TokenRequestValidator : AbstractValidator<TokenRequest>
{
    public TokenRequestValidator(IStringLocalizer<SharedResource> l)
    {
        RuleFor(x => x.Email).NotEmpty().WithMessage(_ => l["Validation.Required"]).EmailAddress().WithMessage(_ => l["Validation.Email"]);
        RuleFor(x => x.Password).NotEmpty().WithMessage(_ => l["Validation.Required"]);
    }
}
